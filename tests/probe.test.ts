// The media step's I/O: what it reads of local files, and what it refuses.
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeMedia } from '../src/probe.js';

const PODCAST = path.resolve(import.meta.dirname, 'fixtures/podcast/input');
// A PNG signature and an IHDR chunk declaring 0×0 pixels.
const EMPTY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000000000000008060000001f15c489', 'hex');

describe('probeMedia', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-probe-'));
  await cp(PODCAST, root, { recursive: true });
  await mkdir(path.join(root, 'folder.png'));
  await writeFile(path.join(root, 'broken.png'), 'not a png');
  await writeFile(path.join(root, 'empty.png'), EMPTY_PNG);
  const outside = await mkdtemp(path.join(tmpdir(), 'syndic-outside-'));
  await writeFile(path.join(outside, 'secret.mp3'), 'x');
  await symlink(path.join(outside, 'secret.mp3'), path.join(root, 'link.mp3'));
  const probes = await probeMedia(root, ['images/cover.png', 'episodes/ep1.mp3', 'images/cover.png', 'gone.mp3', 'folder.png', 'broken.png', 'link.mp3', 'empty.png']);

  it('reads an image’s dimensions and format, and every file’s size', () => {
    expect(probes.get('images/cover.png')).toMatchObject({ width: 1400, height: 1400, format: 'png', stamp: { size: 7920 } });
    expect(probes.get('episodes/ep1.mp3')).toMatchObject({ stamp: { size: 1251 } });
    expect(probes.get('episodes/ep1.mp3')).not.toHaveProperty('width');
  });

  it('says why a file cannot be used', () => {
    expect(probes.get('gone.mp3')).toBe('does not exist');
    expect(probes.get('folder.png')).toBe('is not a file');
    expect(probes.get('link.mp3')).toMatch(/^links to .*secret\.mp3, outside the project$/);
  });

  it('gives an unreadable image no dimensions rather than failing', () => {
    expect(probes.get('broken.png')).toMatchObject({ stamp: { size: 9 } });
    expect(probes.get('broken.png')).not.toHaveProperty('width');
  });

  it('gives a 0×0 image no dimensions, so it is refused as an image', () => {
    expect(probes.get('empty.png')).toMatchObject({ stamp: { size: EMPTY_PNG.length } });
    expect(probes.get('empty.png')).not.toHaveProperty('width');
  });

  it('looks at each file once', () => {
    expect(probes.size).toBe(7);
  });
});
