// Small builders for pipeline values, so each test states only what it is about.
import type { Article, Entry, FeedSpec, Site, SourceFile } from '../../src/model.js';

export function site(overrides: Partial<Site> = {}): Site {
  return {
    title: 'Test News',
    description: 'News for tests',
    url: 'https://news.test.example/',
    language: 'fr',
    timezone: 'Europe/Brussels',
    permalink: 'articles/:slug.html',
    authors: [{ name: 'Rédaction' }],
    feedLimit: 20,
    groups: { tag: false, author: false },
    archive: false,
    pageSize: 50,
    hubs: [],
    ...overrides,
  };
}

export function article(overrides: Partial<Article> = {}): Article {
  const slug = overrides.slug ?? 'story';
  return {
    source: `articles/${slug}.md`,
    id: `tag:news.test.example,2024-11-21:${slug}`,
    slug,
    page: `articles/${slug}.html`,
    title: 'A story',
    date: new Date('2024-11-20T23:00:00Z'),
    updated: new Date('2024-11-20T23:00:00Z'),
    authors: [{ name: 'Peter van Halteren' }],
    tags: [],
    lang: 'fr',
    draft: false,
    lines: { id: 1, slug: 1, tags: 1, author: 1 },
    markdown: 'Body',
    ...overrides,
  };
}

export function entry(overrides: Partial<Entry> = {}): Entry {
  const { markdown: _markdown, ...meta } = article(overrides.slug === undefined ? {} : { slug: overrides.slug });
  return {
    ...meta,
    url: `https://news.test.example/articles/${meta.slug}.html`,
    html: '<p>Body</p>\n',
    excerpt: 'Body',
    ...overrides,
  };
}

export function feedSpec(entries: Entry[], overrides: Partial<FeedSpec> = {}): FeedSpec {
  return {
    dir: '',
    title: 'Test News',
    description: 'News for tests',
    homeUrl: 'https://news.test.example/',
    language: 'fr',
    authors: [{ name: 'Rédaction' }],
    updated: entries[0]?.updated ?? new Date('2024-11-20T23:00:00Z'),
    urls: {
      rss: 'https://news.test.example/rss.xml',
      atom: 'https://news.test.example/atom.xml',
      json: 'https://news.test.example/feed.json',
    },
    entries,
    hubs: [],
    ...overrides,
  };
}

export const SETTINGS_YAML = `title: Test News
description: News for tests
url: https://news.test.example/
language: fr
timezone: Europe/Brussels
author: Rédaction
`;

export function source(path: string, text: string): SourceFile {
  return { path, stem: path.replace(/^.*\//, '').replace(/\.md$/, ''), text };
}
