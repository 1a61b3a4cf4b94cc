// lib/syndic.schema.json (scripts/settings-schema.mjs, run by `npm run compile`): the JSON
// Schema editors autocomplete syndic.yaml from, and `syndic init` writes syndic.yaml from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../src/schema.js';

const ROOT = path.resolve(import.meta.dirname, '..');

async function schema(): Promise<{ $schema: string; properties: Record<string, { description?: string; properties?: Record<string, { description?: string }> }>; required: string[] }> {
  return JSON.parse(await readFile(path.join(ROOT, 'lib/syndic.schema.json'), 'utf8')) as never;
}

async function validator(): Promise<(data: unknown) => boolean> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(await schema());
}

describe('the JSON Schema of syndic.yaml', () => {
  it('is draft 7, which yaml-language-server reads, and is published with the package', async () => {
    expect((await schema()).$schema).toBe('http://json-schema.org/draft-07/schema#');
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[]; scripts: Record<string, string> };
    expect(manifest.files).toContain('lib');
    expect(manifest.scripts.compile).toContain('scripts/settings-schema.mjs');
  });

  it('has every setting of schema.ts, each with its doc comment as description', async () => {
    const { properties, required } = await schema();
    expect(Object.keys(properties)).toEqual(Object.keys(settingsSchema.shape));
    expect(required).toEqual(['title', 'description', 'url', 'language', 'author']);
    expect(properties.feedLimit?.description).toBe('Most recent items per feed. Default 20.');
    expect(properties.id?.properties?.authority?.description).toMatch(/^The tag: authority of every default id/);
    for (const [key, property] of Object.entries(properties)) expect(property.description, key).toBeTruthy();
  });

  it('accepts the settings Syndic builds and refuses what it refuses by shape', async () => {
    const valid = await validator();
    for (const file of ['syndic.yaml', 'tests/fixtures/seed-site/input/syndic.yaml', 'tests/fixtures/podcast/input/syndic.yaml']) {
      expect(valid(parse(await readFile(path.join(ROOT, file), 'utf8'))), file).toBe(true);
    }
    const base = { title: 'T', description: 'D', url: 'https://x.example/', language: 'fr', author: 'A' };
    expect(valid(base)).toBe(true);
    expect(valid({ ...base, titel: 'T' })).toBe(false);
    expect(valid({ ...base, feedLimit: 0 })).toBe(false);
    expect(valid({ ...base, title: undefined })).toBe(false);
    expect(valid({ ...base, id: { authority: 'x.example,2024' } })).toBe(true);
  });
});
