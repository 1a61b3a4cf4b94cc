// How commands speak: colour only on a terminal, plain lines for logs, JSON for machines.
import pc from 'picocolors';
import { EXIT, type Io } from './io.js';
import type { ProblemData } from '../errors.js';
import { SyndicError, where } from '../errors.js';
import type { BuildOptions, BuildResult } from '../build.js';

export type Colors = ReturnType<typeof pc.createColors>;

export type Mode = 'tty' | 'plain' | 'json';

/** JSON when asked; the terminal treatment only for a person at a terminal who did not ask for quiet. */
export function modeOf(io: Io, flags: { json?: boolean | undefined; quiet?: boolean | undefined }): Mode {
  if (flags.json) return 'json';
  return !flags.quiet && io.isTTY?.stderr === true ? 'tty' : 'plain';
}

/** Colours for one stream: on for a terminal unless NO_COLOR is set (non-empty), or forced by FORCE_COLOR. */
export function colorsFor(io: Io, stream: 'stdout' | 'stderr'): Colors {
  const env = io.env ?? {};
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const refused = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return pc.createColors(!refused && (forced || io.isTTY?.[stream] === true));
}

/** Every key always present (null when unknown), so scripts can rely on the shape. */
export interface ProblemJson {
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  field: string | null;
  message: string;
  hint: string | null;
}

export function problemJson(problem: SyndicError | ProblemData): ProblemJson {
  return {
    code: problem.code,
    file: problem.file ?? null,
    line: problem.line ?? null,
    column: problem.column ?? null,
    field: problem.field ?? null,
    message: problem.message,
    hint: problem.hint ?? null,
  };
}

/** The problems an error stands for: those of a BUILD_FAILED, or the error itself. */
export function problemsOf(error: SyndicError): readonly SyndicError[] {
  return error.problems.length > 0 ? error.problems : [error];
}

/**
 * `file:line: field: message` then `  hint: …`, as SyndicError.format() writes it; on a
 * terminal the place is bold and the hint dim, so a long list stays scannable.
 */
export function formatProblem(problem: SyndicError, colors: Colors, label = ''): string {
  const plain = problem.format();
  const prefix = label ? `${label === 'warning' ? colors.yellow(`${label}:`) : colors.red(`${label}:`)} ` : '';
  if (!colors.isColorSupported) return `${label ? `${label}: ` : ''}${plain}`;
  const [head = '', ...rest] = plain.split('\n');
  const place = where(problem);
  const styledHead = place && head.startsWith(place) ? colors.bold(place) + head.slice(place.length) : head;
  return [prefix + styledHead, ...rest.map((line) => colors.dim(line))].join('\n');
}

/** Writes every problem to stderr, one after the other, as the build always has. */
export function printProblems(io: Io, problems: readonly SyndicError[], label = ''): void {
  const colors = colorsFor(io, 'stderr');
  for (const problem of problems) io.stderr(`${formatProblem(problem, colors, label)}\n`);
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** "0.42 s" or "12 s": enough precision to notice a slow build, no more. */
export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms / 1000)} s`;
}

/** A stopwatch on the io's clock. */
export function stopwatch(io: Io): () => number {
  const clock = io.clock ?? (() => performance.now());
  const start = clock();
  return () => Math.round(clock() - start);
}

/** The documented exit status of an expected failure. */
export function statusOf(error: SyndicError): number {
  if (error.code === 'LOCKED') return EXIT.locked;
  return problemsOf(error).every((problem) => problem.code === 'USAGE') ? EXIT.usage : EXIT.invalidInput;
}

/** What a preview build shows that the real site does not ("drafts", …), or undefined for a real build. */
export function previewOf(options: Pick<BuildOptions, 'drafts' | 'future'>): string | undefined {
  if (options.drafts && options.future) return 'drafts and scheduled articles';
  if (options.drafts) return 'drafts';
  return options.future ? 'scheduled articles' : undefined;
}

/** The one line a build prints in a log or with --quiet (and after each rebuild under --watch). */
export function plainSummary(result: Pick<BuildResult, 'published' | 'articles' | 'changed'>, preview?: string): string {
  const counts = `${result.published} of ${plural(result.articles, 'article')} published`;
  const label = preview === undefined ? '' : ` (preview with ${preview})`;
  return result.changed.length === 0 ? `nothing changed${label} (${counts})\n` : `built${label}: ${counts}, ${plural(result.changed.length, 'file')} changed\n`;
}
