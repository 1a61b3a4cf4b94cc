// Validator and parser output turned into sentences a person can act on: what the field must
// be, and what to type. Issues it has no sentence for go to yaml-source's schemaProblems().
import didYouMean from 'didyoumean2';
import type { z } from 'zod';
import { SyndicError, toData, type SyndicErrorCode } from '../errors.js';
import { schemaProblems, type YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** One problem per schema issue, with a sentence and a hint where one is known. */
export function issueProblems(
  issues: readonly Issue[],
  source: YamlSource,
  file: string,
  code: SyndicErrorCode,
  allowed: readonly string[],
  schema: z.ZodType,
): SyndicError[] {
  const bounds = boundsIn(schema);
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      // A nested object's keys are checked against that object's own fields.
      const known = issue.path.length === 0 ? allowed : fieldsAt(schema, issue.path);
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const guess = closest(key, known);
        const foreign = issue.path.length === 0 && code === 'INVALID_ARTICLE' ? FOREIGN[key] : undefined;
        return new SyndicError(code, 'is not a known field', {
          file,
          line: source.lineOf(path),
          field: path.join('.'),
          hint: foreign
            ? `a Jekyll, Hugo or Eleventy field: ${foreign}; syndic import --from jekyll|hugo|eleventy DIR converts a whole folder`
            : guess ? `did you mean ${[...issue.path, guess].join('.')}?` : known.length > 0 ? `known fields: ${known.join(', ')}` : 'remove it, or check its spelling in the README',
        });
      });
    }
    const sentence = sentenceOf(issue, bounds);
    if (!sentence) return schemaProblems([issue], source, file, code, allowed);
    const field = issue.path.map(String).join('.');
    return [new SyndicError(code, sentence.message, { file, line: source.lineOf(issue.path), ...(field ? { field } : {}), ...(sentence.hint ? { hint: sentence.hint } : {}) })];
  });
}

// Other generators' frontmatter, met in files copied over by hand.
const FOREIGN: Readonly<Record<string, string>> = {
  categories: 'add them to tags',
  category: 'add it to tags',
  description: 'write summary: instead',
  excerpt: 'write summary: instead',
  layout: 'remove it (Syndic has one layout)',
  permalink: 'keep the old address as id:, and set the page address with permalink in syndic.yaml',
  lastmod: 'write updated: instead',
  last_modified_at: 'write updated: instead',
  published: 'write draft: true instead of published: false',
};

function sentenceOf(issue: Issue, bounds: (path: readonly PropertyKey[]) => { min?: number; max?: number }): { message: string; hint?: string } | undefined {
  const key = String(issue.path.at(-1) ?? '');
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'custom' && typeof issue.params?.hint === 'string') return { message: issue.message, hint: issue.params.hint };
  // A message the schema wrote itself ("must be true or false") already speaks; zod's own do not.
  if (!/^(Invalid input|Too small|Too big|Invalid option)/.test(issue.message)) return undefined;
  if (issue.code === 'invalid_type' && input !== undefined && input !== null) {
    if (issue.expected === 'array') {
      // "Russie, Ukraine" was meant as two tags: show the list that says so.
      const items = typeof input === 'string' ? input.split(',').map((item) => item.trim()).filter(Boolean) : [input];
      return { message: `must be a list: ${key}: [${items.map(String).join(', ')}]`, hint: `write the items in brackets, separated by commas, or one per line after "${key}:" as "- item"` };
    }
    if (issue.expected === 'boolean') return { message: 'is true or false', hint: `write ${key}: true or ${key}: false (received ${JSON.stringify(input)})` };
    if (issue.expected === 'number') return { message: 'must be a number', hint: `write it without quotes, e.g. ${key}: 20 (received ${JSON.stringify(input)})` };
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const { min, max } = bounds(issue.path);
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of ${min} or more` : `of ${max ?? ''} or less`;
    return { message: `must be a whole number ${range}`, hint: `received ${JSON.stringify(input)}` };
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    const guess = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
    return { message: `must be one of ${issue.values.map(String).join(', ')}`, hint: guess ? `did you mean ${guess}?` : `received ${JSON.stringify(input)}` };
  }
  return undefined;
}

/** The closest known word to a misspelt one ("titel" → "title"), or undefined when none is close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  return didYouMean(input, candidates, { threshold: 0.6 }) ?? undefined;
}

let zones: { names: string[]; cities: Map<string, string> } | undefined;

/**
 * The IANA zone someone meant: the city part first ("Paris" → "Europe/Paris", "new york" →
 * "America/New_York"), then the closest city, then the closest full name ("Europe/Pris").
 */
export function suggestTimeZone(input: string): string | undefined {
  zones ??= zoneNames();
  const city = input.trim().toLowerCase().replaceAll(' ', '_');
  const exact = zones.cities.get(city);
  if (exact) return exact;
  if (!input.includes('/')) {
    const near = closest(city, [...zones.cities.keys()]);
    if (near) return zones.cities.get(near);
  }
  return closest(input, zones.names);
}

function zoneNames(): { names: string[]; cities: Map<string, string> } {
  const names = Intl.supportedValuesOf('timeZone');
  const cities = new Map<string, string>();
  for (const name of names) {
    const city = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
    if (!cities.has(city)) cities.set(city, name);
  }
  return { names, cities };
}

/**
 * readYaml's problems as they are shown: yaml-source.ts already put the parser's error into a
 * sentence ("this line opens a value with \" that is never closed"), and the position is in
 * file:line:column, so only the "invalid YAML: " prefix goes.
 */
export function yamlSentences(problems: readonly SyndicError[]): SyndicError[] {
  return problems.map((problem) => {
    if (!problem.message.startsWith('invalid YAML: ')) return problem;
    const { code: _code, message, ...where } = toData(problem);
    return new SyndicError(problem.code, message.slice('invalid YAML: '.length), where);
  });
}

/** The schema of the field at `path` (through optional, default and union wrappers). */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = schema;
  for (const key of [...path, undefined]) {
    at = unwrap(at);
    if (key === undefined || at === undefined) break;
    at = objectsOf(at).map((object) => object.shape?.[String(key)]).find(Boolean);
  }
  return at;
}

function objectsOf(schema: z.ZodType): Array<{ shape?: Record<string, z.ZodType> }> {
  const def = schema._zod.def as { type: string; options?: z.ZodType[] };
  const members = def.type === 'union' ? (def.options ?? []).map(unwrap) : [schema];
  return members.map((member) => (member?._zod.def ?? {}) as { shape?: Record<string, z.ZodType> });
}

/** The fields of the object at `path`, for did-you-mean on a nested key ("groups.tag" → "groups.tags"). */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(schema, path);
  return at ? objectsOf(at).flatMap((object) => Object.keys(object.shape ?? {})) : [];
}

/** The bounds of the number field at `path` in `schema`, for "from 1 to 100000". */
export function boundsIn(schema: z.ZodType): (path: readonly PropertyKey[]) => { min?: number; max?: number } {
  return (path) => {
    const at = schemaAt(schema, path);
    const number = at as (z.ZodType & { minValue?: number | null; maxValue?: number | null }) | undefined;
    const safe = (value: number | null | undefined): number | undefined => (value === null || value === undefined || !Number.isFinite(value) || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);
    const min = safe(number?.minValue);
    const max = safe(number?.maxValue);
    return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  };
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let at = schema;
  while (at) {
    const def = at._zod.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) at = def.innerType;
    else break;
  }
  return at;
}
