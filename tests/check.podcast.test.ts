// `check` in podcast mode: what podcast apps check, as warnings that never stop a build.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { mp3, mp3Frames } from './support/audio.js';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/podcast/input');

/** A solid square PNG of `side` pixels (RGB, or greyscale), made here so no binary fixture is needed. */
function squarePng(side: number, gray = false): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, gray ? 0 : 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(side * (gray ? 1 : 3), 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: side }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function fixture(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-check-podcast-'));
  await cp(FIXTURE, root, { recursive: true });
  return root;
}

async function edit(root: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(path.join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  await writeFile(path.join(root, file), text.replace(from, to));
}

describe('check in podcast mode', () => {
  it('finds nothing to warn about in the podcast fixture', async () => {
    const result = await check({ root: await fixture() });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('warns about an http enclosure, local audio with no duration and small episode art, and still reports no problem', async () => {
    const root = await fixture();
    await edit(root, 'articles/2024-11-15-episode-2.md', 'duration: 1805\n', '');
    // A file whose header states no play time: one frame, no Info tag, no size to go by.
    await writeFile(path.join(root, 'episodes/ep3.mp3'), mp3({ frames: 1 }).subarray(0, 100));
    await edit(root, 'articles/2024-11-01-bande-annonce.md', 'enclosure: {url: "episodes/ep1.mp3"}', 'enclosure: {url: "http://cdn.syndic.example/ep1.mp3", length: 834}');
    await writeFile(path.join(root, 'images/episode-2.png'), squarePng(600));
    const { problems, warnings } = await check({ root });
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.format().split('\n')[0])).toEqual([
      'articles/2024-11-01-bande-annonce.md:5: enclosure.url: is served over http; podcast apps prefer https and some refuse plain http',
      'articles/2024-11-08-episode-1.md:14: episodeImage: is 600×600 pixels; Apple Podcasts wants episode art of 1400 to 3000 pixels a side',
      "articles/2024-11-15-episode-2.md:4: duration: is not given, and this local file's header does not say, so apps show no play time until it is downloaded",
    ]);
    expect(warnings.every((warning) => warning.hint !== undefined)).toBe(true);
  });
});

/** The header of a CMYK JPEG as Photoshop saves one: an Adobe APP14 marker, then a 4-component frame. */
function cmykJpeg(side: number): Buffer {
  const adobe = Buffer.from([0xff, 0xee, 0, 14, ...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 0]);
  const frame = Buffer.from([0xff, 0xc0, 0, 20, 8, side >> 8, side & 0xff, side >> 8, side & 0xff, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), adobe, frame, Buffer.from([0xff, 0xd9])]);
}

describe('the colour of podcast art', () => {
  it('warns about greyscale or CMYK art, the show’s cover as an episode’s, and is still no problem', async () => {
    const root = await fixture();
    await writeFile(path.join(root, 'images/cover.png'), squarePng(1400, true));
    await writeFile(path.join(root, 'images/episode-2.jpg'), cmykJpeg(1400));
    await edit(root, 'articles/2024-11-08-episode-1.md', 'episodeImage: images/episode-2.png', 'episodeImage: images/episode-2.jpg');
    const { problems, warnings } = await check({ root });
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.format())).toEqual([
      'articles/2024-11-08-episode-1.md:14: episodeImage: is a CMYK image (print colours); Apple Podcasts wants artwork in RGB\n  hint: save it again as an RGB (sRGB) JPEG or PNG',
      'syndic.yaml:11: podcast.image: is a greyscale image; Apple Podcasts wants artwork in RGB\n  hint: save it again as an RGB (sRGB) JPEG or PNG',
    ]);
  });
});

describe('the duration of local audio', () => {
  it('needs no frontmatter when the file’s header gives it', async () => {
    const root = await fixture();
    await edit(root, 'articles/2024-11-15-episode-2.md', 'duration: 1805\n', '');
    expect((await check({ root })).warnings).toEqual([]);
  });

  it('warns when the frontmatter disagrees with the file by more than a second', async () => {
    const root = await fixture();
    await edit(root, 'articles/2024-11-08-episode-1.md', 'duration: 754}', 'duration: 755}');
    await edit(root, 'articles/2024-11-15-episode-2.md', 'duration: 1805\n', 'duration: "00:31:00"\n');
    await writeFile(path.join(root, 'episodes/ep1.mp3'), mp3({ frames: 4, infoFrames: mp3Frames(3605) }));
    await edit(root, 'articles/2024-11-01-bande-annonce.md', 'duration: "00:01:05"', 'duration: "01:00:00"');
    const { problems, warnings } = await check({ root });
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.format())).toEqual([
      "articles/2024-11-01-bande-annonce.md:5: duration: is 1:00:00, but episodes/ep1.mp3 plays for 1:00:05; the feeds give the file's\n  hint: remove `duration` from the frontmatter: it is read from a local MP3 or M4A file",
      "articles/2024-11-15-episode-2.md:4: duration: is 31:00, but episodes/ep3.mp3 plays for 30:05; the feeds give the file's\n  hint: remove `duration` from the frontmatter: it is read from a local MP3 or M4A file",
    ]);
  });
});

describe('check of group podcasts', () => {
  it('warns about a group podcast no article would make, at its line in syndic.yaml', async () => {
    const root = await fixture();
    await edit(root, 'syndic.yaml', '  locked: true\n', '  locked: true\n  groups:\n    - {name: Russie}\n    - name: Ukraine\n');
    await edit(root, 'syndic.yaml', 'groups: {tags: false, authors: false}', 'groups: {tags: true, authors: false}');
    const { problems, warnings } = await check({ root });
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.format().split('\n')[0])).toEqual(['syndic.yaml:18: podcast.groups.1.name: names no tag of any article']);
  });
});
