// Images that carry the metadata a newsroom must not publish: a GPS position in EXIF.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A real 64×48 JPEG (tests/fixtures/hostile/lead.jpg), without metadata. */
export const PLAIN_JPEG = readFileSync(path.resolve(import.meta.dirname, '../fixtures/hostile/lead.jpg'));

/** Kyiv, as a camera writes it: 50°27′N 30°31′E. */
export const KYIV = { latitude: 50.45, longitude: 30.516666666666666 };

/** The TIFF structure of an EXIF block whose IFD0 points to a GPS IFD holding KYIV. */
function gpsTiff(): Buffer {
  const tiff = Buffer.alloc(26 + 2 + 4 * 12 + 4 + 48);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // IFD0: one entry, GPSInfo (0x8825), a LONG offset to the GPS IFD
  tiff.writeUInt16LE(0x8825, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18);
  let at = 26;
  tiff.writeUInt16LE(4, at);
  at += 2;
  const data = 26 + 2 + 4 * 12 + 4;
  const entry = (tag: number, type: number, count: number, value: string | number): void => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'latin1');
    else tiff.writeUInt32LE(value, at + 8);
    at += 12;
  };
  entry(1, 2, 2, 'N\0'); // GPSLatitudeRef
  entry(2, 5, 3, data); // GPSLatitude: 3 RATIONALs
  entry(3, 2, 2, 'E\0'); // GPSLongitudeRef
  entry(4, 5, 3, data + 24); // GPSLongitude
  [50, 1, 27, 1, 0, 1, 30, 1, 31, 1, 0, 1].forEach((value, i) => tiff.writeUInt32LE(value, data + i * 4));
  return tiff;
}

/** The EXIF payload: "Exif\0\0" then the TIFF block. */
export function exifPayload(): Buffer {
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), gpsTiff()]);
}

/** PLAIN_JPEG with an APP1 EXIF segment after SOI, as a phone camera writes it. */
export function jpegWithGps(): Buffer {
  const payload = exifPayload();
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([PLAIN_JPEG.subarray(0, 2), marker, payload, PLAIN_JPEG.subarray(2)]);
}

/** A 1×1 lossless WebP with a VP8X header announcing an EXIF chunk, and that chunk. */
export function webpWithGps(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08; // EXIF present
  const pixel = Buffer.from([0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0]);
  const body = Buffer.concat([chunk('VP8X', vp8x), chunk('EXIF', gpsTiff()), chunk('VP8L', pixel)]);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}
