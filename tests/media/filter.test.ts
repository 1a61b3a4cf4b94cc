// Copies that are not byte for byte: images lose their metadata, HTML transcripts are sanitised.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { filteredCopy, webpWithoutMetadata } from '../../src/media/filter.js';
import { jpegWithGps, KYIV, PLAIN_JPEG, webpWithGps } from '../support/images.js';

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'syndic-filter-'));
  await writeFile(path.join(dir, name), bytes);
  return path.join(dir, name);
}

describe('filteredCopy', () => {
  it('takes the GPS position out of a JPEG and leaves the picture', async () => {
    const photo = jpegWithGps();
    expect(await exifr.gps(photo)).toEqual(KYIV);
    const copy = await filteredCopy(await file('photo.jpg', photo), { kind: 'metadata', format: 'jpg' });
    expect(await exifr.gps(copy)).toBeUndefined();
    expect(copy.includes('Exif\0\0', 0, 'latin1')).toBe(false);
    expect(copy.equals(PLAIN_JPEG)).toBe(true);
  });

  it('takes the EXIF and text chunks out of a PNG', async () => {
    const { readFile } = await import('node:fs/promises');
    const png = await readFile(path.resolve(import.meta.dirname, '../fixtures/podcast/input/images/studio.png'));
    const chunk = (type: string, data: string): Buffer => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, Buffer.from(data, 'latin1'), Buffer.alloc(4)]);
    };
    // After the signature and IHDR (8 + 25 bytes).
    const tagged = Buffer.concat([png.subarray(0, 33), chunk('tEXt', 'Author\0Jane Source'), chunk('eXIf', 'GPS 50.45N'), png.subarray(33)]);
    const copy = await filteredCopy(await file('a.png', tagged), { kind: 'metadata', format: 'png' });
    expect(copy.includes('Jane Source')).toBe(false);
    expect(copy.includes('GPS 50.45N')).toBe(false);
    expect(copy.equals(png)).toBe(true);
  });

  it('takes the EXIF chunk out of a WebP, clears its flag and keeps a valid RIFF size', async () => {
    const webp = webpWithGps();
    const copy = await filteredCopy(await file('a.webp', webp), { kind: 'metadata', format: 'webp' });
    expect(copy.includes('EXIF', 12, 'latin1')).toBe(false);
    expect(copy.readUInt32LE(4)).toBe(copy.length - 8);
    expect((copy[20] ?? 0) & 0x08).toBe(0);
    expect(imageSize(copy)).toMatchObject({ width: 1, height: 1, type: 'webp' });
    expect(webpWithoutMetadata(Buffer.from('not a webp'))).toEqual(Buffer.from('not a webp'));
  });

  it('sanitises an HTML transcript as article HTML, with links against its own URL', async () => {
    const html = '<html><body><p onclick="x()">Bonjour</p><script>alert(1)</script><a href="ep2.html">suite</a><img src=x onerror=alert(1)></body></html>';
    const copy = (await filteredCopy(await file('t.html', html), { kind: 'html', base: 'https://news.test.example/media/episodes/t.html' })).toString('utf8');
    expect(copy).toBe('<!doctype html>\n<meta charset="utf-8">\n<p>Bonjour</p><a href="https://news.test.example/media/episodes/ep2.html">suite</a><img src="https://news.test.example/media/episodes/x" />\n');
  });
});
