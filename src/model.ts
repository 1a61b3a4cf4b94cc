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
  /** Tag and author feeds; `false` when switched off. */
  groups: Record<GroupKind, GroupSettings | false>;
  /** RFC 5005 archive pages for every feed. */
  archive: boolean;
  /** WebSub hubs the feeds advertise; empty for none. */
  hubs: string[];
}

export type GroupKind = 'tag' | 'author';

export interface GroupSettings {
  /** Items per group feed. */
  feedLimit: number;
  /** Groups with fewer published articles get no feeds. */
  minArticles: number;
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
  /** Lines of these fields (1 when absent), for reports of clashes between articles. */
  lines: { id: number; slug: number; tags: number; author: number };
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
  /** Folder of its files inside the output folder: '' for the site feed, `tags/politique/`… */
  dir: string;
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
  /** WebSub hubs to advertise. */
  hubs: string[];
  /** RFC 5005 links: the subscription feed's archives, or this archive page's neighbours. */
  archive?: ArchiveLinks;
}

/** Where a feed document sits in its RFC 5005 archive (https://www.rfc-editor.org/rfc/rfc5005#section-4). */
export interface ArchiveLinks {
  /** True on archive pages (`fh:archive`), false on the subscription feed. */
  isArchive: boolean;
  /** The next older archive page's URLs, per format. */
  prev?: { rss: string; atom: string; json: string };
  /** The next newer archive page's URLs, per format. */
  next?: { rss: string; atom: string; json: string };
  /** The subscription feed's URLs, on archive pages. */
  current?: { rss: string; atom: string; json: string };
}

/** A file to write, relative to the output folder. */
export interface Output {
  path: string;
  contents: string;
}
