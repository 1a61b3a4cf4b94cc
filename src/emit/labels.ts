// The few words the pages say themselves (skip link, byline, subscribe…), per language, and
// the writing direction of a language. Dates are not here: date-fns locales write them.

export interface Labels {
  skip: string;
  /** Before the authors' names: "By Peter", "Par Peter", "著者: Peter". */
  by: string;
  tags: string;
  subscribe: string;
  /** Between "Subscribe" and the links: French puts a no-break space before it, CJK a full-width colon. */
  colon: string;
  articles: string;
  feeds: string;
}

// The languages most used by news sites, and a few more with large newsrooms.
const CATALOGUE: Readonly<Record<string, Labels>> = {
  en: { skip: 'Skip to content', by: 'By', tags: 'Tags', subscribe: 'Subscribe', colon: ':', articles: 'Articles', feeds: 'All feeds (OPML)' },
  fr: { skip: 'Aller au contenu', by: 'Par', tags: 'Sujets', subscribe: 'S’abonner', colon: '\u00a0:', articles: 'Articles', feeds: 'Tous les flux (OPML)' },
  es: { skip: 'Saltar al contenido', by: 'Por', tags: 'Temas', subscribe: 'Suscribirse', colon: ':', articles: 'Artículos', feeds: 'Todos los feeds (OPML)' },
  de: { skip: 'Zum Inhalt springen', by: 'Von', tags: 'Themen', subscribe: 'Abonnieren', colon: ':', articles: 'Artikel', feeds: 'Alle Feeds (OPML)' },
  pt: { skip: 'Ir para o conteúdo', by: 'Por', tags: 'Temas', subscribe: 'Assinar', colon: ':', articles: 'Artigos', feeds: 'Todos os feeds (OPML)' },
  it: { skip: 'Vai al contenuto', by: 'Di', tags: 'Argomenti', subscribe: 'Iscriviti', colon: ':', articles: 'Articoli', feeds: 'Tutti i feed (OPML)' },
  nl: { skip: 'Naar de inhoud', by: 'Door', tags: 'Onderwerpen', subscribe: 'Abonneren', colon: ':', articles: 'Artikelen', feeds: 'Alle feeds (OPML)' },
  ar: { skip: 'انتقل إلى المحتوى', by: 'بقلم', tags: 'الموضوعات', subscribe: 'اشترك', colon: ':', articles: 'المقالات', feeds: 'كل الخلاصات (OPML)' },
  ru: { skip: 'Перейти к содержанию', by: 'Автор:', tags: 'Темы', subscribe: 'Подписаться', colon: ':', articles: 'Статьи', feeds: 'Все ленты (OPML)' },
  uk: { skip: 'Перейти до змісту', by: 'Автор:', tags: 'Теми', subscribe: 'Підписатися', colon: ':', articles: 'Статті', feeds: 'Усі стрічки (OPML)' },
  pl: { skip: 'Przejdź do treści', by: 'Autor:', tags: 'Tematy', subscribe: 'Subskrybuj', colon: ':', articles: 'Artykuły', feeds: 'Wszystkie kanały (OPML)' },
  tr: { skip: 'İçeriğe geç', by: 'Yazan:', tags: 'Etiketler', subscribe: 'Abone ol', colon: ':', articles: 'Makaleler', feeds: 'Tüm beslemeler (OPML)' },
  ja: { skip: '本文へスキップ', by: '著者:', tags: 'タグ', subscribe: '購読', colon: '：', articles: '記事', feeds: 'すべてのフィード (OPML)' },
  zh: { skip: '跳到内容', by: '作者:', tags: '标签', subscribe: '订阅', colon: '：', articles: '文章', feeds: '所有订阅源 (OPML)' },
  'zh-hant': { skip: '跳到內容', by: '作者:', tags: '標籤', subscribe: '訂閱', colon: '：', articles: '文章', feeds: '所有訂閱源 (OPML)' },
  ko: { skip: '본문 바로가기', by: '글:', tags: '태그', subscribe: '구독', colon: ':', articles: '기사', feeds: '모든 피드 (OPML)' },
  he: { skip: 'דלג לתוכן', by: 'מאת', tags: 'נושאים', subscribe: 'הרשמה', colon: ':', articles: 'כתבות', feeds: 'כל הפידים (OPML)' },
  fa: { skip: 'پرش به محتوا', by: 'نوشتهٔ', tags: 'برچسب‌ها', subscribe: 'اشتراک', colon: ':', articles: 'مقاله‌ها', feeds: 'همهٔ خوراک‌ها (OPML)' },
};

/** Languages the catalogue speaks; any other gets English labels. */
export const LABEL_LANGUAGES: readonly string[] = Object.keys(CATALOGUE);

const chosen = new Map<string, Labels>();

/** The labels for a BCP 47 tag: the tag, its language and script (zh-TW → zh-Hant), its language, then English. */
export function labelsFor(lang: string): Labels {
  let labels = chosen.get(lang);
  if (labels === undefined) {
    const locale = localeOf(lang);
    const candidates = [lang.toLowerCase(), locale ? `${locale.language}-${locale.maximize().script ?? ''}`.toLowerCase() : '', locale?.language ?? lang.split('-')[0]?.toLowerCase() ?? ''];
    labels = candidates.map((key) => CATALOGUE[key]).find((found) => found !== undefined) ?? (CATALOGUE.en as Labels);
    chosen.set(lang, labels);
  }
  return labels;
}

// Scripts written right to left (Unicode's Bidi_Class R/AL scripts in use today). ICU's
// textInfo is asked first; this list covers the tags it gets wrong (az-Arab, dv).
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend']);

/** `rtl` for a language written right to left (ar, he, fa, ur, dv…), `ltr` otherwise. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  const locale = localeOf(lang);
  if (!locale) return 'ltr';
  const info = (locale as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === 'rtl' || RTL_SCRIPTS.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr';
}

function localeOf(lang: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(lang);
  } catch {
    return undefined;
  }
}
