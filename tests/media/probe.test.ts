// The media step's I/O: what it reads of local files, and what it refuses.
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/media/probe.js';
import { m4a, mp3, mp3Frames, PODCAST_EPISODES } from '../support/audio.js';

const PODCAST = path.resolve(import.meta.dirname, '../fixtures/podcast/input');
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

describe('the play time of local audio', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-probe-audio-'));
  const files: Record<string, Buffer> = {
    'cbr.mp3': mp3({ frames: mp3Frames(3) }),
    'info.mp3': mp3({ frames: 4, infoFrames: mp3Frames(754) }),
    'ep.m4a': m4a(3.5),
    'stub.mp3': mp3({ frames: 1 }).subarray(0, 100),
    'noise.mp3': Buffer.from('not audio at all'),
    'huge.mp3': mp3({ frames: 4, infoFrames: 2 ** 32 - 1 }),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(root, name), bytes);
  const probes = await probeMedia(root, Object.keys(files));
  const seconds = (name: string) => {
    const found = probes.get(name);
    return typeof found === 'object' ? found.duration : found;
  };

  it('reads a CBR MP3 from its bitrate and size, an MP3 with an Info frame from its frame count, an M4A from its header', () => {
    expect(seconds('cbr.mp3')).toBeCloseTo(2.988, 2);
    expect(seconds('info.mp3')).toBeCloseTo(754, 0);
    expect(seconds('ep.m4a')).toBe(3.5);
  });

  it('gives none for a stub, a file that is not audio, or a header claiming more than 999 hours', () => {
    expect(seconds('stub.mp3')).toBeUndefined();
    expect(seconds('noise.mp3')).toBeUndefined();
    expect(seconds('huge.mp3')).toBeUndefined();
  });

  it('reads the podcast fixture’s episodes as the articles time them', async () => {
    const fixture = await probeMedia(PODCAST, ['episodes/ep1.mp3', 'episodes/ep2.mp3', 'episodes/ep3.mp3']);
    expect([...fixture.values()].map((found) => (typeof found === 'object' ? Math.round(found.duration ?? 0) : found))).toEqual([65, 754, 1805]);
  });

  it('has the fixture’s episodes as tests/support/audio.ts makes them', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const [name, make] of Object.entries(PODCAST_EPISODES)) expect((await readFile(path.join(PODCAST, 'episodes', name))).equals(make()), name).toBe(true);
  });
});
