// What the build cache is valid for. Anything that can change an output's bytes without
// changing a source must be in it: Syndic's version, its dependencies' installed versions
// (a new marked renders differently), the ICU and Unicode data Intl formats dates with, the
// project's paths and the command line's overrides. Any change empties the cache.
// Apart from cache.ts, which loads zod: a quiet cron tick needs the key and no cache.
import { hashText } from '../hash.js';
import type { ProjectPaths } from '../paths.js';
import { dependencyVersions, version } from '../version.js';

// Changes when what the cache holds does (3: document fingerprints for every output).
const FORMAT = 3;

export interface Environment {
  syndic: string;
  dependencies: Record<string, string>;
  icu: string | undefined;
  unicode: string | undefined;
}

export function runtimeEnvironment(): Environment {
  return { syndic: version(), dependencies: dependencyVersions(), icu: process.versions.icu, unicode: process.versions.unicode };
}

export function buildKey(paths: Pick<ProjectPaths, 'root' | 'articlesDir' | 'settingsFile' | 'outDir'>, overrides: object, environment: Environment = runtimeEnvironment()): string {
  const { root, articlesDir, settingsFile, outDir } = paths;
  return hashText(JSON.stringify([FORMAT, JSON.stringify(environment), JSON.stringify({ root, articlesDir, settingsFile }), { outDir, ...overrides }]));
}
