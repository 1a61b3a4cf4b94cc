/** Machine-readable reasons a build can stop. Each maps to a documented exit status in the README. */
export type SyndicErrorCode =
  | 'INVALID_ARTICLE' // an article's frontmatter or body is unusable
  | 'INVALID_SETTINGS' // syndic.yaml or a CLI override is unusable
  | 'DUPLICATE' // two articles claim the same id or slug
  | 'UNREADABLE' // a file could not be read (missing, not UTF-8, outside the tree)
  | 'USAGE' // the command line itself is wrong
  | 'BUILD_FAILED' // wraps every problem of one run
  | 'LOCKED' // another build holds the output lock
  | 'UNSAFE_OUTPUT' // the output folder overlaps the project, is a file or a link, or a staging name is taken
  | 'WRITE_FAILED' // the disk refused a write (full, read-only, permissions); the output folder is as it was
  | 'EXISTS' // `new` or `import` would overwrite an existing article
  | 'TOO_LARGE' // an output would exceed what one JavaScript string can hold
  | 'INVALID_PUBLISHED' // syndic.published.json, the memory of published ids, is unusable
  | 'MASS_DELETION'; // a build would tombstone more published articles at once than it may without --confirm-deletions

export interface SyndicErrorDetails {
  /** Path as the user would type it, relative to the project root where possible. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  column?: number;
  /** The frontmatter or settings field at fault, e.g. `date` or `author.email`. */
  field?: string;
  /** What to do about it. */
  hint?: string;
  /** Every problem of the run, for a `BUILD_FAILED` error. */
  problems?: readonly SyndicError[];
}

/**
 * The one error type Syndic throws for expected failures. The CLI prints these
 * without a stack; anything else is a bug and keeps its stack.
 */
export class SyndicError extends Error {
  override readonly name = 'SyndicError';
  readonly code: SyndicErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string | undefined;
  readonly hint: string | undefined;
  readonly problems: readonly SyndicError[];

  constructor(code: SyndicErrorCode, message: string, details: SyndicErrorDetails = {}) {
    super(message);
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.field = details.field;
    this.hint = details.hint;
    this.problems = details.problems ?? [];
  }

  /** `file:line:column: field: message (hint)`, the shape editors and CI annotators understand. */
  format(): string {
    const head = [where(this), this.field === undefined ? undefined : printable(this.field)].filter(Boolean).join(': ');
    const text = head ? `${head}: ${printable(this.message)}` : printable(this.message);
    return this.hint ? `${text}\n  hint: ${printable(this.hint)}` : text;
  }
}

/** `file:line:column` of a problem, with a file name that could pass for something else quoted. */
export function where(problem: Pick<SyndicError, 'file' | 'line' | 'column'>): string {
  return [problem.file === undefined ? undefined : shownPath(problem.file), problem.line, problem.column].filter((part) => part !== undefined).join(':');
}

// A newline in a file name could print a line of its own, `other.md:1: …`, that editors and CI
// would take for a problem: such names are written as JSON strings, which show every character.
const MISLEADING = /[\p{C}\u2028\u2029"]|^\s|\s$|:\d/u;

/** A path as shown in a report: as it is, or JSON-quoted when it holds control characters. */
export function shownPath(file: string): string {
  return MISLEADING.test(file) ? JSON.stringify(file) : file;
}

/** Control characters shown as escapes, so no message or hint can start a line of its own. */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => (char === '\u2028' ? '\\u2028' : char === '\u2029' ? '\\u2029' : JSON.stringify(char).slice(1, -1)));
}

const SHOWN = 60;

/**
 * At most SHOWN characters of `text`, quoted, with invisible characters as escapes (a title of
 * zero-width spaces shows as "\u200b"): values named in messages never run to megabytes.
 */
export function quote(text: string): string {
  const chars = [...text.slice(0, SHOWN * 2)];
  const shown = JSON.stringify(chars.length > SHOWN ? `${chars.slice(0, SHOWN).join('')}…` : text);
  return shown.replace(/[\p{C}\p{Z}\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/gu, (char) =>
    char === ' ' ? char : `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** What a value is, in a few words: `the text "…"`, `a list of 3 items`, `an empty value`. Bounded in size. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  // A URL's user name and password stay out of logs.
  if (typeof value === 'string') return value === '' ? 'an empty text' : `the text ${quote(value.replace(/\/\/[^/@\s]*@/, '//…@'))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty map';
    const named = keys.slice(0, 5).map(quote).join(', ');
    return `a map with the ${keys.length === 1 ? 'field' : 'fields'} ${named}${keys.length > 5 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}

/** Throws one `BUILD_FAILED` error carrying every problem, so a user fixes them all in one pass. */
export function failWith(problems: readonly SyndicError[]): never {
  const noun = problems.length === 1 ? 'problem stops' : 'problems stop';
  throw new SyndicError('BUILD_FAILED', `${problems.length} ${noun} the build`, { problems });
}

/** A SyndicError as plain data, so it can cross a process boundary. */
export interface ProblemData {
  code: SyndicErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  hint?: string;
}

export function toData(error: SyndicError): ProblemData {
  const data: ProblemData = { code: error.code, message: error.message };
  for (const key of ['file', 'line', 'column', 'field', 'hint'] as const) {
    const value = error[key];
    if (value !== undefined) Object.assign(data, { [key]: value });
  }
  return data;
}

export function fromData({ code, message, ...details }: ProblemData): SyndicError {
  return new SyndicError(code, message, details);
}
