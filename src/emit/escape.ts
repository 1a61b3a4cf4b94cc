// Escaping for every output context lives here and nowhere else.

// XML 1.0 §2.2 Char: everything below U+0020 except TAB, LF, CR, lone surrogates, U+FFFE and U+FFFF
// make a document not well-formed. They can reach us from pasted text, so we drop them.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that XML 1.0 forbids anywhere in a document. */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an HTML or XML text node. */
export function escapeText(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>]/g, (char) => ESCAPES[char] ?? char);
}

/** Escapes text for a double-quoted HTML or XML attribute value. */
export function escapeAttribute(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

/**
 * Makes HTML safe to wrap in a CDATA section. `]]>` would close the section early; in HTML
 * `]]&gt;` means the same thing, so the content a reader shows is unchanged.
 */
export function htmlForCdata(html: string): string {
  return stripIllegalXmlChars(html).replaceAll(']]>', ']]&gt;');
}

const HEX_REFS: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' };

/**
 * Text for an XML text node of RSS or Atom. Hexadecimal references, never CDATA: inside CDATA
 * a reference is not decoded (newsboat showed `AT&#x26;T`), and named entities draw the W3C
 * validator's CharacterData warning; `&#x26;` satisfies both and every reader decodes it once.
 */
export function xmlText(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>]/g, (char) => HEX_REFS[char] ?? char);
}

// ---------------------------------------------------------------------------------------------
// Which feed fields readers take as plain text, and which as HTML (shared/READERS.md). A plain
// value in an HTML field is HTML-escaped first, so a tag named `<script>` stays text there.

export type FieldKind = 'plain' | 'html';

/** RSS elements that carry author text; a prefix ending in `:` stands for its whole namespace. */
export const RSS_FIELDS: Readonly<Record<string, FieldKind>> = {
  title: 'plain',
  guid: 'plain',
  category: 'plain',
  'dc:creator': 'plain',
  author: 'plain',
  copyright: 'plain',
  'itunes:': 'plain',
  'media:': 'plain',
  'podcast:': 'plain',
  'webfeeds:': 'plain',
  description: 'html',
  'content:encoded': 'html',
};

/** Atom elements that carry author text: all text constructs of type="text" (content is HTML, not listed). */
export const ATOM_FIELDS: Readonly<Record<string, FieldKind>> = {
  title: 'plain',
  subtitle: 'plain',
  rights: 'plain',
  summary: 'plain',
  name: 'plain',
  email: 'plain',
};

/** The kind of field `element` is in `format`; throws for an element the table does not list. */
export function fieldKind(format: 'rss' | 'atom', element: string): FieldKind {
  const table = format === 'rss' ? RSS_FIELDS : ATOM_FIELDS;
  const kind = table[element] ?? (element.includes(':') ? table[element.slice(0, element.indexOf(':') + 1)] : undefined);
  if (kind === undefined) throw new Error(`escape: ${format} element <${element}> is not in the field table`);
  return kind;
}

/** Author text as it must appear in a text node of that field kind. */
export function fieldText(text: string, kind: FieldKind): string {
  return xmlText(kind === 'html' ? escapeText(text) : text);
}

// ---------------------------------------------------------------------------------------------
// feed writes its XML with xml-js, which collapses a literal `&amp;` to `&` and writes named
// entities, and feed wraps item titles in CDATA. So author text is handed over as a marker: U+0001
// (XML forbids it, stripIllegalXmlChars removes it from every input, and feed and xml-js pass it
// through), the value percent-encoded (no `&`, `<` or `"` for anyone to touch), U+0001. The
// adapter's finishing pass (feed-adapter.ts) replaces each marker by fieldText() for its element.

const MARK = '\u0001';
export const MARKERS = /\u0001([^\u0001]*)\u0001/g;

/** The marker that stands for `text` until the finishing pass. */
export function marked(text: string): string {
  return `${MARK}${encodeURIComponent(stripIllegalXmlChars(text))}${MARK}`;
}

/** The text a marker stands for. */
export function unmarked(marker: string): string {
  return decodeURIComponent(marker.slice(1, -1));
}

/** True when `text` is exactly one marker. */
export function isMarker(text: string): boolean {
  return text.length >= 2 && text.startsWith(MARK) && text.endsWith(MARK) && text.indexOf(MARK, 1) === text.length - 1;
}

/** An xml-js text node holding author text, encoded for its element by the finishing pass. */
export function xmlJsText(value: string): { _text: string } {
  return { _text: marked(value) };
}

/** xml-js attributes, escaped here because xml-js escapes only `"`. */
export function xmlJsAttributes(values: Record<string, string>): { _attributes: Record<string, string> } {
  return { _attributes: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeAttribute(value)])) };
}
