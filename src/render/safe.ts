// Markdown without raw HTML cannot carry a script: the only markup in its HTML is what the
// renderer writes. So it is rendered here safe by construction, and sanitize-html (a fifth of a
// cold build: it parses the HTML again and rebuilds it) runs only on articles with raw HTML.
// The output is byte for byte what sanitize(default renderer) gives, so goldens and cached
// hashes do not move: text escapes & < > (sanitize-html decodes marked's &#39; and &quot;),
// attributes also ", void elements close with " />", task-list checkboxes go, and every URL
// passes the same policy as render.ts sanitize(): resolved, then http, https or mailto.
// tests/render-safe.test.ts holds it to sanitize's output and to sanitize being a no-op on it.
import { Renderer, type Token, type Tokens } from 'marked';

/** Resolves a Markdown URL the way sanitize()'s transform does; undefined drops it. */
export type LinkPolicy = (url: string) => string | undefined;

/**
 * Why an article needs sanitize-html after all: raw HTML anywhere, or a character reference
 * (`&amp;`, `&#39;`), which marked passes through and sanitize-html decodes, so only it writes
 * the same bytes.
 */
export function needsSanitizer(markdown: string, tokens: readonly Token[], walk: (tokens: readonly Token[], visit: (token: Token) => void) => void): boolean {
  if (CHARACTER_REFERENCE.test(markdown)) return true;
  let raw = false;
  walk(tokens, (token) => {
    if (token.type === 'html') raw = true;
  });
  return raw;
}

// Broader than HTML's grammar on purpose: anything marked could leave as a reference.
const CHARACTER_REFERENCE = /&(?:#|\w+;)/;

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** sanitize-html's launder rule with allowedSchemes http, https, mailto and no protocol-relative URLs. */
export function allowedUrl(url: string): boolean {
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(url);
  if (!scheme) return !/^[/\\]{2}/.test(url);
  return ALLOWED_SCHEMES.has((scheme[1] as string).toLowerCase());
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const LANGUAGE_CLASS = /^language-[\w-]+$/;

/** marked's cleanUrl: the href as marked writes it, or null when it writes the text alone. */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/**
 * A marked renderer whose every method writes escaped text or markup sanitize-html keeps.
 * `policy` is swapped per article (render() is synchronous, one article at a time).
 */
export class SafeRenderer extends Renderer<string, string> {
  policy: LinkPolicy = () => undefined;

  override code({ text, lang }: Tokens.Code): string {
    const language = /^\S*/.exec(lang ?? '')?.[0] ?? '';
    const body = text ? `${text.replace(/\n$/, '')}\n` : '';
    const open = language !== '' && LANGUAGE_CLASS.test(`language-${language}`) ? `<pre><code class="language-${language}">` : '<pre><code>';
    return `${open}${escapeText(body)}</code></pre>\n`;
  }

  override html(): string {
    // needsSanitizer() sends every article with raw HTML to the sanitizer path.
    throw new Error('render-safe: raw HTML reached the safe renderer');
  }

  override hr(): string {
    return '<hr />\n';
  }

  override checkbox(): string {
    // sanitize-html drops <input>; the space marked writes after it stays.
    return ' ';
  }

  override codespan({ text }: Tokens.Codespan): string {
    return `<code>${escapeText(text)}</code>`;
  }

  override br(): string {
    return '<br />';
  }

  override link({ href, title, text, tokens, autolink }: Tokens.Link & { autolink?: boolean }): string {
    const inner = autolink ? escapeText(text) : this.parser.parseInline(tokens);
    const cleaned = cleanUrl(href);
    if (cleaned === null) return inner;
    const url = this.url(cleaned);
    const attributes = `${url === undefined ? '' : ` href="${escapeAttribute(url)}"`}${title ? ` title="${escapeAttribute(title)}"` : ''}`;
    return `<a${attributes}>${inner}</a>`;
  }

  override image({ href, title, text, tokens }: Tokens.Image): string {
    const alt = tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text;
    const cleaned = cleanUrl(href);
    if (cleaned === null) return escapeText(alt);
    const url = this.url(cleaned);
    return `<img${url === undefined ? '' : ` src="${escapeAttribute(url)}"`} alt="${escapeAttribute(alt)}"${title ? ` title="${escapeAttribute(title)}"` : ''} />`;
  }

  override text(token: Tokens.Text | Tokens.Escape): string {
    return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : escapeText(token.text);
  }

  private url(value: string): string | undefined {
    const resolved = this.policy(value);
    return resolved !== undefined && allowedUrl(resolved) ? resolved : undefined;
  }
}
