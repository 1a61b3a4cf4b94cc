// YAML with positions: every problem can name the line of the field it is about.
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { describe, SyndicError, type SyndicErrorCode } from '../errors.js';
import { LIMITS } from './limits.js';

export interface YamlSource {
  /** The plain JS value; undefined when the YAML itself is broken. */
  data: unknown;
  problems: SyndicError[];
  /** 1-based line of the field at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses YAML with the 1.2 core schema, so `2024-11-21` stays a string and is read in
 * the site's time zone rather than silently as UTC midnight (js-yaml's default schema).
 * `firstLine` is the file line on which `text` starts.
 *
 * js-yaml reads well-formed frontmatter 10x faster than `yaml` (0.07 s against 0.7 s for
 * 10,000 articles), but only `yaml` keeps the positions that errors need. So js-yaml reads,
 * and `yaml` parses again only when a line number below the top level is asked for.
 *
 * Bounded (LIMITS): nesting, aliases, and what the aliases expand to, so a billion laughs
 * or 50,000 "[" is one clear problem in milliseconds.
 */
export function readYaml(text: string, file: string, firstLine: number, code: SyndicErrorCode): YamlSource {
  let positioned: { doc: Document; lineCounter: LineCounter } | undefined;
  const withPositions = (): { doc: Document; lineCounter: LineCounter } => {
    if (!positioned) {
      const lineCounter = new LineCounter();
      // logLevel 'error': a map used as a key would print the library's own warning on stderr.
      positioned = { lineCounter, doc: parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, logLevel: 'error' }) };
    }
    return positioned;
  };
  const lineOf = (path: readonly PropertyKey[]): number => {
    const top = path.length === 1 ? topLevelLine(text, String(path[0])) : undefined;
    if (top !== undefined) return top + firstLine - 1;
    const { doc, lineCounter } = withPositions();
    return lineOfPath(doc, path, (offset) => lineCounter.linePos(offset).line + firstLine - 1) ?? firstLine;
  };
  const problem = (message: string, hint: string, line = 1, column?: number): YamlSource => ({
    data: undefined,
    problems: [new SyndicError(code, message, { file, line: line + firstLine - 1, ...(column === undefined ? {} : { column }), hint })],
    lineOf: () => firstLine,
  });
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA, maxDepth: LIMITS.yamlDepth, maxAliases: LIMITS.yamlAliases }) ?? {};
  } catch (error) {
    const reason = error instanceof YAMLException ? error.reason : '';
    // `yaml` accepts some YAML js-yaml refuses (tabs between tokens), so it gets a second look,
    // but never at deep nesting: on 50,000 unclosed "[" it ran out of memory in a V8 RegExp
    // allocation, which no catch can stop.
    const second = /maxDepth|maxAliases/.test(reason) || flowDepth(text) > LIMITS.yamlDepth ? undefined : secondLook(text, withPositions);
    if (second === undefined || second.problem) {
      const { message, hint } = second?.problem ?? yamlProblem(reason);
      const mark = error instanceof YAMLException ? error.mark : undefined;
      const line = second?.problem?.line ?? (mark ? mark.line + 1 : lineOfSecondDocument(text));
      const column = second?.problem ? second.problem.column : mark ? mark.column + 1 : undefined;
      return problem(message, hint, line, column);
    }
    data = second.data;
  }
  const size = measure(data);
  if (size !== 'ok') {
    // The parser bounds nesting as written, so past it only aliases can take a value: point at the first.
    const alias = /(?:^|[\s[{,:])\*[^\s,[\]{}]/m.exec(text);
    const line = alias ? text.slice(0, alias.index + 1).split('\n').length : 1;
    const hint = 'repeat the values themselves instead of referring to them with aliases';
    if (size === 'deep') return problem(`nests lists and maps more than ${LIMITS.yamlDepth} levels deep once its aliases (*name) are followed`, hint, line);
    return problem(`expands to more than ${LIMITS.yamlValues.toLocaleString('en-US')} values once its aliases (*name) are followed`, hint, line);
  }
  return { data, problems: [], lineOf };
}

/**
 * Follows every alias as zod and the hints would, stopping at the first value past the limit:
 * js-yaml shares aliased values, so a billion laughs costs nothing until something walks it.
 */
function measure(data: unknown): 'ok' | 'deep' | 'large' {
  const stack: Array<[unknown, number]> = [[data, 0]];
  let count = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (++count > LIMITS.yamlValues) return 'large';
    if (depth > LIMITS.yamlDepth) return 'deep';
    if (typeof value === 'object' && value !== null) {
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return 'ok';
}

/** The deepest nesting of [ and { in `text`, quotes aside: an upper bound of its flow nesting. */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|#.*$/gm, '')) {
    if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth = Math.max(depth - 1, 0);
  }
  return deepest;
}

interface SecondLook {
  data?: unknown;
  problem?: { message: string; hint: string; line: number; column?: number };
}

/** What `yaml` makes of a text js-yaml refused: the value, or its first error said for people. */
function secondLook(text: string, withPositions: () => { doc: Document; lineCounter: LineCounter }): SecondLook {
  const { doc, lineCounter } = withPositions();
  const [first] = doc.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    // The parser notices an unclosed quote where the text ends; the writer needs where it opened.
    const quote = first.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(first.message)?.[1] : undefined;
    if (quote) {
      const at = openingQuote(text, line - 1, quote) ?? { line: line - 1, column: col };
      const hint = quote === '"' ? 'add the closing " at the end of the value, or write \\" for a quote inside it' : "add the closing ' at the end of the value, or write '' for a quote inside it";
      return { problem: { message: `invalid YAML: this line opens a value with ${quote} that is never closed`, hint, line: at.line + 1, column: at.column } };
    }
    return { problem: { ...yamlProblem(YAML_CODES[first.code] ?? ''), line, column: col } };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: LIMITS.yamlAliases }) ?? {} };
  } catch {
    return { problem: { ...yamlProblem('maxAliases'), line: 1 } };
  }
}

// `yaml`'s error codes, in the words of js-yaml's reasons that yamlProblem() knows.
const YAML_CODES: Partial<Record<string, string>> = {
  BAD_INDENT: 'indentation',
  MISSING_CHAR: 'within a flow collection',
  MULTIPLE_DOCS: 'single document',
  DUPLICATE_KEY: 'duplicated mapping key',
  TAB_AS_INDENT: 'tab characters',
  BAD_DQ_ESCAPE: 'escape sequence',
  BAD_ALIAS: 'unidentified alias',
  TAG_RESOLVE_FAILED: 'tag',
  BAD_DIRECTIVE: 'directive',
  MULTILINE_IMPLICIT_KEY: 'multiline key',
  KEY_OVER_1024_CHARS: 'implicit key',
  RESOURCE_EXHAUSTION: 'maxAliases',
};

/** js-yaml's reason, said for people: what is wrong and what to type instead. */
function yamlProblem(reason: string): { message: string; hint: string } {
  const quoting = 'quote values that contain ": " or start with a special character such as [, {, *, & or !';
  const known: Array<[RegExp, string, string]> = [
    [/maxDepth/, `nests lists and maps more than ${LIMITS.yamlDepth} levels deep`, 'frontmatter and settings need three levels at most; flatten the structure'],
    [/maxAliases/, `uses more than ${LIMITS.yamlAliases} aliases (*name)`, 'repeat the values themselves instead of referring to them with aliases'],
    [/single document/, 'holds more than one YAML document (a second "---" line)', 'keep one block of fields; in an article, the Markdown goes after the closing "---"'],
    [/duplicated mapping key/, 'names the same field twice', 'keep one of the two lines'],
    [/tab characters/, 'indents with a tab', 'indent with spaces only'],
    [/indentation/, 'is not indented as the lines around it', 'indent the fields of one level by the same number of spaces'],
    [/within a flow collection|missed comma/, 'has a list [ … ] or a map { … } that is not closed properly', 'close it with ] or }, separate its items with commas, and ' + quoting],
    [/quoted scalar/, 'opens a quote that is never closed', 'end the value with the same quote it starts with'],
    [/escape sequence|hexadecimal/, 'has a backslash escape YAML does not know inside double quotes', 'write \\\\ for a backslash, or use single quotes'],
    [/unidentified alias/, 'refers to an alias (*name) that no anchor (&name) defines', quoting],
    [/tag|directive/, 'uses a YAML tag (!name) or directive (%NAME) that Syndic does not read', quoting],
    [/non-printable|null byte/, 'contains a control character that YAML does not allow', 'remove it, or write it as an escape such as \\t inside double quotes'],
    [/multiline key|implicit key/, 'has a field name that runs over several lines', quoting],
  ];
  const found = known.find(([pattern]) => pattern.test(reason));
  return found ? { message: `invalid YAML: this line ${found[1]}`, hint: found[2] } : { message: 'invalid YAML: this line cannot be read', hint: `check the indentation, and ${quoting}` };
}

function lineOfSecondDocument(text: string): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, k) => k > 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(line));
  return index < 0 ? 1 : index + 1;
}

/**
 * The 1-based line of a top-level key written at the start of a line, when it is there exactly
 * once; otherwise undefined, and `yaml` finds it. Asking every article for the lines of `tags`
 * and `author` through `yaml` cost 1.9 s of a 20 s cold build of 10,000 articles.
 */
function topLevelLine(text: string, key: string): number | undefined {
  const pattern = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \t]*:`, 'gm');
  const first = pattern.exec(text);
  if (!first || pattern.exec(text)) return undefined;
  return text.slice(0, first.index).split('\n').length;
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], toFileLine: (offset: number) => number): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const keys = path.slice(0, depth);
    const parent = keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
    if (isMap(parent)) {
      const name = String(keys.at(-1));
      // A name no scalar key has is a map or list used as a key, which the data names by its
      // text: the map's first such key is the closest line there is.
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === name) ?? parent.items.find((item) => isNode(item.key) && !isScalar(item.key));
      const range = pair && isNode(pair.key) ? pair.key.range : undefined;
      if (range) return toFileLine(range[0]);
    }
    const node = doc.getIn(keys, true);
    if (isNode(node) && node.range) return toFileLine(node.range[0]);
  }
  return undefined;
}

/** At most this many schema problems per file: 1,000 bad tags are one fix, not 1,000 lines. */
const MAX_PROBLEMS = 20;

/** Turns schema violations into one error per field, each with its line and what was received. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  file: string,
  code: SyndicErrorCode,
  allowed: readonly string[],
): SyndicError[] {
  const problems = issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) =>
          new SyndicError(code, 'is not a known field', {
            file,
            line: source.lineOf([...issue.path, key]),
            field: [...issue.path, key].join('.'),
            hint: `known fields: ${allowed.join(', ')}`,
          }),
      );
    }
    const field = issue.path.map(String).join('.');
    const received = 'input' in issue ? issue.input : undefined;
    const details = { file, line: source.lineOf(issue.path), ...(field ? { field } : {}) };
    if (received === null) {
      return [new SyndicError(code, 'has no value', { ...details, hint: `write a value after \`${String(issue.path.at(-1) ?? field)}:\`, or remove the line` })];
    }
    return [
      new SyndicError(code, received === undefined && !issue.message.startsWith('is required') ? 'is required' : sentence(issue), {
        ...details,
        ...(received === undefined ? {} : { hint: `received ${describe(received)}` }),
      }),
    ];
  });
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS + 1;
  return [...problems.slice(0, MAX_PROBLEMS - 1), new SyndicError(code, `and ${rest} more problems in this file`, { file, line: problems[MAX_PROBLEMS - 1]?.line ?? 1, hint: 'fix the ones above and run again' })];
}

/** zod's own wording ("Invalid input: expected string, received array") said for people. */
function sentence(issue: z.core.$ZodIssue): string {
  if (!/^(?:Invalid|Too (?:big|small))/.test(issue.message)) return issue.message;
  const nouns: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a map of fields' };
  if (issue.code === 'invalid_type') return `must be ${nouns[issue.expected] ?? issue.expected}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return 'is not in a form Syndic reads';
}

/** Where the quote that is never closed was opened: the last line before `from` with an odd number of them. */
function openingQuote(text: string, from: number, quote: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let index = Math.min(from, lines.length - 1); index >= 0; index--) {
    const value = (lines[index] ?? '').replace(quote === '"' ? /\\./g : /''/g, '  ');
    const count = value.split(quote).length - 1;
    if (count % 2 === 1) return { line: index, column: value.lastIndexOf(quote) + 1 };
  }
  return undefined;
}
