// Plain data passed between the pipeline stages. No behaviour lives here.
import type { ProblemData } from './errors.js';
import type { PodcastingChannel, PodcastingEpisode } from './schema.js';

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
  /** Page path pattern (`articles/:year/:month/:day/:slug.html`), see permalink.ts. */
  permalink: string;
  authors: Person[];
  copyright?: string;
  feedLimit: number;
  /** Podcast mode: the site feed carries Apple Podcasts and Podcasting 2.0 elements. */
  podcast?: Podcast;
  /** Tag and author feeds; `false` when switched off. */
  groups: Record<GroupKind, GroupSettings | false>;
  /** RFC 5005 archive pages for every feed. */
  archive: boolean;
  /** Articles per listing page (the index, each tag's and author's page); older ones go to page/N.html. */
  pageSize: number;
  /** WebSub hubs the feeds advertise; empty for none. */
  hubs: string[];
  /** How local media are copied; absent means the defaults. */
  media?: MediaSettings;
  /** The tag: authority of default ids (`news.example.org,2024`), when the settings pin it. */
  idAuthority?: string;
  /** The site's logo and square icon, absolute URLs, when set (emit/webfeeds.ts says where each goes). */
  logo?: string;
  icon?: string;
  /** Feedly's webfeeds: channel elements beyond logo and icon, when set. */
  webfeeds?: Webfeeds;
  /** Set when the site feed carries summaries only; absent means full content. */
  feedContent?: FeedContent;
}

/** `full`: the article's HTML in content:encoded, Atom content and content_html; `summary`: only the summary and the link. */
export type FeedContent = 'full' | 'summary';

/** Feedly's channel elements (https://blog.feedly.com/10-ways-to-optimize-your-feed-for-feedly/). */
export interface Webfeeds {
  /** A large cover image URL: webfeeds:cover. */
  cover?: string;
  /** Six hex digits, no `#`: webfeeds:accentColor. */
  accentColor?: string;
  /** webfeeds:related: Feedly shows the items as cards, and opens them in the browser. */
  related?: { layout?: 'card'; target?: 'browser' };
}

/** What syndic.yaml says about one tag or author: its feed's and page's own title, description and image. */
export interface GroupAbout {
  name: string;
  title?: string;
  description?: string;
  /** Absolute URL. */
  image?: string;
  feedContent?: FeedContent;
}

export interface MediaSettings {
  /** Copy images with their EXIF, XMP and text metadata (GPS position, camera owner). Default false. */
  keepMetadata: boolean;
}

export type GroupKind = 'tag' | 'author';

export interface GroupSettings {
  /** Items per group feed. */
  feedLimit: number;
  /** Groups with fewer published articles get no feeds. */
  minArticles: number;
  /** The kind's own feedContent, when set; a group's entry in `about` wins over it. */
  feedContent?: FeedContent;
  /** Per-group titles, descriptions, images and feedContent, as a list (never keyed by name: `__proto__`). */
  about?: GroupAbout[];
}

/** A media file named in the settings or frontmatter, before it is looked at. */
export interface MediaRef {
  /** An absolute http(s) URL, or a `/`-separated path relative to the project root (a local file). */
  location: string;
  /** Where it is named, so a missing file is reported at its field. */
  file: string;
  line: number;
  field: string;
}

/** What a lead image says about itself: the page's figure and the feeds' media: elements. */
export interface ImageText {
  /** Text alternative for people who cannot see it. */
  alt?: string;
  /** What it shows: `<figcaption>`, `media:description`. */
  caption?: string;
  /** Who made it: `<figcaption>`, `media:credit`. */
  credit?: string;
}

/**
 * A relative URL of the Markdown body that names a project file (an image, audio, video, PDF or
 * EPUB, copied to media/) or another article (its `.md` file, linked as its page).
 */
export interface BodyReference extends MediaRef {
  kind: 'file' | 'article';
  /** The URL as the body writes it, URI-decoded: what render() looks up. */
  written: string;
  /** Its `?query` and `#fragment`, kept on the public URL. */
  suffix: string;
}

/** What the media step read from a local file: the only facts about it the pure stages need. */
export interface MediaProbe {
  /** Absolute path on disk, for the copy into the output folder. */
  from: string;
  stamp: FileStamp;
  width?: number;
  height?: number;
  /** Image format as image-size names it (`png`, `jpg`…), for images only. */
  format?: string;
  /** An image's colour model from its header, when it is not RGB (podcast art must be). */
  color?: 'cmyk' | 'gray';
  /** Seconds of play, from an MP3 or M4A file's header; absent when the header does not say. */
  duration?: number;
}

export interface Podcast {
  owner: Person & { email: string };
  image: MediaRef;
  /** Apple categories, each with its subcategories: [["News", ["Politics"]]]. */
  categories: Array<[string, string[]]>;
  explicit: boolean;
  type: 'episodic' | 'serial';
  locked: boolean;
  author?: string;
  /** podcast:guid from the settings; otherwise derived from the feed URL. */
  guid?: string;
  /** The Podcasting 2.0 channel tags from syndic.yaml (emit/podcasting.ts). */
  podcasting?: PodcastingChannel;
  /** Tag and author feeds that are podcasts of their own. */
  groups?: PodcastGroup<MediaRef>[];
}

/** A tag or author feed that is a podcast: its own guid and cover. */
export interface PodcastGroup<Image> {
  kind: GroupKind;
  name: string;
  /** Line of its name in syndic.yaml. */
  line?: number;
  guid?: string;
  image?: Image;
}

/** The podcast fields of an article. */
export interface Episode {
  /** Seconds. */
  duration?: number;
  episode?: number;
  season?: number;
  episodeType?: 'full' | 'trailer' | 'bonus';
  transcript?: MediaRef;
  /** podcast:chapters file. */
  chapters?: MediaRef;
  /** Square episode art (itunes:image, podcast:image). */
  image?: MediaRef;
  /** The other Podcasting 2.0 fields of the frontmatter, as validated. */
  podcasting?: Omit<PodcastingEpisode, 'chapters' | 'episodeImage'>;
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
  /** Its page, relative to the output folder: the site's permalink filled in. */
  page: string;
  /** Where Syndic 0.2.0 put its page, when that differs: the old address keeps a redirect. */
  moved?: string;
  title: string;
  date: Date;
  updated: Date;
  authors: Person[];
  summary?: string;
  tags: string[];
  lang: string;
  draft: boolean;
  image?: MediaRef & ImageText;
  enclosure?: MediaRef & { length?: number; type?: string };
  episode?: Episode;
  /** Local files and articles the Markdown body names, found when it is parsed. */
  references?: BodyReference[];
  markdown: string;
  /** What is worth saying but stops nothing (an empty body): printed as warnings by every build. */
  notices?: ProblemData[];
  /** Lines of these fields (1 when absent), for reports of clashes between articles. */
  lines: { id: number; slug: number; tags: number; author: number };
  /** Withdrawn (frontmatter `retracted`): the feeds carry a tombstone, the page a notice. */
  retracted?: Retraction;
  /** Frontmatter `correction`, oldest first: shown on the page; `updated` is at least the last one. */
  corrections?: Correction[];
}

// Dates as ISO strings: these travel through the build cache's JSON unchanged.
/** Why and when an article was withdrawn. */
export interface Retraction {
  /** RFC 3339 instant (UTC): the tombstone's `when`. */
  when: string;
  reason: string;
}

/** One correction note of an article. */
export interface Correction {
  /** RFC 3339 instant (UTC). */
  date: string;
  note: string;
}

/** An article without its Markdown: what the build cache keeps. */
export type ArticleMeta = Omit<Article, 'markdown'>;

/** The rendered part of an entry, cached for the entries a feed carries. */
export interface Rendering {
  /** Sanitised HTML with absolute URLs. */
  html: string;
  /** Plain-text opening of the body (the title for an empty body): the summary when none is given. */
  excerpt: string;
}

/** A media file as outputs describe it. */
export interface Asset {
  /** Public absolute URL: the remote URL, or the copy under media/. */
  url: string;
  /** MIME type, from the mime database unless the frontmatter gives one. */
  type?: string;
  /** Bytes: the local file's size, the frontmatter's `length`, or undefined when unknown. */
  length?: number;
  width?: number;
  height?: number;
  /** Whole seconds of play measured from a local MP3 or M4A: what itunes:duration says. */
  duration?: number;
  /** A local image's colour model when it is not RGB, which podcast apps refuse for art. */
  color?: 'cmyk' | 'gray';
}

/** An entry's media, resolved against the site and the files on disk. */
export interface Assets {
  image?: Asset & ImageText;
  enclosure?: Asset;
  transcript?: Asset;
  /** podcast:chapters, typed application/json+chapters. */
  chapters?: Asset;
  /** Square episode art: `episodeImage`, or the lead image when it is square. */
  episodeImage?: Asset;
  /** Public URLs of the body's references: [as written (URI-decoded), absolute URL]. */
  links?: Array<[string, string]>;
}

/** A rendered article with its public address: what every output is made from. */
export interface Entry extends ArticleMeta, Rendering {
  url: string;
  assets?: Assets;
}

/** The podcast channel of a feed, resolved: what emit/podcast.ts writes. */
export interface PodcastChannel extends Omit<Podcast, 'image' | 'groups'> {
  image: Asset;
  groups?: PodcastGroup<Asset>[];
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
  /** Newest `updated` among its entries: the feed changes only when they do. None without entries. */
  updated?: Date;
  urls: { rss: string; atom: string; json: string };
  entries: Entry[];
  /** Set in podcast mode, on the site feed. */
  podcast?: PodcastChannel;
  /** WebSub hubs to advertise. */
  hubs: string[];
  /** RFC 5005 links: the subscription feed's archives, or this archive page's neighbours. */
  archive?: ArchiveLinks;
  /** Tag name → the tag's page, for the tags that have one (Atom category scheme). */
  tagPages?: ReadonlyMap<string, string>;
  /** The feed's picture (a group's own image, else the site logo): RSS <image>, Atom <logo>, webfeeds:logo. */
  image?: string;
  /** Square icon: Atom <icon>, JSON Feed icon and favicon, webfeeds:icon. */
  icon?: string;
  webfeeds?: Webfeeds;
  /** Set when the feed carries summaries only. */
  feedContent?: FeedContent;
  /** The XSLT stylesheet browsers apply to the RSS and Atom documents (emit/stylesheet.ts). */
  stylesheet?: string;
  /** RFC 6721 tombstones of withdrawn entries this document's readers may still hold (Atom only). */
  tombstones?: Tombstone[];
}

/** An entry withdrawn from a feed (RFC 6721 at:deleted-entry). */
export interface Tombstone {
  /** The entry's id, exactly as the Atom feed wrote it in <id>. */
  ref: string;
  /** RFC 3339 instant. */
  when: string;
  /** The retraction's reason; none for a deleted article. */
  comment?: string;
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

/** A project file to copy as is into the output folder (media): streamed, never held in memory. */
export interface FileCopy {
  path: string;
  from: string;
  /** The source's stamp: an unchanged stamp means an unchanged copy. */
  stamp: FileStamp;
  /** Copied through a filter rather than byte for byte (media-filter.ts). */
  filter?: CopyFilter;
}

/** Metadata stripped from an image, or an HTML file sanitised as article HTML is (links against `base`). */
export type CopyFilter = { kind: 'metadata'; format: 'jpg' | 'png' | 'webp' } | { kind: 'html'; base: string };
