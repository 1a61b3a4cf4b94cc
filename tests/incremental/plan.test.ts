// generate() asks the plan what it may keep: a kept document is neither made nor rendered, and
// what a plan that keeps nothing makes is the whole site.
import { describe, expect, it } from 'vitest';
import { generate, fullPlan, type Plan } from '../../src/generate.js';
import type { Media } from '../../src/media/step.js';
import type { Article, FileCopy, Output } from '../../src/model.js';
import { parseArticle, parseSettings } from '../../src/parse.js';

const settings = parseSettings({ path: 'syndic.yaml', stem: 'syndic', text: 'title: T\ndescription: D\nurl: https://example.org/\nlanguage: en\ntimezone: UTC\nauthor: A\n' });
if (!settings.ok) throw new Error('settings');
const site = settings.value;
const articles = [1, 2, 3].map((n) => {
  const parsed = parseArticle({ path: `articles/a${n}.md`, stem: `a${n}`, text: `---\ntitle: A${n}\ndate: 2024-01-0${n}T10:00:00Z\ntags: [T${n % 2}]\n---\nBody ${n}.\n` }, site);
  if (!parsed.ok) throw new Error('article');
  return parsed.value;
});
const media: Media = { assets: new Map(), problems: [], rejected: new Set(), probes: new Map(), podcast: undefined, podcastProblems: [], keys: new Map(), dirty: false };
const now = new Date('2025-01-01T00:00:00Z');

async function run(plan: Plan): Promise<{ files: Array<Output | FileCopy>; kept: Set<string>; fingerprints: Map<string, string> }> {
  const published = [...articles].sort((a, b) => b.date.getTime() - a.date.getTime()).map(({ markdown: _markdown, ...meta }) => meta);
  const batches = generate({ site, published, media, now }, plan);
  const files: Array<Output | FileCopy> = [];
  let next = await batches.next();
  for (; !next.done; next = await batches.next()) files.push(...next.value);
  return { files, ...next.value };
}

describe('generate() and its plan', () => {
  const full = fullPlan(new Map(articles.map((article): [string, Article] => [article.source, article])));

  it('makes every document under a plan that keeps nothing, each fingerprinted', async () => {
    const { files, kept, fingerprints } = await run(full);
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json', 'index.html', 'feeds.opml', 'tags/t0/rss.xml', 'tags/t1/index.html']));
    expect(kept.size).toBe(0);
    for (const path of ['rss.xml', 'index.html', 'feeds.opml', 'tags/t1/rss.xml', 'tags/t0/index.html']) expect(fingerprints.has(path), path).toBe(true);
  });

  it('neither makes nor renders what the plan keeps', async () => {
    const { files, kept } = await run({ ...full, keeps: () => true, article: () => Promise.reject(new Error('rendered a kept document')) });
    expect(files).toEqual([]);
    expect(kept).toEqual(new Set((await run(full)).files.map((file) => file.path)));
  });

  it('gives a document a new fingerprint when an article it carries changes', async () => {
    const before = (await run(full)).fingerprints;
    const after = (await run({ ...full, inputs: (meta) => (meta.source === 'articles/a3.md' ? 'edited' : meta.source) })).fingerprints;
    const moved = [...before].filter(([path, value]) => after.get(path) !== value).map(([path]) => path).sort();
    // a3 is the newest, tagged T1: the site's and T1's feeds, and its own page. The listing pages
    // show its title and date only, so an edit of its text keeps them.
    expect(moved).toEqual(expect.arrayContaining(['rss.xml', 'tags/t1/rss.xml', 'articles/a3.html']));
    expect(moved).not.toContain('index.html');
    expect(moved.some((path) => path.startsWith('tags/t0/'))).toBe(false);
  });
});
