// The build command's one write outside the output folder: the podcast:guid a first podcast
// build published goes into syndic.yaml (src/authoring/podcast-guid.ts says why), once.
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions } from '../build.js';
import { projectPaths } from '../paths.js';

/**
 * After a real build (no --drafts, --future or --now: a preview or a rehearsal must not fix the
 * show's identity), the note that tells what was written, or what to add by hand; else nothing.
 */
export async function storePodcastGuid(options: BuildOptions): Promise<string | undefined> {
  if (options.drafts === true || options.future === true || options.now !== undefined) return undefined;
  const { root, settingsFile } = projectPaths(options);
  const text = await readFile(settingsFile, 'utf8').catch(() => undefined);
  // Most builds stop here: a site that is no podcast, or one whose guid is already written. The
  // word first: a settings file without it cannot hold a podcast, and the YAML parser stays unloaded.
  if (text === undefined || !text.includes('podcast')) return undefined;
  const { lacksPodcastGuid, withPodcastGuid } = await import('../authoring/podcast-guid.js');
  if (!lacksPodcastGuid(text)) return undefined;
  const [{ checkSettings }, { loadLanguageRegistry }, { podcastGuid }, { feedUrls }] = await Promise.all([import('../parse.js'), import('../input/language.js'), import('../emit/podcast.js'), import('../addresses/urls.js')]);
  await loadLanguageRegistry();
  const shown = path.relative(root, settingsFile) || settingsFile;
  const settings = checkSettings({ path: shown, stem: path.basename(settingsFile, path.extname(settingsFile)), text }, options);
  if (!settings.ok || !settings.value.podcast || settings.value.podcast.guid !== undefined) return undefined;
  // The guid the site's rss.xml just carried: a UUIDv5 of its address (emit/podcast.ts).
  const guid = podcastGuid(feedUrls('', settings.value).rss);
  const edited = withPodcastGuid(text, guid);
  if (!edited) return `${shown}: podcast.guid: add \`guid: ${guid}\` under podcast:, the identity this feed now carries, so that it stays when the feed moves`;
  // Written beside and renamed over, so a crash never leaves half a settings file.
  const temporary = `${settingsFile}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, edited.text, { mode: (await stat(settingsFile)).mode & 0o777, flag: 'wx' });
    await rename(temporary, settingsFile);
  } catch (error) {
    await rm(temporary, { force: true });
    return `${shown}: podcast.guid: could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); add \`guid: ${guid}\` under podcast: by hand, the identity this feed now carries`;
  }
  return `${shown}:${edited.line}: podcast.guid: written, ${guid}, the show's identity from now on: it stays when the feed moves (https://podcasting2.org/docs/podcast-namespace/tags/guid)`;
}
