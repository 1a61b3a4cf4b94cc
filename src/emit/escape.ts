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
 * Plain text for an RSS element that readers may treat as HTML (title, description). The RSS
 * Best Practices Profile asks for hexadecimal character references, which every reader
 * decodes the same way; named entities draw the W3C validator's ContainsHTML warning.
 */
export function rssPlainText(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>]/g, (char) => HEX_REFS[char] ?? char);
}

// feed writes its XML with xml-js, which strips nothing and escapes only `"` in attributes.
// Every element Syndic hands to feed as an extension goes through these two.

/** An xml-js text node: XML-illegal characters removed (xml-js escapes `&`, `<`, `>` itself). */
export function xmlJsText(value: string): { _text: string } {
  return { _text: stripIllegalXmlChars(value) };
}

/** xml-js attributes, escaped here because xml-js escapes only `"`. */
export function xmlJsAttributes(values: Record<string, string>): { _attributes: Record<string, string> } {
  return { _attributes: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeAttribute(value)])) };
}
