// The frontmatter's `retracted` and `correction` fields as dates: checked against the article's
// own dates, so a correction cannot predate what it corrects. Pure.
import { quote, SyndicError } from '../errors.js';
import { readDate } from '../input/dates.js';
import type { Correction, Retraction } from '../model.js';
import type { Frontmatter } from '../schema.js';
import type { YamlSource } from '../input/yaml-source.js';

export interface RetractionFields {
  retracted?: Retraction;
  corrections?: Correction[];
}

/**
 * `retracted` and `correction` read with the site's zone. `correction` takes one note or a
 * list: most articles get one, a running story several, and a list alone would make the
 * common case noisier. The notes are kept oldest first.
 */
export function retractionFields(
  fm: Pick<Frontmatter, 'retracted' | 'correction'>,
  source: YamlSource,
  file: string,
  zone: string,
  published: Date,
): { value: RetractionFields; problems: SyndicError[] } {
  const problems: SyndicError[] = [];
  const dateOf = (value: string, path: Array<string | number>): Date | undefined => {
    const field = path.join('.');
    const line = source.lineOf(path);
    const reading = readDate(value, zone);
    if (!reading.ok) {
      problems.push(new SyndicError('INVALID_ARTICLE', `${quote(value)} ${reading.reason}`, { file, line, field, hint: reading.hint }));
      return undefined;
    }
    if (reading.date < published) {
      problems.push(new SyndicError('INVALID_ARTICLE', `${quote(value)} is earlier than the article's date`, { file, line, field, hint: 'a correction or retraction comes after first publication; give the day it was made' }));
      return undefined;
    }
    return reading.date;
  };
  const value: RetractionFields = {};
  if (fm.retracted) {
    const when = dateOf(fm.retracted.date, ['retracted', 'date']);
    if (when) value.retracted = { when: when.toISOString(), reason: fm.retracted.reason };
  }
  if (fm.correction) {
    const listed = Array.isArray(fm.correction);
    const notes = Array.isArray(fm.correction) ? fm.correction : [fm.correction];
    const corrections = notes.flatMap((note, k) => {
      const date = dateOf(note.date, listed ? ['correction', k, 'date'] : ['correction', 'date']);
      return date ? [{ date: date.toISOString(), note: note.note }] : [];
    });
    // Stable: two notes of one day keep the order they were written in.
    value.corrections = corrections.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return { value, problems };
}

/** The decision on correction dates: `updated` becomes the later of itself and the last correction. */
export function correctedUpdated(updated: Date, fields: RetractionFields): Date {
  const last = fields.corrections?.at(-1);
  return last !== undefined && new Date(last.date) > updated ? new Date(last.date) : updated;
}
