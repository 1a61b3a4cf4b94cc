import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/cli.js';
import { colorsFor, formatProblem, modeOf, problemJson, seconds, statusOf } from '../../src/cli/report.js';
import { SyndicError } from '../../src/errors.js';

const silent = { stdout: () => undefined, stderr: () => undefined };
const tty = (env: Record<string, string> = {}): Io => ({ ...silent, isTTY: { stdout: true, stderr: true }, env });
const problem = new SyndicError('INVALID_ARTICLE', '"32/13/2024" is not a date', { file: 'articles/foo.md', line: 3, field: 'date', hint: 'use YYYY-MM-DD' });

describe('colorsFor', () => {
  it('colours a terminal unless NO_COLOR is set, and a pipe only when FORCE_COLOR is', () => {
    expect(colorsFor(tty(), 'stdout').isColorSupported).toBe(true);
    expect(colorsFor(tty({ NO_COLOR: '1' }), 'stdout').isColorSupported).toBe(false);
    expect(colorsFor(tty({ NO_COLOR: '' }), 'stdout').isColorSupported).toBe(true);
    expect(colorsFor(silent, 'stderr').isColorSupported).toBe(false);
    expect(colorsFor({ ...silent, env: { FORCE_COLOR: '1' } }, 'stderr').isColorSupported).toBe(true);
    expect(colorsFor({ ...silent, env: { FORCE_COLOR: '0' } }, 'stderr').isColorSupported).toBe(false);
  });
});

describe('modeOf', () => {
  it('is json when asked, tty for a person, plain for pipes and --quiet', () => {
    expect(modeOf(tty(), { json: true })).toBe('json');
    expect(modeOf(tty(), {})).toBe('tty');
    expect(modeOf(tty(), { quiet: true })).toBe('plain');
    expect(modeOf(silent, {})).toBe('plain');
  });
});

describe('formatProblem', () => {
  it('is SyndicError.format() without colour: place, field, message, then what to do', () => {
    expect(formatProblem(problem, colorsFor(silent, 'stderr'))).toBe('articles/foo.md:3: date: "32/13/2024" is not a date\n  hint: use YYYY-MM-DD');
    expect(formatProblem(problem, colorsFor(silent, 'stderr'), 'warning')).toBe('warning: articles/foo.md:3: date: "32/13/2024" is not a date\n  hint: use YYYY-MM-DD');
  });

  it('keeps the same words in colour', () => {
    const coloured = formatProblem(problem, colorsFor(tty(), 'stderr'), 'warning');
    expect(coloured).toContain('\u001b[1marticles/foo.md:3\u001b[22m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatProblem(problem, colorsFor(silent, 'stderr'), 'warning'));
  });
});

describe('problemJson', () => {
  it('always has the same keys', () => {
    expect(problemJson(new SyndicError('LOCKED', 'busy'))).toEqual({ code: 'LOCKED', file: null, line: null, column: null, field: null, message: 'busy', hint: null });
    expect(Object.keys(problemJson(problem))).toEqual(['code', 'file', 'line', 'column', 'field', 'message', 'hint']);
  });
});

describe('statusOf and seconds', () => {
  it('maps errors to documented exit statuses', () => {
    expect(statusOf(new SyndicError('LOCKED', 'busy'))).toBe(75);
    expect(statusOf(new SyndicError('BUILD_FAILED', 'x', { problems: [new SyndicError('USAGE', 'bad flag')] }))).toBe(64);
    expect(statusOf(new SyndicError('BUILD_FAILED', 'x', { problems: [problem, new SyndicError('USAGE', 'bad flag')] }))).toBe(1);
  });

  it('writes durations for people', () => {
    expect([seconds(420), seconds(9_994), seconds(12_400)]).toEqual(['0.42 s', '9.99 s', '12 s']);
  });
});
