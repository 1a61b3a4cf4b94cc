// The colour model of a JPEG or PNG, from its header: Apple Podcasts refuses artwork that is
// not RGB (https://podcasters.apple.com/support/896-artwork-requirements). image-size reads no
// colour model, and the libraries that do decode the whole image (jpeg-js, pngjs) or are a
// native build (sharp); the answer is one byte of a header, so it is read here. Pure.

/** 'cmyk' or 'gray' for art Apple refuses; undefined for RGB, or when the header does not say. */
export function colorModel(bytes: Uint8Array, format: string | undefined): 'cmyk' | 'gray' | undefined {
  if (format === 'png') return pngColor(bytes);
  if (format === 'jpg') return jpegColor(bytes);
  return undefined;
}

// IHDR's colour type (PNG 11.2.2): 0 greyscale, 4 greyscale with alpha; 2, 3 and 6 are RGB.
function pngColor(bytes: Uint8Array): 'gray' | undefined {
  const isIhdr = bytes.length > 25 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  const type = isIhdr ? bytes[25] : undefined;
  return type === 0 || type === 4 ? 'gray' : undefined;
}

// Start-of-frame markers carry the component count (ITU T.81 B.2.2): 1 is greyscale, 3 is
// YCbCr or RGB, 4 is CMYK (or YCCK, which Adobe's APP14 marker tells apart: ink-based either way).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegColor(bytes: Uint8Array): 'cmyk' | 'gray' | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes, and the markers that have no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (SOF.has(marker)) {
      const components = bytes[at + 9];
      return components === 1 ? 'gray' : components === 4 ? 'cmyk' : undefined;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
  }
  return undefined;
}
