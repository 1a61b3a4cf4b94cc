// The flags every command that builds accepts (build, serve), and their meaning as BuildOptions.
import type { ParseArgsConfig } from 'node:util';
import type { BuildOptions } from '../build.js';

export const BUILD_FLAGS = {
  root: { type: 'string' },
  articles: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  'base-url': { type: 'string' },
  timezone: { type: 'string' },
  now: { type: 'string' },
  'keep-going': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export type BuildFlagValues = { [K in keyof typeof BUILD_FLAGS]?: (typeof BUILD_FLAGS)[K]['type'] extends 'string' ? string : boolean };

/** The build options the flags ask for, or the usage message that says which flag is wrong. */
export function buildOptions(values: BuildFlagValues): { ok: true; options: BuildOptions } | { ok: false; message: string } {
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.now) || Number.isNaN(now.getTime())) {
      return { ok: false, message: `--now "${values.now}" is not an RFC 3339 date-time; use e.g. 2024-11-21T12:00:00+01:00` };
    }
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    return { ok: false, message: `--jobs "${values.jobs ?? ''}" is not a whole number of 1 or more` };
  }
  return {
    ok: true,
    options: {
      ...(values.root === undefined ? {} : { root: values.root }),
      ...(values.articles === undefined ? {} : { articlesDir: values.articles }),
      ...(values.out === undefined ? {} : { outDir: values.out }),
      ...(values.config === undefined ? {} : { settingsFile: values.config }),
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      ...(values.timezone === undefined ? {} : { timezone: values.timezone }),
      ...(now === undefined ? {} : { now }),
      ...(values['keep-going'] ? { keepGoing: true } : {}),
      ...(values['no-cache'] ? { cache: false } : {}),
      ...(jobs === undefined ? {} : { jobs }),
    },
  };
}
