// The colour model of art, read from a JPEG's frame header or a PNG's IHDR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorModel } from '../../src/media/image-color.js';
import { PLAIN_JPEG } from '../support/images.js';

/** SOI, a comment segment to skip, then a baseline or progressive frame of `components`. */
function jpeg(components: number, marker = 0xc0): Buffer {
  const comment = Buffer.from([0xff, 0xfe, 0, 6, ...Buffer.from('test')]);
  const frame = Buffer.from([0xff, marker, 0, 8 + 3 * components, 8, 0, 16, 0, 16, components, ...Array.from({ length: components }, (_, n) => [n + 1, 0x11, 0]).flat()]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), comment, frame, Buffer.from([0xff, 0xd9])]);
}

function pngHeader(colorType: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), ihdr, Buffer.alloc(4)]);
}

describe('colorModel', () => {
  it('tells greyscale and CMYK JPEGs, baseline or progressive, from RGB ones', () => {
    expect(colorModel(jpeg(1), 'jpg')).toBe('gray');
    expect(colorModel(jpeg(4, 0xc2), 'jpg')).toBe('cmyk');
    expect(colorModel(jpeg(3), 'jpg')).toBeUndefined();
    expect(colorModel(PLAIN_JPEG, 'jpg')).toBeUndefined();
  });

  it('tells greyscale PNGs, with or without alpha, from RGB and palette ones', () => {
    expect([0, 2, 3, 4, 6].map((type) => colorModel(pngHeader(type), 'png'))).toEqual(['gray', undefined, undefined, 'gray', undefined]);
  });

  it('says nothing of other formats, or of a header cut short', () => {
    expect(colorModel(jpeg(4), 'webp')).toBeUndefined();
    expect(colorModel(jpeg(4).subarray(0, 12), 'jpg')).toBeUndefined();
    expect(colorModel(pngHeader(0).subarray(0, 20), 'png')).toBeUndefined();
  });

  it('never throws on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('jpg', 'png'), (bytes, format) => {
      const withSoi = format === 'jpg' ? Uint8Array.from([0xff, 0xd8, ...bytes]) : bytes;
      expect(['gray', 'cmyk', undefined]).toContain(colorModel(withSoi, format));
    }));
  });
});
