// Sitemaps checked by libxml2 (xmllint-wasm) against the published XML Schemas in
// tests/fixtures/xsd/, independently of src/ and of the sitemap library.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const XSD = path.resolve(import.meta.dirname, '../fixtures/xsd');
const file = (name: string) => ({ fileName: name, contents: readFileSync(path.join(XSD, name), 'utf8') });

// sitemap.xsd lets other namespaces in with processContents="strict": one schema that imports
// both is what validates a news sitemap, as Google's validation headers do.
const URLSET = {
  fileName: 'urlset.xsd',
  contents: `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="sitemap-news.xsd"/>
</xsd:schema>
`,
};

/** libxml2's schema errors for a `<urlset>` (news: elements included); empty when valid. */
export async function validateUrlset(xml: string): Promise<string[]> {
  return errors(xml, URLSET, [file('sitemap.xsd'), file('sitemap-news.xsd')]);
}

/** libxml2's schema errors for a `<sitemapindex>`; empty when valid. */
export async function validateSitemapIndex(xml: string): Promise<string[]> {
  return errors(xml, file('siteindex.xsd'), []);
}

async function errors(xml: string, schema: { fileName: string; contents: string }, preload: Array<{ fileName: string; contents: string }>): Promise<string[]> {
  try {
    const result = await validateXML({ xml: { fileName: 'sitemap.xml', contents: xml }, schema, preload, initialMemoryPages: 256, maxMemoryPages: 16384 });
    return result.valid ? [] : result.errors.map((error) => error.rawMessage);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
