// Files that hosts, deploy scripts and SEO tools drop into a site by hand (robots.txt, a
// sitemap): when one is already in the output folder and the manifest does not say Syndic
// wrote it, it stays, and Syndic writes none of its own there. The user's file wins.
import { SyndicError } from '../errors.js';
import { MANIFEST } from '../paths.js';
import type { Output } from '../model.js';

/**
 * `outputs` without those whose path holds a file in the output folder that is not Syndic's
 * (`existing` but not `owned`), and a warning for each one left alone. `shownDir` is the
 * output folder as messages name it (`dist`).
 */
export function leftToUser(outputs: readonly Output[], existing: ReadonlySet<string>, owned: ReadonlySet<string>, shownDir: string): { outputs: Output[]; notices: SyndicError[] } {
  const theirs = (output: Output): boolean => existing.has(output.path) && !owned.has(output.path);
  return {
    outputs: outputs.filter((output) => !theirs(output)),
    notices: outputs.filter(theirs).map(
      (output) =>
        new SyndicError('EXISTS', `was not written by Syndic (${MANIFEST} does not list it), so it is left as it is and Syndic writes none of its own`, {
          file: `${shownDir}/${output.path}`,
          hint: `to keep it, move it to static/${output.path}; to get Syndic's, delete it from ${shownDir}/`,
        }),
    ),
  };
}
