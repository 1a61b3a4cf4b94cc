// The relative URLs of a Markdown body that name project files (images, audio, video, PDF, EPUB)
// or other articles (`.md`), and the line of each. Found when an article is parsed, so the media
// step can check, probe and copy them and the build cache keeps them with the article even when
// it does not read the file again; render() then links them. Pure.
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { Marked, type Token } from 'marked';
import mime from 'mime';
import type { BodyReference } from '../model.js';

// The options of render.ts, so both see the same links.
const markdown = new Marked({ gfm: true, async: false });

// Most bodies link only to absolute URLs and pages: a regex over the text finds whether any
// URL may name a file or an article, and only then is the body lexed (the repository's bench
// corpus links /articles/….html in most articles; lexing each body twice would cost a cold
// build of 10,000 articles about a tenth more).
// One regex each, so that each starts with a literal V8 can scan for (one alternation of all
// three was five times slower).
const CANDIDATES = [
  /\]\(\s*(?:<([^>\n]+)>|([^\s)]+(?:\([^\s)]*\)[^\s)]*)*))/g, // [a](url), [a](<with spaces.png>), balanced parentheses
  /\]:\s*<?([^\s>]+)/g, // [ref]: url
  /(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi, // raw HTML
];

function mayReference(body: string): boolean {
  // srcset candidates after the first are not worth a regex of their own.
  if (/srcset\s*=/i.test(body)) return true;
  for (const pattern of CANDIDATES) {
    for (const match of body.matchAll(pattern)) {
      const url = match.slice(1).find((group) => group !== undefined);
      if (url !== undefined && kindOf(referenceKey(url)) !== undefined) return true;
    }
  }
  return false;
}

/** True for the MIME types of files a body links to that are copied to media/. */
export function isFileType(type: string | null): boolean {
  return type !== null && (/^(?:image|audio|video)\//.test(type) || type === 'application/pdf' || type === 'application/epub+zip');
}

/** A URL as the body writes it, URI-decoded, so marked's and sanitize-html's encodings compare equal. */
export function referenceKey(url: string): string {
  const trimmed = url.trim();
  try {
    return decodeURI(trimmed);
  } catch {
    return trimmed;
  }
}

/**
 * The body's file and article references, each once, in order of first appearance.
 * `source` is the article's path from the project root (`articles/a.md`): a relative URL is
 * resolved against its folder, as Markdown editors and GitHub do; a leading `/` is the project root.
 * A location that climbs out of the project (`../../x.png`) is returned as it is, for the media
 * step to refuse.
 */
export function bodyReferences(body: string, source: string): BodyReference[] {
  if (!mayReference(body)) return [];
  const from = source.split(path.sep).join('/');
  const found = new Map<string, BodyReference>();
  let offset = 0;
  for (const top of markdown.lexer(body)) {
    const at = Math.max(body.indexOf(top.raw, offset), offset);
    offset = at + top.raw.length;
    markdown.walkTokens([top], (token) => {
      for (const url of urlsOf(token)) {
        const written = referenceKey(url);
        if (found.has(written)) continue;
        const inTop = top.raw.indexOf(url);
        // A reference-style link's URL sits on its definition's line, elsewhere in the body.
        const position = inTop >= 0 ? at + inTop : Math.max(body.indexOf(url), at);
        const reference = resolve(written, from, lineAt(body, position));
        if (reference) found.set(written, reference);
      }
    });
  }
  return [...found.values()];
}

/** What a written URL names: a file to copy, an article, or neither (a page, a remote URL, an anchor). */
function kindOf(written: string): BodyReference['kind'] | undefined {
  if (written === '' || written.startsWith('#') || written.startsWith('//') || URL.canParse(written)) return undefined;
  const file = /^[^?#]*/.exec(written)?.[0] ?? '';
  if (file === '' || file.endsWith('/')) return undefined;
  return path.posix.extname(file).toLowerCase() === '.md' ? 'article' : isFileType(mime.getType(file)) ? 'file' : undefined;
}

function resolve(written: string, source: string, line: number): BodyReference | undefined {
  const kind = kindOf(written);
  if (kind === undefined) return undefined;
  const [, file = '', suffix = ''] = /^([^?#]*)(.*)$/s.exec(written) ?? [];
  const location = path.posix.normalize(file.startsWith('/') ? file.replace(/^\/+/, '') : path.posix.join(path.posix.dirname(source), file));
  return { kind, written, suffix, location, file: source, line, field: 'body' };
}

/** The URLs a token links to: Markdown images and links, and img/a elements of raw HTML. */
function urlsOf(token: Token): string[] {
  if (token.type === 'image' || token.type === 'link') return [(token as { href: string }).href];
  if (token.type !== 'html') return [];
  const urls: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'a' && attributes.href !== undefined) urls.push(attributes.href);
      if (name === 'img' && attributes.src !== undefined) urls.push(attributes.src);
      if (name === 'img' && attributes.srcset !== undefined) urls.push(...srcsetUrls(attributes.srcset));
    },
  });
  parser.end(token.raw);
  return urls;
}

/**
 * The URLs of a `srcset` ("a.png 1x, b.png 2x"). Candidates are split at a comma followed by
 * white space, as the HTML parsing rules do in practice; a URL with ", " in it must be encoded.
 */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
