// The one slug policy: article files and pages, tag and author folders, archive folders.
// Everything that names a path from a person's words goes through slug() here.
import slugify, { type Options } from '@sindresorhus/slugify';
import { BoundedMap } from '../bounded-map.js';

// Names in technology and the news where the default rules lose the meaning ("C++" → "c").
// Replacements run before transliteration; the spaces make them words of their own.
const REPLACEMENTS: ReadonlyArray<[string, string]> = [
  ['C++', ' C plus plus '],
  ['c++', ' c plus plus '],
  ['C#', ' C sharp '],
  ['c#', ' c sharp '],
  ['F#', ' F sharp '],
  ['f#', ' f sharp '],
  ['.NET', ' dotnet '],
  ['.net', ' dotnet '],
  ['+', ' plus '],
  // slugify's own default, which transliterate: false would otherwise skip.
  ['&', ' and '],
];

// decamelize off: "iPhone" and "McDonald's" are one word each, not "i-phone" and "mc-donalds".
const LATIN: Options = { decamelize: false };
// transliterate off keeps the letters of every script; the characters it could transliterate
// were already turned to Latin one by one (see letter()).
const KEEP: Options = { decamelize: false, transliterate: false };

const letters = new BoundedMap<string, string>(100_000);

/**
 * A letter in Latin form when slugify knows one ("Œ" → "oe", "ж" → "zh"), otherwise the letter
 * itself: slugify drops the letters it cannot transliterate, and a Japanese or Korean title
 * would lose every one of them.
 */
function letter(char: string): string {
  let latin = letters.get(char);
  if (latin === undefined) {
    latin = slugify(char, LATIN) || char;
    letters.set(char, latin);
  }
  return latin;
}

const slugs = new Map<string, string>();

/**
 * The URL segment for a title, a file name, a tag or an author: "Les Œuvres d'art" →
 * "les-oeuvres-d-art", "McDonald's et l'iPhone" → "mcdonalds-et-l-iphone", "C++" →
 * "c-plus-plus", "東京" → "東京". Empty when the text has no letter or digit at all.
 */
export function slug(text: string): string {
  let known = slugs.get(text);
  if (known === undefined) {
    const nfc = text.normalize('NFC');
    // Replacements first, on the whole text, so "C++" is seen before "+" is.
    const replaced = REPLACEMENTS.reduce((value, [from, to]) => value.replaceAll(from, to), nfc);
    const latin = replaced.replace(/[^\p{ASCII}]/gu, (char) => (/\p{L}/u.test(char) ? letter(char) : char));
    known = slugify(latin, KEEP);
    // Few distinct names, each asked for by every article carrying it: slugifying them again
    // was 0.4 s of a 3 s rebuild of 10,000 articles.
    if (slugs.size < 100_000) slugs.set(text, known);
  }
  return known;
}

/**
 * The folder name of a tag or author: its slug, or for a name without any letter or digit
 * ("?!", "]]>") its code points, so every name still gets a folder.
 */
export function nameSlug(name: string): string {
  return slug(name) || `u${[...name.normalize('NFC')].map((char) => char.codePointAt(0)?.toString(16)).join('-')}`;
}

/** The slug of an article file's name, without its leading `YYYY-MM-DD-`. */
export function fileSlug(stem: string): string {
  return slug(stem.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}

/**
 * Syndic 0.2.0's slugs, kept only to know where a page or a group feed used to be, so the old
 * address can keep a redirect (and a feed keeps its subscribers). Never used for new paths.
 */
export const legacy = {
  fileSlug(stem: string): string {
    return slugify(stem.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
  },
  nameSlug(name: string): string {
    const nfc = name.normalize('NFC');
    return slugify(nfc) || nfc.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join('-') || `u${[...nfc].map((char) => char.codePointAt(0)?.toString(16)).join('-')}`;
  },
};
