import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { corpusArticle, NEWSROOM } from '../../bench/corpus.js';
import { markdownHtml, sanitize } from '../../src/render.js';
import { allowedUrl, needsSanitizer } from '../../src/render/safe.js';

// The earlier path, for every article: marked's own renderer, then sanitize-html.
const marked = new Marked({ gfm: true, async: false });
const PAGE = 'https://news.example/2024/11/21/story/';
const BASE = 'https://news.example/';
const LINKS = new Map([['photo.jpg', 'https://news.example/media/photo.jpg']]);
const reference = (markdown: string): string => sanitize(marked.parse(markdown) as string, PAGE, LINKS, BASE);
const rendered = (markdown: string): string => markdownHtml(markdown, PAGE, LINKS, BASE);
const safePath = (markdown: string): boolean => !needsSanitizer(markdown, marked.lexer(markdown), (tokens, visit) => marked.walkTokens(tokens as never, visit));

const word = fc.constantFrom('news', 'Brüssel', 'l’été', "it's", '"quoted"', 'a & b', 'x < y', 'y > z', 'R&D', 'a|b', '1.', '#', '+', '-', '\\*', '\\_', '\\[', '\\\\', '~', '*', '_', '`', '!', '[', ']', '(', ')', 'https://example.org/a?b=1&c=2', 'www.example.org', 'me@example.org', ':', '\t');
const url = fc.constantFrom(
  'https://example.org/a b',
  'https://example.org/?q="x"&y=<1>',
  'http://example.org',
  'mailto:desk@example.org',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  '//evil.example/x',
  '/abs/path',
  'relative/page.html',
  '../up.html',
  '#section',
  '?page=2',
  'photo.jpg',
  "it's.png",
  'ftp://example.org/file',
  'tel:+3212345',
  '%zz',
  '\uD800',
  '',
);
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const inline = fc.oneof(
  text,
  fc.tuple(text, url).map(([label, href]) => `[${label}](${href})`),
  fc.tuple(text, url, text).map(([label, href, title]) => `[${label}](<${href}> "${title.replace(/"/g, '')}")`),
  fc.tuple(text, url).map(([alt, src]) => `![${alt}](${src})`),
  fc.tuple(text, url, text).map(([alt, src, title]) => `![${alt}](<${src}> '${title.replace(/'/g, '')}')`),
  url.map((href) => `<${href}>`),
  text.map((t) => `**${t}**`),
  text.map((t) => `_${t}_`),
  text.map((t) => `~~${t}~~`),
  text.map((t) => `\`${t.replace(/`/g, '')}\``),
  text.map((t) => `${t}  \n${t}`),
  fc.tuple(text, text).map(([label, name]) => `[${label}][${name.replace(/[[\]\\]/g, '')}]`),
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  line.map((l) => `### ${l} ###`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, i) => `${i + 3}. ${item}`).join('\n')),
  fc.array(fc.tuple(fc.boolean(), line), { minLength: 1, maxLength: 3 }).map((items) => items.map(([done, item]) => `- [${done ? 'x' : ' '}] ${item}`).join('\n')),
  line.map((l) => `> ${l}\n>\n> > ${l}`),
  fc.tuple(fc.constantFrom('', 'js', 'c++', 'a{b}', 'x"y', 'shell session', 'language-x', 'émoji'), text).map(([lang, body]) => `\`\`\`${lang}\n${body}\n<b>not html</b>\n\`\`\``),
  text.map((t) => `    indented ${t}`),
  fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\|/g, '')} | b |\n|:--|--:|\n| ${b.replace(/\|/g, '')} | 2 |`),
  fc.constant('***'),
  fc.tuple(text, url).map(([name, href]) => `[${name.replace(/[[\]\\]/g, '')}]: ${href.replace(/\s/g, '') || 'x'}`),
);
const article = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

describe('the safe renderer', () => {
  it('writes what sanitize-html made of marked’s output, byte for byte', () => {
    let safe = 0;
    fc.assert(
      fc.property(article, (markdown) => {
        if (safePath(markdown)) safe++;
        expect(rendered(markdown)).toBe(reference(markdown));
      }),
      { numRuns: 1_500 },
    );
    // The property is about the safe path: most generated articles must take it.
    expect(safe).toBeGreaterThan(1_000);
  });

  it('writes HTML that sanitize-html leaves unchanged', () => {
    fc.assert(
      fc.property(article, (markdown) => {
        const html = rendered(markdown);
        expect(sanitize(html, PAGE, LINKS, BASE)).toBe(html);
      }),
      { numRuns: 1_000 },
    );
  });

  it('never writes a script, a handler or a javascript: URL', () => {
    fc.assert(
      fc.property(article, (markdown) => {
        const html = rendered(markdown);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/\son\w+\s*=/i);
        // Text may say “javascript:”; no attribute may hold such a URL.
        expect(html).not.toMatch(/(href|src|cite)="\s*(javascript|vbscript|data):/i);
      }),
      { numRuns: 1_000 },
    );
  });

  it('agrees with the sanitizer path on the benchmark corpus', () => {
    for (let index = 0; index < 200; index++) {
      const { text: source } = corpusArticle(index, 1, NEWSROOM);
      const body = source.slice(source.indexOf('\n---\n') + 5);
      expect(safePath(body)).toBe(true);
      expect(rendered(body)).toBe(reference(body));
    }
  });

  it('leaves raw HTML and character references to sanitize-html', () => {
    expect(safePath('Hello <b>bold</b>')).toBe(false);
    expect(safePath('<div onclick="x()">block</div>')).toBe(false);
    expect(safePath('| a |\n|---|\n| <i>x</i> |')).toBe(false);
    expect(safePath('&copy; 2024')).toBe(false);
    expect(safePath('it&#39;s')).toBe(false);
    expect(safePath('R&D and AT&T')).toBe(true);
    expect(rendered('<img src=x onerror=alert(1)> &copy;')).toBe(reference('<img src=x onerror=alert(1)> &copy;'));
  });

  it('applies sanitize-html’s scheme rule to resolved URLs', () => {
    expect(allowedUrl('https://example.org/')).toBe(true);
    expect(allowedUrl('MAILTO:desk@example.org')).toBe(true);
    expect(allowedUrl('javascript:alert(1)')).toBe(false);
    expect(allowedUrl('ftp://example.org/')).toBe(false);
    expect(allowedUrl('//evil.example/')).toBe(false);
    expect(allowedUrl('relative')).toBe(true);
  });
});
