// Real feed readers, beside the validators: what people see is what the author wrote. The
// fixture (tests/fixtures/readers) holds hostile but legitimate text: AT&T, Q&A, <Co>,
// « guillemets », l’apostrophe, emoji, right-to-left text, combining marks, literal `&#x26;`
// and `&amp;`, several authors, categories with `&` and `<`.
//
// Each client reads the site's feeds and must give back, for every item, the source's title,
// author names, categories and link, its publication instant, and content whose text is the
// text of the article's Markdown rendered to HTML. What a client cannot expose is in CLIENTS.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { Marked } from 'marked';
import Parser from 'rss-parser';
import sanitizeHtml from 'sanitize-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build } from '../../src/build.js';
import { validateFeedFile } from '../support/validators.js';

const run = promisify(execFile);
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/readers');
const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get install -y newsboat python3-feedparser';

type Format = 'rss' | 'atom' | 'json';
type Field = 'title' | 'authors' | 'categories' | 'link' | 'published' | 'content';
const FIELDS: readonly Field[] = ['title', 'authors', 'categories', 'link', 'published', 'content'];

/** One item as a client returned it; a field the client does not expose is absent. */
interface Read {
  title?: string;
  /** True when the client says the title is HTML (feedparser's title_detail.type). */
  titleIsHtml?: boolean;
  authors?: string[];
  categories?: string[];
  link?: string;
  /** ISO 8601, UTC. */
  published?: string;
  /** HTML. */
  content?: string;
}

interface Source {
  title: string;
  authors: string[];
  categories: string[];
  link: string;
  published: string;
  /** Text of the body rendered to HTML. */
  content: string;
}

/**
 * What each client exposes, per format. `one` means a single author: newsboat keeps the last
 * dc:creator of an RSS item, rss-parser the first Atom author.
 */
const CLIENTS: Record<string, Partial<Record<Format, { authors: 'all' | 'last' | 'first'; categories: boolean }>>> = {
  newsboat: { rss: { authors: 'last', categories: false }, atom: { authors: 'all', categories: false } },
  feedparser: { rss: { authors: 'all', categories: true }, atom: { authors: 'all', categories: true } },
  'rss-parser': { rss: { authors: 'all', categories: true }, atom: { authors: 'first', categories: false } },
  feedsmith: { rss: { authors: 'all', categories: true }, atom: { authors: 'all', categories: true }, json: { authors: 'all', categories: true } },
};

const nfc = (text: string): string => text.normalize('NFC');
const squash = (text: string): string => nfc(text).replace(/\s+/g, ' ').trim();

/** The text of an HTML fragment: sanitize-html decodes every reference and re-escapes only these four. */
function textOf(html: string): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

async function sources(): Promise<Map<string, Source>> {
  const site = parseYaml(await readFile(path.join(FIXTURE, 'syndic.yaml'), 'utf8')) as { url: string };
  const result = new Map<string, Source>();
  for (const file of (await readdir(path.join(FIXTURE, 'articles'))).sort()) {
    const text = await readFile(path.join(FIXTURE, 'articles', file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const meta = parseYaml(front) as { title: string; date: string; author: string | string[]; tags: string[] };
    const link = new URL(`articles/${file.replace(/^\d{4}-\d\d-\d\d-/, '').replace(/\.md$/, '')}.html`, site.url).href;
    result.set(link, {
      title: nfc(meta.title),
      authors: (Array.isArray(meta.author) ? meta.author : [meta.author]).map(nfc),
      categories: meta.tags.map(nfc),
      link,
      published: new Date(meta.date).toISOString(),
      content: squash(textOf(await new Marked().parse(body))),
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The clients

async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  await run('newsboat', ['--version']).catch(() => missing.push('newsboat'));
  await run(PYTHON, ['-c', 'import feedparser']).catch(() => missing.push('python3-feedparser'));
  return missing;
}

/** newsboat stores what it shows in SQLite: one fresh cache per feed (it merges items by guid). */
async function newsboat(file: string, work: string): Promise<Read[]> {
  const dir = await mkdtemp(path.join(work, 'newsboat-'));
  await writeFile(path.join(dir, 'urls'), `file://${file}\n`);
  await writeFile(path.join(dir, 'config'), '');
  const cache = path.join(dir, 'cache.db');
  await run('newsboat', ['-u', path.join(dir, 'urls'), '-c', cache, '-C', path.join(dir, 'config'), '-x', 'reload'], { env: { ...process.env, HOME: dir }, timeout: 60_000 });
  // Python's own sqlite3 module reads the cache: Node 20 has no node:sqlite.
  const script = `import json, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute('select title, author, url, pubDate, content from rss_item')
print(json.dumps([dict(zip(['title', 'author', 'url', 'pubDate', 'content'], row)) for row in rows]))`;
  const { stdout } = await run(PYTHON, ['-c', script, cache]);
  const rows = JSON.parse(stdout) as Array<{ title: string; author: string; url: string; pubDate: number; content: string }>;
  return rows.map((row) => ({ title: row.title, authors: row.author.split(', '), link: row.url, published: new Date(row.pubDate * 1000).toISOString(), content: row.content }));
}

const FEEDPARSER = `import calendar, json, sys, feedparser
d = feedparser.parse(open(sys.argv[1], 'rb').read())
def content(e):
    c = e.get('content')
    return c[0].value if c else e.get('summary', '')
print(json.dumps([{
    'title': e.title, 'titleIsHtml': e.title_detail.type == 'text/html',
    'authors': [a.get('name', '') for a in e.get('authors', [])],
    'categories': [t.term for t in e.get('tags', [])],
    'link': e.link,
    'published': calendar.timegm(e.published_parsed),
    'content': content(e),
} for e in d.entries]))`;

async function feedparser(file: string): Promise<Read[]> {
  const { stdout } = await run(PYTHON, ['-c', FEEDPARSER, file]);
  return (JSON.parse(stdout) as Array<Read & { published: number }>).map((item) => ({ ...item, published: new Date(item.published * 1000).toISOString() }));
}

async function rssParser(xml: string, format: Format): Promise<Read[]> {
  const parser: Parser<object, { creators?: string[] }> = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
  const feed = await parser.parseString(xml);
  return feed.items.map((item) => ({
    title: item.title ?? '',
    authors: format === 'rss' ? (item.creators ?? []) : [String((item as { author?: unknown }).author ?? '')],
    ...(format === 'rss' ? { categories: item.categories ?? [] } : {}),
    link: item.link ?? '',
    published: new Date(item.isoDate ?? '').toISOString(),
    content: (item as { 'content:encoded'?: string })['content:encoded'] ?? item.content ?? '',
  }));
}

function feedsmith(text: string, format: Format): Read[] {
  if (format === 'rss') {
    return (parseRssFeed(text).items ?? []).map((item) => ({
      title: item.title ?? '',
      authors: [...(item.authors ?? []).map((author) => (typeof author === 'string' ? author : (author.name ?? ''))), ...(item.dc?.creators ?? [])],
      categories: (item.categories ?? []).map((category) => category.name ?? ''),
      link: item.link ?? '',
      published: new Date(item.pubDate ?? '').toISOString(),
      content: item.content?.encoded ?? '',
    }));
  }
  if (format === 'atom') {
    return (parseAtomFeed(text).entries ?? []).map((entry) => ({
      title: entry.title?.value ?? '',
      authors: (entry.authors ?? []).map((author) => author.name ?? ''),
      categories: (entry.categories ?? []).map((category) => category.term ?? ''),
      link: entry.links?.find((link) => link.rel === undefined || link.rel === 'alternate')?.href ?? '',
      published: new Date(entry.published ?? '').toISOString(),
      content: entry.content?.value ?? '',
    }));
  }
  return (parseJsonFeed(text).items ?? []).map((item) => ({
    title: item.title ?? '',
    authors: (item.authors ?? []).map((author) => author.name ?? ''),
    categories: item.tags ?? [],
    link: item.url ?? '',
    published: new Date(item.date_published ?? '').toISOString(),
    content: item.content_html ?? '',
  }));
}

// ---------------------------------------------------------------------------------------------
// Comparing

/**
 * What a client should give for one field of one item. The one loss the formats impose:
 * an RSS title cannot say it is plain text, and feedparser takes text holding an entity-like
 * `&amp;` as HTML; so a literal reference typed by the author comes back decoded there. Atom
 * (type="text") and JSON Feed carry it exactly.
 */
function expected(source: Source, field: Field, client: string, format: Format): unknown {
  const exposes = CLIENTS[client]?.[format];
  if (field === 'authors') return exposes?.authors === 'last' ? source.authors.slice(-1) : exposes?.authors === 'first' ? source.authors.slice(0, 1) : source.authors;
  if (field === 'title' && client === 'feedparser' && format === 'rss' && /&(#x?[0-9a-f]+|[a-z]+);/i.test(source.title)) return textOf(source.title);
  return source[field];
}

function actual(read: Read, field: Field): unknown {
  if (field === 'title') return nfc(read.titleIsHtml ? textOf(read.title ?? '') : (read.title ?? ''));
  if (field === 'content') return squash(textOf(read.content ?? ''));
  if (field === 'authors' || field === 'categories') return read[field]?.map(nfc);
  return read[field];
}

describe('real feed readers show what the author wrote', () => {
  const results = new Map<string, Read[]>();
  let source = new Map<string, Source>();
  let missing: string[] = [];
  let feeds: string[] = [];

  beforeAll(async () => {
    missing = await missingTools();
    source = await sources();
    const work = await mkdtemp(path.join(tmpdir(), 'syndic-clients-'));
    const root = path.join(work, 'site');
    await mkdir(root);
    await cp(FIXTURE, root, { recursive: true });
    await build({ root, now: new Date('2025-01-01T00:00:00Z') });
    feeds = (await readdir(path.join(root, 'dist'), { recursive: true })).filter((name) => /(rss|atom)\.xml$|feed\.json$/.test(name)).map((name) => path.join(root, 'dist', name));
    const file = (format: Format): string => path.join(root, 'dist', { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }[format]);
    const text = async (format: Format): Promise<string> => readFile(file(format), 'utf8');
    for (const format of ['rss', 'atom'] as const) {
      if (missing.length === 0) {
        results.set(`newsboat ${format}`, await newsboat(file(format), work));
        results.set(`feedparser ${format}`, await feedparser(file(format)));
      }
      results.set(`rss-parser ${format}`, await rssParser(await text(format), format));
    }
    for (const format of ['rss', 'atom', 'json'] as const) results.set(`feedsmith ${format}`, feedsmith(await text(format), format));
  }, 120_000);

  it('passes the project validators in every feed it writes (site, tags, authors)', async () => {
    expect(feeds.length).toBeGreaterThan(3);
    for (const file of feeds) expect(await validateFeedFile(file), file).toEqual([]);
  });

  it('reads feeds that name the browser stylesheet and carry Feedly’s webfeeds: elements', async () => {
    for (const file of feeds.filter((name) => name.endsWith('.xml'))) {
      const xml = await readFile(file, 'utf8');
      expect(xml, file).toContain('<?xml-stylesheet href="https://lecteurs.example/feed.xsl" type="text/xsl"?>');
      expect(xml, file).toContain('<webfeeds:accentColor>2A6EBB</webfeeds:accentColor>');
    }
  });

  it('has newsboat and python3-feedparser installed', () => {
    expect(missing, `missing ${missing.join(' and ')}: run \`${INSTALL}\` (Debian), as .ci/run does`).toEqual([]);
  });

  it('gives back every field of every item, in every client and format', () => {
    const wrong: string[] = [];
    // What each client returned: per field, the items that came back as written (– not exposed).
    const table = [`| client | ${FIELDS.join(' | ')} |`, `|---|${FIELDS.map(() => '---').join('|')}|`];
    for (const [name, items] of results) {
      const [client = '', format = 'rss'] = name.split(' ') as [string, Format];
      const exposes = CLIENTS[client]?.[format];
      const right = new Map<Field, number>(FIELDS.map((field) => [field, 0]));
      for (const item of items) {
        const src = source.get(item.link ?? '');
        if (!src) {
          wrong.push(`${name}: an item with unknown link ${JSON.stringify(item.link)}`);
          continue;
        }
        for (const field of FIELDS.filter((f) => f !== 'categories' || exposes?.categories)) {
          const want = expected(src, field, client, format);
          const got = actual(item, field);
          if (JSON.stringify(got) === JSON.stringify(want)) right.set(field, (right.get(field) ?? 0) + 1);
          else wrong.push(`${name} ${src.link.replace(/^.*\//, '')} ${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        }
      }
      if (items.length !== source.size) wrong.push(`${name}: ${items.length} items for ${source.size} articles`);
      const cell = (field: Field): string => (field === 'categories' && !exposes?.categories ? '–' : `${right.get(field) === source.size ? '✓' : '✗'} ${right.get(field)}/${source.size}`);
      table.push(`| ${name} | ${FIELDS.map(cell).join(' | ')} |`);
    }
    console.log(table.join('\n'));
    expect(wrong).toEqual([]);
  });
});
