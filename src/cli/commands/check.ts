// `syndic check`: every problem a build would stop on, without writing anything.
import { EXIT, type Command } from '../io.js';
import { SyndicError } from '../../errors.js';
import { OUTPUT_OPTIONS, parseCommand, PROJECT_OPTIONS, projectOptions, SITE_OPTIONS } from '../options.js';
import { colorsFor, modeOf, plural, printJson, printProblems, problemJson, seconds, statusOf, stopwatch } from '../report.js';

const HELP = `Usage
  $ syndic check [options]

Validates syndic.yaml and every article exactly as a build would, and lists
every problem at once. Writes nothing: no output folder, no cache.

Options
  --root DIR         Project folder (default: .)
  --articles DIR     Articles folder (default: ROOT/articles)
  --config FILE      Site settings (default: ROOT/syndic.yaml)
  --base-url URL     Check with this url instead of the settings'
  --timezone ZONE    Check with this timezone instead of the settings'
  --strict           Warnings (an empty body, a draft sharing a page) fail too
  -q, --quiet        No colour: problems on stderr, one summary line
  --json             Print a JSON summary on stdout instead, for scripts
  -h, --help         Show this help

Examples
  $ syndic check
  $ syndic check --json > check.json
  $ syndic check --strict

Exit status
  0 no problems (warnings allowed unless --strict)    1 invalid input    64 bad usage
`;

const OPTIONS = { ...PROJECT_OPTIONS, ...SITE_OPTIONS, ...OUTPUT_OPTIONS, strict: { type: 'boolean' } } as const;

export const command: Command = {
  name: 'check',
  summary: 'Validate syndic.yaml and every article without writing anything',
  async run(args, io) {
    const parsed = await parseCommand(args, OPTIONS, { name: 'check', help: HELP, positionals: { min: 0, max: 0, what: '' } }, io);
    if (typeof parsed === 'number') return parsed;
    const mode = modeOf(io, parsed.values);
    const elapsed = stopwatch(io);
    const { check } = await import('../../check.js');
    const { articles, problems: errors, warnings: notices } = await check(projectOptions(parsed.values));
    // --strict: a warning is a problem like any other.
    const problems = parsed.values.strict ? [...errors, ...notices] : errors;
    const warnings = parsed.values.strict ? [] : notices;
    const status = problems.length === 0 ? EXIT.ok : statusOf(new SyndicError('BUILD_FAILED', 'check', { problems }));
    if (mode === 'json') {
      printJson(io, { command: 'check', ok: problems.length === 0, status, articles, problems: problems.map(problemJson), warnings: warnings.map(problemJson), durationMs: elapsed() });
      return status;
    }
    printProblems(io, problems);
    printProblems(io, warnings, 'warning');
    const c = colorsFor(io, 'stdout');
    if (problems.length > 0) {
      io.stderr(`syndic: ${plural(problems.length, 'problem')} in ${plural(articles, 'article')} and the settings would stop a build\n`);
    } else {
      const time = mode === 'tty' ? ` in ${seconds(elapsed())}` : '';
      io.stdout(`${mode === 'tty' ? `${c.green('✔')} ` : ''}checked${time}: ${plural(articles, 'article')} and the settings, no problems\n`);
    }
    return status;
  },
};
