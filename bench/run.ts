// npm run bench [-- --sizes 1000,10000 --runs 3 --modes groups,site,stress --huge --against DIR]
// Times the real CLI (process start included) on a generated newsroom corpus (bench/corpus.ts
// NEWSROOM: 36 tags, 192 authors, ~4.8 KB per article), and Hugo on the same corpus in the same
// run, and prints every workload as a ratio to Hugo's cold build of the same mode.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusArticle, NEWSROOM, writeCorpus } from './corpus.js';
import { hasTime, measure, summarise, type Sample, type Summary } from './measure.js';
import { writeHugoSite } from './hugo.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    modes: { type: 'string', default: 'groups,site,stress' },
    huge: { type: 'boolean', default: false },
    // Another checkout (built), timed on the same corpus in the same run: before/after tables.
    against: { type: 'string' },
  },
});
const HUGE = 100_000;
const sizes = values.sizes.split(',').map(Number).filter((size) => size > 0).concat(values.huge ? [HUGE] : []);
const runs = Number(values.runs);
const wanted = new Set(values.modes.split(','));
const BIN = path.resolve(import.meta.dirname, '../bin/syndic.js');
const BINS: Array<[string, string]> = [['', BIN], ...(values.against ? [[' (against)', path.resolve(values.against, 'bin/syndic.js')] as [string, string]] : [])];
const hasHugo = spawnSync('hugo', ['version']).status === 0;

const fmt = (s: Summary | undefined): string =>
  s === undefined ? '—' : s.failed ? `failed: ${s.failed}` : `${s.median.toFixed(2)} s (${s.min.toFixed(2)}–${s.max.toFixed(2)})${s.cpu === undefined ? '' : `, CPU ${s.cpu.toFixed(1)} s`}`;
const mb = (s: Summary | undefined): string => (s?.peakMb === undefined ? '—' : `${Math.round(s.peakMb)} MB`);
const ratio = (a: Summary | undefined, b: Summary | undefined, key: 'median' | 'peakMb' | 'cpu' = 'median'): string => {
  const x = a?.[key];
  const y = b?.[key];
  return x === undefined || y === undefined || a?.failed || b?.failed ? '—' : `${(x / y).toFixed(3)}×`;
};

// Groups is the shipped default: a feed trio and a listing page per tag (36) and author (192),
// and the Hugo site renders the same terms (tags, author) with the same trio of the newest 50.
// Site and stress switch groups off on both sides: home feeds and pages only.
const MODES = [
  { name: 'groups', limit: (_size: number) => 50, settings: '', groups: true, huge: true },
  { name: 'site', limit: (_size: number) => 50, settings: 'groups: {tags: false, authors: false}\n', groups: false, huge: true },
  // A feed of every article: past V8's string limit at 100,000, so not in --huge.
  { name: 'stress', limit: (size: number) => size, settings: 'groups: {tags: false, authors: false}\n', groups: false, huge: false },
] as const;

/** Every file under `dir` with its mtime and size, to show a no-change build rewrote nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stat = statSync(file);
    files.set(file, `${stat.mtimeMs}:${stat.size}`);
  }
  return files;
}

function rewritten(before: Map<string, string>, after: Map<string, string>): number {
  let count = Math.abs(before.size - after.size);
  for (const [file, stamp] of after) if (before.has(file) && before.get(file) !== stamp) count++;
  return count;
}

// The floor under any no-change build: list the articles folder and stat each file, in a fresh
// process (the time printed is inside it, process start excluded).
const STAT_PHASE = `const fs = require('node:fs'), path = require('node:path'); const dir = process.argv[1];
const started = performance.now(); for (const name of fs.readdirSync(dir)) fs.statSync(path.join(dir, name));
process.stdout.write(String(performance.now() - started));`;

const rows: string[][] = [];
const scaling: string[][] = [];
let failures = 0;

for (const size of sizes) {
  for (const { name: mode, limit: limitOf, settings, groups, huge } of MODES) {
    if (!wanted.has(mode) || (size === HUGE && !huge)) continue;
    const root = await mkdtemp(path.join(tmpdir(), `syndic-bench-${size}-${mode}-`));
    const limit = limitOf(size);
    process.stderr.write(`corpus: ${size} articles, ${mode} mode (${limit} items per feed) in ${root}\n`);
    await writeCorpus(root, size, { feedLimit: limit, settings, shape: NEWSROOM });
    let hugo: Summary | undefined;
    if (hasHugo) {
      const site = path.join(root, 'hugo');
      await writeHugoSite(site, path.join(root, 'articles'), 'https://bench.syndic.example/', limit, groups);
      hugo = summarise(
        Array.from({ length: runs }, () => {
          spawnSync('rm', ['-rf', path.join(site, 'public'), path.join(site, 'resources')]);
          return measure('hugo', ['--quiet', '--source', site, '--destination', path.join(site, 'public'), '--ignoreCache']);
        }),
      );
      spawnSync('rm', ['-rf', site]);
    }

    for (const [tag, bin] of BINS) {
      const build = (): Sample => measure(process.execPath, [bin, 'build', '--root', root, '--json']);
      const cold = summarise(
        Array.from({ length: runs }, () => {
          spawnSync('rm', ['-rf', path.join(root, 'dist'), path.join(root, '.syndic-cache'), path.join(root, 'syndic.published.json')]);
          return build();
        }),
      );
      const dist = path.join(root, 'dist');
      let touched = 0;
      const noChange = summarise(
        Array.from({ length: runs }, () => {
          const before = snapshot(dist);
          const sample = build();
          const summary = JSON.parse(sample.stdout || '{}') as { feedsWritten?: number; changed?: unknown[] };
          touched += rewritten(before, snapshot(dist)) + (summary.feedsWritten ?? 0) + (summary.changed?.length ?? 0);
          return sample;
        }),
      );
      if (touched > 0) failures++;
      const statPhase = summarise(
        Array.from({ length: runs }, () => {
          const result = spawnSync(process.execPath, ['-e', STAT_PHASE, path.join(root, 'articles')], { encoding: 'utf8' });
          return { seconds: Number(result.stdout) / 1000, peakMb: undefined, ok: result.status === 0, stdout: '', stderr: result.stderr };
        }),
      );
      const editTarget = path.join(root, 'articles', corpusArticle(Math.floor(size / 2), 1, NEWSROOM).name);
      const original = await readFile(editTarget, 'utf8');
      const oneEdit = summarise(
        Array.from({ length: runs }, (_, i) => {
          spawnSync('sh', ['-c', `printf '\\nEdit %s.\\n' ${i} >> '${editTarget}'`]);
          return build();
        }),
      );
      await writeFile(editTarget, original);
      build();
      const oneNew = summarise(
        Array.from({ length: runs }, (_, i) => {
          const fresh = corpusArticle(size + i, 1, NEWSROOM);
          spawnSync('sh', ['-c', `cat > '${path.join(root, 'articles', `2030-01-0${i + 1}-new-${i}.md`)}'`], { input: fresh.text.replace(/^date: .*$/m, `date: 2024-11-2${1 + i}T12:00:00Z`) });
          return build();
        }),
      );
      // The next binary starts from the same corpus.
      for (let i = 0; i < runs; i++) await rm(path.join(root, 'articles', `2030-01-0${i + 1}-new-${i}.md`));

      const label = `${size.toLocaleString('en')} ${mode}${tag}`;
      rows.push([`${label}, cold`, fmt(cold), mb(cold), fmt(hugo), mb(hugo), ratio(cold, hugo), ratio(cold, hugo, 'peakMb'), ratio(cold, hugo, 'cpu')]);
      rows.push([`${label}, no-change${touched > 0 ? ` (REWROTE ${touched})` : ''}`, fmt(noChange), mb(noChange), '', '', ratio(noChange, hugo), '', ratio(noChange, hugo, 'cpu')]);
      rows.push([`${label}, one-edit`, fmt(oneEdit), mb(oneEdit), '', '', ratio(oneEdit, hugo), '', ratio(oneEdit, hugo, 'cpu')]);
      rows.push([`${label}, one-new`, fmt(oneNew), mb(oneNew), '', '', ratio(oneNew, hugo), '', ratio(oneNew, hugo, 'cpu')]);
      scaling.push([label, `${(statPhase.median * 1000).toFixed(0)} ms`, fmt(noChange), `${(noChange.median / statPhase.median).toFixed(0)}×`]);
      // Each mode's rows as soon as they exist: a long --huge run can be read while it goes on.
      process.stderr.write(`${rows.slice(-4).map((row) => `| ${row.join(' | ')} |`).join('\n')}\nstat phase ${scaling.at(-1)?.[1]}\n`);
    }
    await rm(root, { recursive: true, force: true });
  }
}

const seed = await mkdtemp(path.join(tmpdir(), 'syndic-bench-seed-'));
spawnSync('cp', ['-r', path.resolve(import.meta.dirname, '../articles'), path.resolve(import.meta.dirname, '../syndic.yaml'), seed]);
const repo = summarise(Array.from({ length: runs }, () => (spawnSync('rm', ['-rf', path.join(seed, 'dist')]), measure(process.execPath, [BIN, 'build', '--root', seed]))));
await rm(seed, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const header = ['Workload', 'Syndic (median, min–max)', 'Syndic peak RSS', 'Hugo cold', 'Hugo peak RSS', 'time ÷ Hugo cold', 'memory ÷ Hugo', 'CPU ÷ Hugo cold CPU'];
const table = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
const report = [
  `Machine: ${machine}. ${runs} runs each; times include process start.`,
  hasHugo ? `Hugo: ${spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim().split(' ')[1] ?? ''}` : 'Hugo is not installed (apt-get install hugo): absolute figures only, no ratios.',
  hasTime ? '' : 'Peak memory needs /usr/bin/time (apt-get install time).',
  '',
  table,
  '',
  `1-article repository build, process start included: ${fmt(repo)}`,
  '',
  'Scaling: the no-change build beside its floor, listing and stat-ing the articles folder (in-process).',
  '',
  [['Corpus', 'stat phase', 'no-change', 'no-change ÷ stat phase'], ['---', '---', '---', '---'], ...scaling].map((row) => `| ${row.join(' | ')} |`).join('\n'),
].join('\n');
process.stdout.write(`${report}\n`);
if (process.env.BENCH_REPORT) await appendFile(process.env.BENCH_REPORT, `${report}\n`);
// A no-change build that rewrites a file is a bug, whatever its time.
if (failures > 0) {
  process.stderr.write(`bench: ${failures} no-change build(s) rewrote files (marked REWROTE above)\n`);
  process.exitCode = 1;
}
