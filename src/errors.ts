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
  | 'TOO_LARGE'; // an output would exceed what one JavaScript string can hold

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
    const where = [this.file, this.line, this.column].filter((part) => part !== undefined).join(':');
    const head = [where, this.field].filter(Boolean).join(': ');
    const text = head ? `${head}: ${this.message}` : this.message;
    return this.hint ? `${text}\n  hint: ${this.hint}` : text;
  }
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
