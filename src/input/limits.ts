// Every size limit on input, in one place; README.md "Limits" lists the same numbers.
// Each is far above what a news site writes and far below where a build slows down, so a
// hostile or mistaken file is a clear error rather than a hang or a giant output.

export const LIMITS = {
  /**
   * Bytes of one article file. A 50 MB article took 32 s and 2.5 GB. 1 MiB of prose renders in
   * ~30 ms, and the slowest 1 MiB Markdown measured (autolinks, references) in ~1 s.
   */
  articleBytes: 1024 * 1024,
  /** Bytes of syndic.yaml: a settings file is a few hundred bytes. */
  settingsBytes: 64 * 1024,
  /**
   * Characters of a site or article title. A 10 MB site title made a 551 MB output. 200 keeps
   * the file name `new` makes from a title (date, slug, `.md`) under 255 bytes for Latin text.
   */
  title: 200,
  /** Characters of a tag or author name; the name also becomes a folder name (its slug). */
  name: 100,
  /** Bytes of the folder name made from a tag or author name, under the 255 bytes most file systems allow. */
  slugBytes: 200,
  /** Characters of a summary, the site description, image alt text, copyright or podcast author. */
  prose: 2_000,
  /** Characters of a URL, an id, a slug or an email address. */
  address: 2_000,
  /** Tags on one article: each tag writes a feed trio that carries the article, so cost grows with tags². */
  tags: 50,
  /** Authors on one article (or of the site). */
  authors: 20,
  /** WebSub hubs. */
  hubs: 10,
  /** Values one YAML document may expand to once its aliases are followed (a "billion laughs" expands to 10⁹). */
  yamlValues: 10_000,
  /** Nesting of lists and maps in YAML: frontmatter needs 3. */
  yamlDepth: 32,
  /** Aliases (`*name`) in one YAML document. */
  yamlAliases: 100,
  /** Seconds of a podcast episode: 999:59:59. */
  durationSeconds: 999 * 3600 + 59 * 60 + 59,
  /**
   * Bytes of one article's rendered HTML, which feeds carry as one text node: libxml2-based
   * readers refuse text nodes over 10 MB. 1 MiB of Markdown renders to at most ~6 MB.
   */
  htmlBytes: 5_000_000,
  /** Corrections on one article: each is a line on its page. */
  corrections: 50,
  /** Bytes of syndic.published.json: ~300 bytes an entry, so far above a window of 100,000 ids plus years of retractions. */
  publishedBytes: 64 * 1024 * 1024,
} as const;
