// The corrections box of an article page (frontmatter `correction`). Apart from
// retraction-page.ts, which imports pages.ts: pages.ts imports this.
import { isoInZone } from '../input/dates.js';
import type { Entry, Site } from '../model.js';
import { longDate } from './date-locale.js';
import { escapeAttribute as esc } from './escape.js';

/** The corrections box under an article's header; nothing for an article without corrections. */
export function correctionNotes(entry: Pick<Entry, 'corrections' | 'lang'>, site: Site): string[] {
  const notes = entry.corrections ?? [];
  if (notes.length === 0) return [];
  return [
    `<aside class="corrections" aria-label="Corrections">`,
    `<h2>${notes.length === 1 ? 'Correction' : 'Corrections'}</h2>`,
    '<ul>',
    ...notes.map((note) => `<li>${shownDate(note.date, entry.lang, site)}: ${esc(note.note)}</li>`),
    '</ul>',
    '</aside>',
  ];
}

/** A date as the notes show it: long form in the page's language, with its instant. */
export function shownDate(instant: string, lang: string, site: Site): string {
  const date = new Date(instant);
  return `<time datetime="${isoInZone(date, site.timezone)}">${esc(longDate(date, lang, site.timezone))}</time>`;
}
