// Dates as a reader of the page's language writes them: "21 novembre 2024", "21 November 2024".
import { createRequire } from 'node:module';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Locale } from 'date-fns/locale';
import { enUS } from 'date-fns/locale/en-US';
import { BoundedMap } from '../bounded-map.js';

// date-fns ships 95 locales; importing them all added 0.1 s (1.1 MB) to every build's start, so
// only the ones a site uses are loaded, by their package export name (`date-fns/locale/fr`).
const load = createRequire(import.meta.url);

// Languages date-fns has only in regional variants.
const REGION_OF: Record<string, string> = { en: 'en-US', fa: 'fa-IR', zh: 'zh-CN' };
const NAME = /^[a-z]{2,3}(-[A-Za-z]{2,5})?$/;

// Keyed by the languages articles declare, which a hostile or long-lived project can vary.
const locales = new BoundedMap<string, Locale>(1_000);

/** The date-fns locale for a BCP 47 tag: the exact one (`fr-CA`), else its language (`fr`), else en-US. */
export function dateLocale(lang: string): Locale {
  let locale = locales.get(lang);
  if (locale) return locale;
  const [language = '', region] = lang.split('-');
  const candidates = [region === undefined ? language.toLowerCase() : `${language.toLowerCase()}-${region.toUpperCase()}`, language.toLowerCase(), REGION_OF[language.toLowerCase()]];
  for (const name of candidates) {
    if (name === undefined || !NAME.test(name)) continue;
    try {
      const exports = load(`date-fns/locale/${name}`) as Record<string, unknown>;
      locale = Object.values(exports).find((value): value is Locale => typeof value === 'object' && value !== null && 'code' in value);
    } catch {
      // Not a locale date-fns has: try the next, shorter name.
    }
    if (locale) break;
  }
  locale ??= enUS;
  locales.set(lang, locale);
  return locale;
}

/** The calendar day of `date` in `timezone`, written long form in `lang`. */
export function longDate(date: Date, lang: string, timezone: string): string {
  return format(date, 'PPP', { locale: dateLocale(lang), in: tz(timezone) });
}
