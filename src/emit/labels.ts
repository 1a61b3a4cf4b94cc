// The few words the pages say themselves (skip link, byline, subscribe…), per language, and
// the writing direction of a language. Dates are not here: date-fns locales write them.
import { BoundedMap } from '../bounded-map.js';

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
  /** A podcast episode's player: its heading, the download and transcript links, an image credit. */
  episode: string;
  download: string;
  transcript: string;
  credit: string;
}

// The languages most used by news sites, and a few more with large newsrooms.
const CATALOGUE: Readonly<Record<string, Labels>> = {
  en: { skip: 'Skip to content', by: 'By', tags: 'Tags', subscribe: 'Subscribe', colon: ':', articles: 'Articles', feeds: 'All feeds (OPML)', episode: 'Episode', download: 'Download', transcript: 'Transcript', credit: 'Credit' },
  fr: { skip: 'Aller au contenu', by: 'Par', tags: 'Sujets', subscribe: 'S’abonner', colon: '\u00a0:', articles: 'Articles', feeds: 'Tous les flux (OPML)', episode: 'Épisode', download: 'Télécharger', transcript: 'Transcription', credit: 'Crédit' },
  es: { skip: 'Saltar al contenido', by: 'Por', tags: 'Temas', subscribe: 'Suscribirse', colon: ':', articles: 'Artículos', feeds: 'Todos los feeds (OPML)', episode: 'Episodio', download: 'Descargar', transcript: 'Transcripción', credit: 'Crédito' },
  de: { skip: 'Zum Inhalt springen', by: 'Von', tags: 'Themen', subscribe: 'Abonnieren', colon: ':', articles: 'Artikel', feeds: 'Alle Feeds (OPML)', episode: 'Folge', download: 'Herunterladen', transcript: 'Transkript', credit: 'Bildnachweis' },
  pt: { skip: 'Ir para o conteúdo', by: 'Por', tags: 'Temas', subscribe: 'Assinar', colon: ':', articles: 'Artigos', feeds: 'Todos os feeds (OPML)', episode: 'Episódio', download: 'Baixar', transcript: 'Transcrição', credit: 'Crédito' },
  it: { skip: 'Vai al contenuto', by: 'Di', tags: 'Argomenti', subscribe: 'Iscriviti', colon: ':', articles: 'Articoli', feeds: 'Tutti i feed (OPML)', episode: 'Episodio', download: 'Scarica', transcript: 'Trascrizione', credit: 'Credito' },
  nl: { skip: 'Naar de inhoud', by: 'Door', tags: 'Onderwerpen', subscribe: 'Abonneren', colon: ':', articles: 'Artikelen', feeds: 'Alle feeds (OPML)', episode: 'Aflevering', download: 'Downloaden', transcript: 'Transcript', credit: 'Beeld' },
  ar: { skip: 'انتقل إلى المحتوى', by: 'بقلم', tags: 'الموضوعات', subscribe: 'اشترك', colon: ':', articles: 'المقالات', feeds: 'كل الخلاصات (OPML)', episode: 'الحلقة', download: 'تنزيل', transcript: 'النص', credit: 'المصدر' },
  ru: { skip: 'Перейти к содержанию', by: 'Автор:', tags: 'Темы', subscribe: 'Подписаться', colon: ':', articles: 'Статьи', feeds: 'Все ленты (OPML)', episode: 'Выпуск', download: 'Скачать', transcript: 'Расшифровка', credit: 'Источник' },
  uk: { skip: 'Перейти до змісту', by: 'Автор:', tags: 'Теми', subscribe: 'Підписатися', colon: ':', articles: 'Статті', feeds: 'Усі стрічки (OPML)', episode: 'Випуск', download: 'Завантажити', transcript: 'Розшифровка', credit: 'Джерело' },
  pl: { skip: 'Przejdź do treści', by: 'Autor:', tags: 'Tematy', subscribe: 'Subskrybuj', colon: ':', articles: 'Artykuły', feeds: 'Wszystkie kanały (OPML)', episode: 'Odcinek', download: 'Pobierz', transcript: 'Transkrypcja', credit: 'Źródło' },
  tr: { skip: 'İçeriğe geç', by: 'Yazan:', tags: 'Etiketler', subscribe: 'Abone ol', colon: ':', articles: 'Makaleler', feeds: 'Tüm beslemeler (OPML)', episode: 'Bölüm', download: 'İndir', transcript: 'Döküm', credit: 'Kaynak' },
  ja: { skip: '本文へスキップ', by: '著者:', tags: 'タグ', subscribe: '購読', colon: '：', articles: '記事', feeds: 'すべてのフィード (OPML)', episode: 'エピソード', download: 'ダウンロード', transcript: '文字起こし', credit: 'クレジット' },
  zh: { skip: '跳到内容', by: '作者:', tags: '标签', subscribe: '订阅', colon: '：', articles: '文章', feeds: '所有订阅源 (OPML)', episode: '单集', download: '下载', transcript: '文字稿', credit: '来源' },
  'zh-hant': { skip: '跳到內容', by: '作者:', tags: '標籤', subscribe: '訂閱', colon: '：', articles: '文章', feeds: '所有訂閱源 (OPML)', episode: '單集', download: '下載', transcript: '文字稿', credit: '來源' },
  ko: { skip: '본문 바로가기', by: '글:', tags: '태그', subscribe: '구독', colon: ':', articles: '기사', feeds: '모든 피드 (OPML)', episode: '에피소드', download: '다운로드', transcript: '대본', credit: '출처' },
  he: { skip: 'דלג לתוכן', by: 'מאת', tags: 'נושאים', subscribe: 'הרשמה', colon: ':', articles: 'כתבות', feeds: 'כל הפידים (OPML)', episode: 'פרק', download: 'הורדה', transcript: 'תמלול', credit: 'קרדיט' },
  fa: { skip: 'پرش به محتوا', by: 'نوشتهٔ', tags: 'برچسب‌ها', subscribe: 'اشتراک', colon: ':', articles: 'مقاله‌ها', feeds: 'همهٔ خوراک‌ها (OPML)', episode: 'قسمت', download: 'دانلود', transcript: 'متن', credit: 'منبع' },
};

/** The words of listing pages: their page links, and the pages of all tags and all authors. */
export interface ListingLabels {
  /** The pages of all tags and all authors, and the index's links to them. */
  authors: string;
  /** The index's links to the pages of all tags and all authors. */
  browse: string;
  /** The page links of a listing. */
  pages: string;
  newer: string;
  older: string;
  /** An older listing page's name; `{n}` is its number, 1 being the oldest. */
  page: string;
}

// Apart from CATALOGUE so that each table grows by entries, not by longer lines.
const LISTING_CATALOGUE: Readonly<Record<string, ListingLabels>> = {
  en: { authors: 'Authors', browse: 'Browse', pages: 'Pages', newer: 'Newer articles', older: 'Older articles', page: 'Page {n}' },
  fr: { authors: 'Auteurs', browse: 'Parcourir', pages: 'Pages', newer: 'Articles plus récents', older: 'Articles plus anciens', page: 'Page {n}' },
  es: { authors: 'Autores', browse: 'Explorar', pages: 'Páginas', newer: 'Artículos más recientes', older: 'Artículos anteriores', page: 'Página {n}' },
  de: { authors: 'Autoren', browse: 'Übersicht', pages: 'Seiten', newer: 'Neuere Artikel', older: 'Ältere Artikel', page: 'Seite {n}' },
  pt: { authors: 'Autores', browse: 'Explorar', pages: 'Páginas', newer: 'Artigos mais recentes', older: 'Artigos mais antigos', page: 'Página {n}' },
  it: { authors: 'Autori', browse: 'Esplora', pages: 'Pagine', newer: 'Articoli più recenti', older: 'Articoli meno recenti', page: 'Pagina {n}' },
  nl: { authors: 'Auteurs', browse: 'Bladeren', pages: 'Pagina’s', newer: 'Nieuwere artikelen', older: 'Oudere artikelen', page: 'Pagina {n}' },
  ar: { authors: 'الكتّاب', browse: 'تصفّح', pages: 'الصفحات', newer: 'مقالات أحدث', older: 'مقالات أقدم', page: 'الصفحة {n}' },
  ru: { authors: 'Авторы', browse: 'Обзор', pages: 'Страницы', newer: 'Более новые статьи', older: 'Более старые статьи', page: 'Страница {n}' },
  uk: { authors: 'Автори', browse: 'Огляд', pages: 'Сторінки', newer: 'Новіші статті', older: 'Старіші статті', page: 'Сторінка {n}' },
  pl: { authors: 'Autorzy', browse: 'Przeglądaj', pages: 'Strony', newer: 'Nowsze artykuły', older: 'Starsze artykuły', page: 'Strona {n}' },
  tr: { authors: 'Yazarlar', browse: 'Göz at', pages: 'Sayfalar', newer: 'Daha yeni makaleler', older: 'Daha eski makaleler', page: 'Sayfa {n}' },
  ja: { authors: '著者', browse: '一覧', pages: 'ページ', newer: '新しい記事', older: '過去の記事', page: '{n} ページ' },
  zh: { authors: '作者', browse: '浏览', pages: '分页', newer: '较新的文章', older: '较早的文章', page: '第 {n} 页' },
  'zh-hant': { authors: '作者', browse: '瀏覽', pages: '分頁', newer: '較新的文章', older: '較早的文章', page: '第 {n} 頁' },
  ko: { authors: '필자', browse: '둘러보기', pages: '페이지', newer: '최신 기사', older: '이전 기사', page: '{n}페이지' },
  he: { authors: 'כותבים', browse: 'עיון', pages: 'עמודים', newer: 'כתבות חדשות יותר', older: 'כתבות ישנות יותר', page: 'עמוד {n}' },
  fa: { authors: 'نویسندگان', browse: 'مرور', pages: 'صفحه‌ها', newer: 'مقاله‌های جدیدتر', older: 'مقاله‌های قدیمی‌تر', page: 'صفحهٔ {n}' },
};

/** Every word a page says, whichever table it comes from. */
export type PageLabels = Labels & ListingLabels;

/** Languages the catalogue speaks; any other gets English labels. */
export const LABEL_LANGUAGES: readonly string[] = Object.keys(CATALOGUE);

// Keyed by the languages articles declare, which a hostile or long-lived project can vary.
const chosen = new BoundedMap<string, PageLabels>(1_000);

/** The labels for a BCP 47 tag: the tag, its language and script (zh-TW → zh-Hant), its language, then English. */
export function labelsFor(lang: string): PageLabels {
  let labels = chosen.get(lang);
  if (labels === undefined) {
    const locale = localeOf(lang);
    const candidates = [lang.toLowerCase(), locale ? `${locale.language}-${locale.maximize().script ?? ''}`.toLowerCase() : '', locale?.language ?? lang.split('-')[0]?.toLowerCase() ?? ''];
    const key = candidates.find((candidate) => Object.hasOwn(CATALOGUE, candidate)) ?? 'en';
    labels = { ...(CATALOGUE[key] as Labels), ...(LISTING_CATALOGUE[key] ?? (LISTING_CATALOGUE.en as ListingLabels)) };
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
