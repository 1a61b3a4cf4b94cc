// The adversarial corpus (tests/fixtures/adversarial/README.md) through the real binary: every
// case ends in a valid, script-free build or a clear error, in bounded time, and a failure
// leaves every byte it found where it was.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setups } from '../fixtures/adversarial/setups.js';
import { validateFeedFile } from '../support/validators.js';
import { withoutJsonLd } from '../support/json-ld.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.join(ROOT, 'tests/fixtures/adversarial');
const SEED = path.join(ROOT, 'tests/fixtures/seed-site/input');

interface Case {
  why: string;
  args?: string[];
  exit: number;
  mentions?: string[];
  setup?: string;
  timeoutMs?: number;
  outDir?: string;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/syndic.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-200_000)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-200_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** Every entry under `dir`: file hashes, link targets, folders (so an emptied folder shows). */
async function snapshot(dir: string, base = dir, into = new Map<string, string>()): Promise<Map<string, string>> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(base, full);
    if (entry.isSymbolicLink()) into.set(relative, `link:${await readlink(full)}`);
    else if (entry.isDirectory()) {
      into.set(relative, 'dir');
      await snapshot(full, base, into);
    } else if (entry.isFile()) {
      const bytes = await readFile(full).catch(() => undefined);
      into.set(relative, bytes ? createHash('sha1').update(bytes).digest('hex') : 'unreadable');
    } else into.set(relative, 'special');
  }
  return into;
}

function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((name) => before.get(name) !== after.get(name)).sort();
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

/** The HTML a JSON Feed carries: every item's content_html. */
function contentHtml(json: string): string {
  const feed = JSON.parse(json) as { items?: Array<{ content_html?: string }> };
  return (feed.items ?? []).map((item) => item.content_html ?? '').join('\n');
}

/** RSS description and content:encoded, Atom type="html" constructs: their XML-decoded text, which readers render as HTML. */
function xmlHtmlFields(xml: string): string {
  const decode = (value: string): string =>
    value.startsWith('<![CDATA[')
      ? value.slice(9, -3)
      : // One pass: XML decodes each reference once.
        value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|apos|amp));/gi, (_, hex?: string, dec?: string, name?: string) =>
          hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name ?? ''] ?? '',
        );
  const fields = xml.matchAll(/<(description|content:encoded)>([\s\S]*?)<\/\1>|<(content|summary|title|subtitle|rights) type="html">([\s\S]*?)<\/\3>/g);
  return [...fields].map((m) => decode(m[2] ?? m[4] ?? '')).join('\n');
}

async function listCases(): Promise<Array<{ name: string; dir: string; spec: Case }>> {
  const cases = [];
  for (const klass of (await readdir(CORPUS, { withFileTypes: true })).filter((entry) => entry.isDirectory())) {
    for (const entry of (await readdir(path.join(CORPUS, klass.name), { withFileTypes: true })).filter((item) => item.isDirectory())) {
      const dir = path.join(CORPUS, klass.name, entry.name);
      const spec = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8')) as Case;
      cases.push({ name: `${klass.name}/${entry.name}`, dir, spec });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

const cases = await listCases();
let template = '';

beforeAll(async () => {
  template = await mkdtemp(path.join(tmpdir(), 'syndic-adversarial-base-'));
  await cp(SEED, path.join(template, 'project'), { recursive: true });
  const first = await run(['build', '--quiet'], path.join(template, 'project'), 60_000);
  if (first.code !== 0) throw new Error(`the seed site did not build: ${first.stderr}`);
}, 90_000);

afterAll(async () => {
  if (template) await rm(template, { recursive: true, force: true });
});

describe('adversarial corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { name, dir, spec } of cases) {
    const timeoutMs = spec.timeoutMs ?? 20_000;
    it(`${name}: ${spec.why}`, { timeout: timeoutMs + 60_000 }, async () => {
      const work = await mkdtemp(path.join(tmpdir(), 'syndic-adversarial-'));
      try {
        const root = path.join(work, 'project');
        await cp(path.join(template, 'project'), root, { recursive: true });
        const overlay = path.join(dir, 'project');
        if (await lstat(overlay).then(() => true, () => false)) await cp(overlay, root, { recursive: true });
        if (spec.setup) {
          const setup = setups[spec.setup];
          if (!setup) throw new Error(`${name}: no setup named ${spec.setup}`);
          await setup(root);
        }
        const before = await snapshot(work);
        const result = await run(spec.args ?? ['build'], root, timeoutMs);
        const output = `${result.stdout}\n${result.stderr}`;
        expect(result.timedOut, `${name} ran past ${timeoutMs} ms`).toBe(false);
        expect(result.code, output).toBe(spec.exit);
        expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        for (const mention of spec.mentions ?? []) expect(output).toContain(mention);
        const after = await snapshot(work);
        const changed = differences(before, after).filter((entry) => !entry.startsWith(path.join('project', '.syndic-cache')));
        if (spec.exit !== 0) {
          expect(changed, 'a failed run changed files').toEqual([]);
          return;
        }
        const outDir = path.join('project', spec.outDir ?? 'dist');
        // Besides its output folder and cache, a successful build owns the memory of what it published.
        const owned = (entry: string): boolean => entry === outDir || entry.startsWith(`${outDir}${path.sep}`) || entry === path.join('project', 'syndic.published.json');
        expect(changed.filter((entry) => !owned(entry)), 'written outside the output folder').toEqual([]);
        for (const file of await filesUnder(path.join(work, outDir))) {
          if (/\.(xml|json)$/.test(file) && !file.includes(`${path.sep}media${path.sep}`)) expect(await validateFeedFile(file), file).toEqual([]);
          if (/\.(xml|json|html|svg)$/.test(file)) {
            // JSON Feed's other strings are plain text by definition (a tag may be named <script>); only content_html is HTML.
            const text = await readFile(file, 'utf8');
            const html = file.endsWith('.json') ? contentHtml(text) : withoutJsonLd(text);
            expect(html, file).not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
            // What an HTML field of RSS or Atom holds once XML-decoded is what a reader renders.
            if (file.endsWith('.xml')) expect(xmlHtmlFields(text), file).not.toMatch(/<script|<[a-z]+[\s/][^>]*\bon[a-z]+\s*=|javascript:/i);
          }
        }
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
});
