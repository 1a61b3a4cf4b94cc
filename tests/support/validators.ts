// Independent validators: nothing here shares code with src/, so a bug there cannot hide itself.
//  - XML well-formedness and Atom RELAX NG: libxml2 (xmllint compiled to WebAssembly)
//  - JSON Feed 1.1: ajv against tests/fixtures/schemas/jsonfeed-1.1.schema.json
//  - round trip: @rowanmanning/feed-parser for RSS and Atom, @extractus/feed-extractor for JSON Feed
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromJson } from '@extractus/feed-extractor';
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = path.resolve(import.meta.dirname, '../fixtures/schemas');
const ATOM_RNG = readFileSync(path.join(SCHEMAS, 'atom.rng'), 'utf8');
// Large feeds (2 MB bodies) need more than xmllint-wasm's default 32 MiB.
const MEMORY = { initialMemoryPages: 256 * 4, maxMemoryPages: 256 * 64 };

/** Throws with libxml2's messages unless `xml` is well-formed XML 1.0. */
export async function assertWellFormedXml(xml: string): Promise<void> {
  const result = await validateXML({ xml: { fileName: 'feed.xml', contents: xml }, normalization: 'c14n', ...MEMORY });
  if (!result.valid) throw new Error(`not well-formed XML:\n${result.errors.map((e) => e.rawMessage).join('\n')}`);
}

/** Errors from validating against the RFC 4287 Appendix B RELAX NG schema; empty when valid. */
export async function validateAtom(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'atom.xml', contents: xml },
    schema: { fileName: 'atom.rng', contents: ATOM_RNG },
    extension: 'relaxng',
    ...MEMORY,
  });
  return result.errors.map((e) => e.rawMessage);
}

// strictRequired would reject the spec's "one of name, url, avatar", written as anyOf of required.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const jsonFeedSchema = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'jsonfeed-1.1.schema.json'), 'utf8')) as object);

/** Errors from the JSON Feed 1.1 schema; empty when valid. */
export function validateJsonFeed(feed: unknown): string[] {
  if (jsonFeedSchema(feed)) return [];
  return (jsonFeedSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export interface ParsedItem {
  id: string;
  title: string;
  url: string;
  published: Date | undefined;
  updated: Date | undefined;
  content: string | undefined;
  authors: string[];
}

export interface ParsedFeed {
  title: string;
  language: string | undefined;
  items: ParsedItem[];
}

/** Reads any of our three formats back through a real feed parser into one shape. */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  if (text.trimStart().startsWith('{')) return parseJsonFeed(text);
  const feed = parseXmlFeed(text);
  return {
    title: feed.title ?? '',
    language: feed.language ?? undefined,
    items: feed.items.map((item) => ({
      id: item.id ?? '',
      title: item.title ?? '',
      url: item.url ?? '',
      published: item.published ?? undefined,
      updated: item.updated ?? undefined,
      content: item.content ?? undefined,
      authors: item.authors.map((a) => a.name ?? a.email ?? ''),
    })),
  };
}

interface JsonItemExtras {
  title?: string;
  url?: string;
  date_published?: string;
  date_modified?: string;
  content_html?: string;
  authors?: Array<{ name?: string }>;
}

function parseJsonFeed(text: string): ParsedFeed {
  const raw = JSON.parse(text) as { language?: string };
  const feed = extractFromJson(text, {
    normalization: true,
    getExtraEntryFields: (entry: unknown) => {
      const item = entry as JsonItemExtras;
      return { raw: item };
    },
  });
  return {
    title: feed.title ?? '',
    language: raw.language,
    items: (feed.entries ?? []).map((entry) => {
      const item = (entry as unknown as { raw: JsonItemExtras & { id: string } }).raw;
      return {
        id: entry.id ?? item.id,
        title: entry.title ?? '',
        url: entry.link ?? '',
        published: item.date_published === undefined ? undefined : new Date(item.date_published),
        updated: item.date_modified === undefined ? undefined : new Date(item.date_modified),
        content: item.content_html,
        authors: (item.authors ?? []).map((a) => a.name ?? ''),
      };
    }),
  };
}
