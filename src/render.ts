// Stage 3: Markdown → safe HTML whose every URL is absolute. Pure.
import { Marked, Parser, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { SyndicError } from './errors.js';
import { LIMITS } from './input/limits.js';
import type { Article, Assets, Entry, Site } from './model.js';
import { referenceKey } from './media/references.js';
import { markdownDepthGuard, MarkdownTooDeep } from './render/depth.js';
import { needsSanitizer, SafeRenderer, type LinkPolicy } from './render/safe.js';
import { PERMALINK_ROOT } from './addresses/permalink.js';
import { pageUrl } from './addresses/urls.js';

const markdown = new Marked({ gfm: true, async: false }, markdownDepthGuard());
const safeRenderer = new SafeRenderer();
// A Parser of its own: Marked's `use` copies only a renderer's enumerable functions, not a class's methods.
const safe = new Parser({ gfm: true, async: false, renderer: safeRenderer });

/**
 * Article Markdown → HTML that sanitize() would leave as it is: the safe renderer where the
 * tokens hold no raw HTML (render-safe.ts), sanitize-html over marked's own output otherwise.
 */
export function markdownHtml(source: string, url: string, links: ReadonlyMap<string, string>, pathBase: string): string {
  const tokens = markdown.lexer(source);
  if (needsSanitizer(source, tokens, (list, visit) => markdown.walkTokens(list as Token[], visit))) return sanitize(markdown.parser(tokens), url, links, pathBase);
  safeRenderer.policy = linkPolicy(url, links, pathBase);
  return safe.parse(tokens);
}

/**
 * `links` are the public URLs of the body's file and article references (media.ts): a copied
 * image or PDF under media/, another article's page. Every other relative URL resolves
 * against the page's own URL.
 */
export function render(article: Article, site: Site, links: Assets['links'] = []): Entry {
  const { markdown: _body, ...meta } = article;
  const url = pageUrl(article, site);
  // Relative paths in the body are read from the articles folder, where the Markdown is, so
  // they mean the same whatever the permalink puts the page under; #frag and ?q stay the page's.
  const html = guardedHtml(article, url, new Map(links), new URL(PERMALINK_ROOT, site.url).href);
  return { ...meta, url, html, excerpt: excerpt(html) || article.title };
}

/**
 * Any failure while rendering one article is that article's problem, reported at its file:
 * parse's markdownComplexity() scan keeps such input away, and this catches what it missed.
 */
function guardedHtml(article: Article, url: string, links: ReadonlyMap<string, string>, pathBase: string): string {
  const fail = (message: string): never => {
    throw new SyndicError('INVALID_ARTICLE', message, { file: article.source, line: 1, hint: 'split the article, or simplify its Markdown (fewer nested lists and quotes, less emphasis)' });
  };
  let html: string;
  try {
    html = markdownHtml(article.markdown, url, links, pathBase);
  } catch (error) {
    if (error instanceof SyndicError) throw error;
    const reason = error instanceof MarkdownTooDeep ? error.message : error instanceof RangeError ? 'nests too deeply to render' : 'could not be rendered';
    return fail(`is too complex: its Markdown ${reason}`);
  }
  if (Buffer.byteLength(html) > LIMITS.htmlBytes) return fail(`renders to more than ${LIMITS.htmlBytes / 1_000_000} MB of HTML, more than feed readers accept`);
  return html;
}

const EXCERPT_LENGTH = 280;

/**
 * The first words of the text, cut at a word boundary. `html` is sanitize-html output, where
 * every `<` and `>` outside tags is escaped, so dropping tags with a regex is exact here; a
 * second sanitize-html pass cost 1.4 s on 10,000 articles.
 */
export function excerpt(html: string): string {
  const text = html
    .slice(0, EXCERPT_LENGTH * 8)
    .replace(/<[^>]*>/g, ' ')
    // sanitize-html escapes exactly these four in text; the excerpt is plain text again.
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH / 2)).trimEnd()}…`;
}
/**
 * Feeds are read outside the site, so relative URLs break there (and the W3C validator
 * flags them: ContainsRelRef). Scripts, handlers and javascript:/data: URLs would run in
 * readers that trust feed HTML. sanitize-html removes both kinds of hazard in one pass.
 */
export function sanitize(html: string, baseUrl: string, links: ReadonlyMap<string, string> = new Map(), pathBase = baseUrl): string {
  const link = linkPolicy(baseUrl, links, pathBase);
  const absolutise =
    (...attributes: string[]): sanitizeHtml.Transformer =>
    (tagName, attribs) => {
      // Rebuilt in place so attribute order, and so the output bytes, stay as written.
      const kept = Object.entries(attribs).flatMap(([name, value]): Array<[string, string]> => {
        if (!attributes.includes(name)) return [[name, value]];
        const resolved = name === 'srcset' ? srcset(value, link) : link(value);
        return resolved === undefined ? [] : [[name, resolved]];
      });
      return { tagName, attribs: Object.fromEntries(kept) };
    };
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'figure', 'figcaption', 'picture'],
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'srcset', 'alt', 'title', 'width', 'height'],
      th: ['align', 'scope'],
      td: ['align'],
      ol: ['start'],
      code: ['class'],
      blockquote: ['cite'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    transformTags: { a: absolutise('href'), img: absolutise('src', 'srcset'), blockquote: absolutise('cite') },
  });
}

/** A body URL: a reference's public URL (media.ts), else resolved against the page (#frag, ?q) or the articles folder. */
function linkPolicy(baseUrl: string, links: ReadonlyMap<string, string>, pathBase: string): LinkPolicy {
  return (value) => links.get(referenceKey(value)) ?? absolute(value, /^\s*[#?]/.test(value) ? baseUrl : pathBase);
}

/** Each candidate's URL linked, its descriptor kept; undefined when no candidate is left. */
function srcset(value: string, link: (url: string) => string | undefined): string | undefined {
  const candidates = value.split(/,\s+/).flatMap((candidate) => {
    const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
    const resolved = url === '' ? undefined : link(url);
    return resolved === undefined ? [] : [[resolved, ...descriptors].join(' ')];
  });
  return candidates.length === 0 ? undefined : candidates.join(', ');
}

/** Resolves `value` against `base`; undefined for URLs that cannot be parsed. */
function absolute(value: string, base: string): string | undefined {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return undefined;
  }
}
