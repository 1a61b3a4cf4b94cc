// `check` warns when a local lead image is too small for Flipboard (400 px), and never stops for it.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { PLAIN_JPEG } from './support/images.js';

const SEED = path.resolve(import.meta.dirname, 'fixtures/seed-site/input');
const ARTICLE = 'articles/2024-11-21-coree-du-nord-soldats-russie.md';

describe('check of lead images', () => {
  it('warns at the image field about a 64×48 lead image, with no problem', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-check-lead-'));
    await cp(SEED, root, { recursive: true });
    await mkdir(path.join(root, 'media'));
    await writeFile(path.join(root, 'media/lead.jpg'), PLAIN_JPEG);
    const text = await readFile(path.join(root, ARTICLE), 'utf8');
    await writeFile(path.join(root, ARTICLE), text.replace('tags:\n', 'image: {url: media/lead.jpg, credit: AFP}\ntags:\n'));
    const { problems, warnings } = await check({ root });
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.format().split('\n')[0])).toEqual([
      `${ARTICLE}:7: image.url: is 64×48 pixels; Flipboard and other aggregators want a lead image of at least 400 pixels a side`,
    ]);
  });
});
