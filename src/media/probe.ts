// The media step's I/O: size, stamp and image dimensions of the local files that settings and
// frontmatter name. Like load, it only reads; what it found travels on as plain data.
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import mime from 'mime';
import pMap from 'p-map';
import { BoundedMap } from '../bounded-map.js';
import { colorModel } from './image-color.js';
import { LIMITS } from '../input/limits.js';
import type { FileStamp, MediaProbe } from '../model.js';

/** A probe, or why there is none ("does not exist"), by location relative to the project root. */
export type MediaProbes = ReadonlyMap<string, MediaProbe | string>;

// image-size finds the dimensions of every format it knows within the first 512 KiB.
const HEADER_BYTES = 512 * 1024;

export async function probeMedia(root: string, locations: Iterable<string>): Promise<MediaProbes> {
  const rootReal = await realpath(root);
  const unique = [...new Set(locations)].sort();
  const probed = await pMap(unique, async (location) => [location, await probe(rootReal, location)] as const, { concurrency: 16 });
  return new Map(probed);
}

async function probe(rootReal: string, location: string): Promise<MediaProbe | string> {
  const file = path.join(rootReal, ...location.split('/'));
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable (permission denied)' : `cannot be read (${code ?? String(error)})`;
  }
  // A symbolic link out of the project would publish whatever it points at.
  if (!real.startsWith(rootReal + path.sep)) return `links to ${real}, outside the project`;
  const info = await stat(real);
  if (!info.isFile()) return 'is not a file';
  // Found but not readable (permissions): reported here, so check sees it and a build fails before it writes.
  try {
    await (await open(real, 'r')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)' : `cannot be read (${code ?? String(error)})`;
  }
  const found: MediaProbe = { from: real, stamp: { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } };
  const type = mime.getType(location) ?? '';
  if (AUDIO_TYPES.has(type)) {
    const duration = await playTime(real, found.stamp);
    return duration === undefined ? found : { ...found, duration };
  }
  if (!type.startsWith('image/')) return found;
  return { ...found, ...(await dimensions(real, info.size)) };
}

async function dimensions(file: string, size: number): Promise<Pick<MediaProbe, 'width' | 'height' | 'format' | 'color'>> {
  const handle = await open(file, 'r');
  try {
    const bytes = new Uint8Array(Math.min(size, HEADER_BYTES));
    await handle.read(bytes, 0, bytes.length, 0);
    const { width, height, type } = imageSize(bytes);
    // A 0×0 image shows nothing anywhere: it counts as one whose size cannot be read.
    if (!width || !height) return {};
    const color = colorModel(bytes, type);
    return { width, height, ...(type === undefined ? {} : { format: type }), ...(color === undefined ? {} : { color }) };
  } catch {
    return {};
  } finally {
    await handle.close();
  }
}

// MP3 and M4A, the episode formats podcast apps all play; music-metadata reads their headers.
const AUDIO_TYPES = new Set(['audio/mpeg', 'audio/mp4']);
// By file and stamp, so `serve --watch` reads an episode's header again only once it changed.
const PLAY_TIMES = new BoundedMap<string, number | undefined>(10_000);

/** Seconds of play the header states, or undefined when it says nothing believable. */
async function playTime(file: string, stamp: FileStamp): Promise<number | undefined> {
  const key = `${file}\0${stamp.size}\0${stamp.mtimeMs}\0${stamp.ino}`;
  if (PLAY_TIMES.has(key)) return PLAY_TIMES.get(key);
  const { parseFile } = await import('music-metadata');
  // duration: false keeps to the headers (an MP3's Info/Xing frame, or its first frames' bitrate
  // and the file size; an M4A's mdhd box): a cron build never decodes a whole episode.
  const seconds = await parseFile(file, { duration: false, skipCovers: true }).then(
    (metadata) => metadata.format.duration,
    () => undefined,
  );
  // Under half a second rounds to 0 s: a stub, not an episode.
  const believable = seconds !== undefined && Number.isFinite(seconds) && seconds >= 0.5 && seconds <= LIMITS.durationSeconds ? seconds : undefined;
  PLAY_TIMES.set(key, believable);
  return believable;
}
