// The copies of media that are not byte for byte (model.ts, CopyFilter): images without their
// metadata, HTML transcripts sanitised. write.ts calls this where it would copy the file.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import exifBeGone from 'exif-be-gone';
import type { CopyFilter } from '../model.js';

// The package sets module.exports to the class; its types describe an ES module's default export.
const ExifTransformer = exifBeGone as unknown as typeof exifBeGone.default;

/** The bytes the copy of `from` holds. */
export async function filteredCopy(from: string, filter: CopyFilter): Promise<Buffer> {
  const bytes = await readFile(from);
  if (filter.kind === 'html') {
    // A transcript page opens in the site's origin: it gets the sanitiser article HTML gets.
    const { sanitize } = await import('../render.js');
    return Buffer.from(`<!doctype html>\n<meta charset="utf-8">\n${sanitize(bytes.toString('utf8'), filter.base)}\n`);
  }
  return filter.format === 'webp' ? webpWithoutMetadata(bytes) : buffer(Readable.from([bytes]).pipe(new ExifTransformer()));
}

/**
 * A WebP without its EXIF and XMP chunks. exif-be-gone 1.5.1 leaves them in (it skips a chunk's
 * size + 12 bytes, not + 8), so the RIFF chunks of https://developers.google.com/speed/webp/docs/riff_container
 * are filtered here; VP8X's EXIF and XMP flags are cleared and the RIFF size set again.
 */
export function webpWithoutMetadata(bytes: Buffer): Buffer {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return bytes;
  const kept: Buffer[] = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    const type = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const end = Math.min(bytes.length, at + 8 + size + (size % 2));
    if (type !== 'EXIF' && type !== 'XMP ') kept.push(bytes.subarray(at, end));
    at = end;
  }
  const body = Buffer.concat(kept);
  const EXIF_AND_XMP_FLAGS = 0x0c;
  if (body.length > 8 && body.toString('latin1', 0, 4) === 'VP8X') body[8] = (body[8] ?? 0) & ~EXIF_AND_XMP_FLAGS;
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}
