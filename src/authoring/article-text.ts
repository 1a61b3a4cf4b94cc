// A new article file: frontmatter and body in, the text and file name `new` and `import` write. Pure.
import { Document, isScalar } from 'yaml';
import type { Person } from '../model.js';
import { slug } from '../addresses/slug.js';

/** The frontmatter Syndic writes for an article it creates; key order is the order in the file. */
export interface NewFrontmatter {
  title: string;
  /** `YYYY-MM-DD` or an RFC 3339 date-time; a date is read in the site's time zone. */
  date: string;
  updated?: string;
  authors?: readonly Person[];
  summary?: string;
  tags?: readonly string[];
  lang?: string;
  /** A permanent id kept from another generator, so readers do not see the post again. */
  id?: string;
  slug?: string;
  draft?: boolean;
}

/**
 * `---`, YAML, `---`, then the body. YAML is written by a library so that quotes, colons
 * and `#` in a title are escaped; the title is double-quoted as the README shows it.
 */
export function articleText(frontmatter: NewFrontmatter, body: string): string {
  const data: Record<string, unknown> = { title: frontmatter.title, date: frontmatter.date };
  if (frontmatter.updated !== undefined) data.updated = frontmatter.updated;
  if (frontmatter.authors && frontmatter.authors.length > 0) data.author = personsValue(frontmatter.authors);
  if (frontmatter.summary !== undefined) data.summary = frontmatter.summary;
  if (frontmatter.tags && frontmatter.tags.length > 0) data.tags = [...frontmatter.tags];
  if (frontmatter.lang !== undefined) data.lang = frontmatter.lang;
  if (frontmatter.id !== undefined) data.id = frontmatter.id;
  if (frontmatter.slug !== undefined) data.slug = frontmatter.slug;
  if (frontmatter.draft !== undefined) data.draft = frontmatter.draft;
  const doc = new Document(data);
  const title = doc.get('title', true);
  if (isScalar(title)) title.type = 'QUOTE_DOUBLE';
  // lineWidth 0: never fold a long title or name over two lines.
  const yaml = doc.toString({ lineWidth: 0 });
  const text = body.replace(/^\n+/, '').replace(/\s+$/, '');
  // An empty body still gets its blank line, where the writer starts typing.
  return `---\n${yaml}---\n\n${text ? `${text}\n` : ''}`;
}

/** `YYYY-MM-DD-<slug>.md` (slug.ts's policy), or undefined when the title has no letter or digit. */
export function articleFileName(date: string, title: string): string | undefined {
  const name = shortened(slug(title), SLUG_BYTES_MAX);
  return name ? `${date}-${name}.md` : undefined;
}

/** The name after `name` in the series `x.md`, `x-2.md`, `x-3.md`…: what to propose when it is taken. */
export function nextName(name: string, taken: (candidate: string) => boolean): string {
  const stem = name.replace(/\.md$/, '');
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}.md`;
    if (!taken(candidate)) return candidate;
  }
}

// A file name may have 255 bytes (ENAMETOOLONG past it), and the slug also names the page,
// SLUG.html: 200 leaves room for both, and a long headline still reads in a listing.
const SLUG_BYTES_MAX = 200;

/** The slug cut at its last `-` within `max` bytes, so a long title never makes an impossible file name. */
function shortened(slug: string, max: number): string {
  if (Buffer.byteLength(slug) <= max) return slug;
  let cut = '';
  for (const char of slug) {
    if (Buffer.byteLength(cut + char) > max) break;
    cut += char;
  }
  const word = cut.lastIndexOf('-');
  return (word > 0 ? cut.slice(0, word) : cut).replace(/-+$/, '');
}

/** The shortest frontmatter shape: a bare name for a name-only person, a list only for several. */
function personsValue(people: readonly Person[]): unknown {
  const values = people.map((person) => (person.email === undefined && person.url === undefined ? person.name : { ...person }));
  return values.length === 1 ? values[0] : values;
}
