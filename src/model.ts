// Plain data passed between the pipeline stages. No behaviour lives here.

export interface Person {
  name: string;
  email?: string;
  url?: string;
}

/** Validated site settings with CLI overrides applied. */
export interface Site {
  title: string;
  description: string;
  /** Base URL, always ending in `/`, so `new URL(path, site.url)` stays below it. */
  url: string;
  language: string;
  timezone: string;
  authors: Person[];
  copyright?: string;
  feedLimit: number;
}

/** What make and git compare to decide a file is unchanged without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A source file as read from disk, before any interpretation. */
export interface SourceFile {
  /** Path shown to users, relative to the project root. */
  path: string;
  /** File name without directory or `.md`. */
  stem: string;
  text: string;
  stamp?: FileStamp;
}

/** An article file the build cache vouches for: listed and stamped, but not read. */
export interface KnownFile {
  path: string;
  stem: string;
  stamp: FileStamp;
}

/** One article, validated, not yet rendered. */
export interface Article {
  source: string;
  id: string;
  slug: string;
  title: string;
  date: Date;
  updated: Date;
  authors: Person[];
  summary?: string;
  tags: string[];
  lang: string;
  draft: boolean;
  image?: string;
  markdown: string;
  /** Lines of the `id` and `slug` fields (1 when derived from the file name), for duplicate reports. */
  lines: { id: number; slug: number };
}

/** An article without its Markdown: what the build cache keeps. */
export type ArticleMeta = Omit<Article, 'markdown'>;

/** The rendered part of an entry, cached for the entries a feed carries. */
export interface Rendering {
  /** Sanitised HTML with absolute URLs. */
  html: string;
  /** Plain-text opening of the body (the title for an empty body): the summary when none is given. */
  excerpt: string;
  /** Absolute URL of `image`, if any. */
  imageUrl?: string;
}

/** A rendered article with its public address: what every output is made from. */
export interface Entry extends ArticleMeta, Rendering {
  url: string;
}

/** One feed to emit: its metadata and the entries it carries, newest first. */
export interface FeedSpec {
  title: string;
  description: string;
  homeUrl: string;
  language: string;
  authors: Person[];
  copyright?: string;
  /** Newest `updated` among its entries: the feed changes only when they do. */
  updated: Date;
  urls: { rss: string; atom: string; json: string };
  entries: Entry[];
}

/** A file to write, relative to the output folder. */
export interface Output {
  path: string;
  contents: string;
}
