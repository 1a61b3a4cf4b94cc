// Small, valid audio files made in code, so tests need no encoder and fixtures stay tiny.
// An MP3 here is MPEG-1 Layer III, 32 kb/s, 32 kHz, mono: 144-byte frames of 1152 samples
// (36 ms), whose zeroed side information decodes as silence.

const FRAME_BYTES = 144;
const SAMPLES_PER_FRAME = 1152;
const SAMPLE_RATE = 32_000;
// Sync word, MPEG-1 Layer III without CRC; bitrate index 1 (32 kb/s), rate index 2 (32 kHz); mono, original.
const HEADER = [0xff, 0xfb, 0x18, 0xc4];
// MPEG-1 mono side information is 17 bytes; an Info tag sits right after it.
const SIDE_INFO_BYTES = 17;

/** Frames needed for `seconds` of MP3 audio. */
export function mp3Frames(seconds: number): number {
  return Math.round((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME);
}

export interface Mp3Options {
  /** Silent frames of audio in the file. */
  frames: number;
  /**
   * Write a LAME-style "Info" frame first that states this many frames, as encoders of CBR
   * files do; players and music-metadata take the play time from it without scanning.
   */
  infoFrames?: number;
  /** Pad the file to exactly this many bytes with an ID3v2 tag in front (a title and padding). */
  size?: number;
}

export function mp3({ frames, infoFrames, size }: Mp3Options): Buffer {
  const silent = (): Buffer => Buffer.concat([Buffer.from(HEADER), Buffer.alloc(FRAME_BYTES - HEADER.length)]);
  const parts: Buffer[] = [];
  if (infoFrames !== undefined) {
    const info = silent();
    const at = HEADER.length + SIDE_INFO_BYTES;
    info.write('Info', at, 'ascii');
    // Flags: frame count and byte count present (Xing/Info tag, http://gabriel.mp3-tech.org/mp3infotag.html).
    info.writeUInt32BE(0x3, at + 4);
    info.writeUInt32BE(infoFrames, at + 8);
    info.writeUInt32BE(Math.min(infoFrames * FRAME_BYTES, 0xffffffff), at + 12);
    parts.push(info);
  }
  for (let n = 0; n < frames; n += 1) parts.push(silent());
  const audio = Buffer.concat(parts);
  if (size === undefined) return audio;
  return Buffer.concat([id3(size - audio.length), audio]);
}

/** An ID3v2.4 tag of exactly `bytes` bytes: a TIT2 title, and a TXXX frame of spaces filling the rest. */
function id3(bytes: number): Buffer {
  const frame = (id: string, data: Buffer): Buffer => Buffer.concat([Buffer.from(id, 'ascii'), synchsafe(data.length), Buffer.alloc(2), data]);
  const title = frame('TIT2', Buffer.concat([Buffer.from([3]), Buffer.from('Syndic test audio', 'utf8')]));
  // UTF-8, a description, then the value: spaces, which no reader shows.
  const description = Buffer.from('\x03fill\0', 'latin1');
  const body = bytes - 10;
  const filler = body - title.length - 10 - description.length;
  if (filler < 0) throw new Error(`an ID3 tag of ${bytes} bytes cannot hold a title`);
  return Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([4, 0, 0]), synchsafe(body), title, frame('TXXX', Buffer.concat([description, Buffer.alloc(filler, 0x20)]))]);
}

function synchsafe(value: number): Buffer {
  return Buffer.from([(value >> 21) & 0x7f, (value >> 14) & 0x7f, (value >> 7) & 0x7f, value & 0x7f]);
}

/**
 * An M4A (MPEG-4 audio) file whose track lasts `seconds`: the boxes a reader looks at for the
 * play time (ftyp, moov with mvhd, and a sound track's tkhd, mdhd, hdlr and stsd), an empty mdat.
 */
export function m4a(seconds: number): Buffer {
  const rate = 44_100;
  const samples = Math.round(seconds * rate);
  const u32 = (value: number): Buffer => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(value);
    return out;
  };
  const u16 = (value: number): Buffer => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
  const box = (type: string, ...payload: Buffer[]): Buffer => {
    const body = Buffer.concat(payload);
    return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'ascii'), body]);
  };
  const matrix = Buffer.concat([u32(0x10000), u32(0), u32(0), u32(0), u32(0x10000), u32(0), u32(0), u32(0), u32(0x40000000)]);
  const mvhd = box('mvhd', u32(0), u32(0), u32(0), u32(rate), u32(samples), u32(0x10000), u16(0x100), Buffer.alloc(10), matrix, Buffer.alloc(24), u32(2));
  const tkhd = box('tkhd', u32(0x7), u32(0), u32(0), u32(1), u32(0), u32(samples), Buffer.alloc(8), u16(0), u16(0), u16(0x100), u16(0), matrix, u32(0), u32(0));
  const mdhd = box('mdhd', u32(0), u32(0), u32(0), u32(rate), u32(samples), u16(0x55c4), u16(0));
  const hdlr = box('hdlr', u32(0), u32(0), Buffer.from('soun', 'ascii'), Buffer.alloc(12), Buffer.from('SoundHandler\0', 'ascii'));
  const mp4a = box('mp4a', Buffer.alloc(6), u16(1), u16(0), u16(0), u32(0), u16(1), u16(16), u16(0), u16(0), u32(rate * 0x10000));
  const stbl = box('stbl', box('stsd', u32(0), u32(1), mp4a), box('stts', u32(0), u32(0)), box('stsc', u32(0), u32(0)), box('stsz', u32(0), u32(0), u32(0)), box('stco', u32(0), u32(0)));
  const minf = box('minf', box('smhd', u32(0), u16(0), u16(0)), stbl);
  const moov = box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
  return Buffer.concat([box('ftyp', Buffer.from('M4A ', 'ascii'), u32(0), Buffer.from('M4A isomiso2', 'ascii')), moov, box('mdat')]);
}

/**
 * The podcast fixture's episodes (tests/fixtures/podcast/input/episodes/): an Info frame states
 * the play time the articles give (65, 754 and 1805 s) over four frames of silence, each file
 * the size of the stub it replaced so the feeds' `length` did not move.
 */
export const PODCAST_EPISODES: Record<string, () => Buffer> = {
  'ep1.mp3': () => mp3({ frames: 4, infoFrames: mp3Frames(65), size: 1251 }),
  'ep2.mp3': () => mp3({ frames: 4, infoFrames: mp3Frames(754), size: 1668 }),
  'ep3.mp3': () => mp3({ frames: 4, infoFrames: mp3Frames(1805), size: 834 }),
};
