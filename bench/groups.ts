// npx tsx bench/groups.ts [-- --size 10000 --runs 3]
// Does a changed article cost more when the site has more groups? The same number of articles,
// once with 30 groups (24 tags, 6 authors) and once with 1,000 (800 tags, 200 authors), each
// built cold, then timed with nothing changed and with 1 and 20 articles edited. What a
// changed build pays whatever changed is (1 edited − nothing changed); what each further
// changed article adds is (20 edited − 1 edited) ÷ 19.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusArticle, NEWSROOM, writeCorpus, type CorpusShape } from './corpus.js';
import { measure, summarise } from './measure.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const size = Number(values.size);
const runs = Number(values.runs);
const BIN = path.resolve(import.meta.dirname, '../bin/syndic.js');

function shape(tags: number, authors: number): CorpusShape {
  return { ...NEWSROOM, tags: Array.from({ length: tags }, (_, i) => `Sujet ${i + 1}`), authors: Array.from({ length: authors }, (_, i) => `Auteur ${i + 1}`) };
}

function seconds(root: string): number {
  const sample = measure(process.execPath, [BIN, 'build', '--root', root, '--quiet']);
  if (!sample.ok) throw new Error(sample.stderr);
  return sample.seconds;
}

const median = (list: number[]): number => summarise(list.map((seconds) => ({ seconds, peakMb: undefined, ok: true, stdout: '', stderr: '' }))).median;

const rows: string[] = [];
for (const [label, tags, authors] of [['30 groups', 24, 6], ['1,000 groups', 800, 200]] as const) {
  const root = await mkdtemp(path.join(tmpdir(), 'syndic-groups-'));
  const corpus = shape(tags, authors);
  await writeCorpus(root, size, { shape: corpus });
  const cold = seconds(root);
  const quiet = median(Array.from({ length: runs }, () => seconds(root)));
  // Articles spread over the archive, so the edits reach old and new groups alike.
  const targets = Array.from({ length: 20 }, (_, i) => path.join(root, 'articles', corpusArticle(Math.floor(((i + 0.5) * size) / 20), 1, corpus).name));
  const originals = await Promise.all(targets.map((file) => readFile(file, 'utf8')));
  const edit = async (count: number, run: number): Promise<number> => {
    await Promise.all(targets.slice(0, count).map((file, i) => writeFile(file, `${originals[i] ?? ''}\nEdit ${run}.${count}.\n`)));
    return seconds(root);
  };
  const one: number[] = [];
  const twenty: number[] = [];
  for (let run = 0; run < runs; run++) {
    one.push(await edit(1, run));
    twenty.push(await edit(20, run));
  }
  const fixed = median(one) - quiet;
  const perArticle = (median(twenty) - median(one)) / 19;
  rows.push(`| ${size.toLocaleString('en')} articles, ${label} | ${cold.toFixed(2)} s | ${quiet.toFixed(2)} s | ${median(one).toFixed(2)} s | ${median(twenty).toFixed(2)} s | ${fixed.toFixed(2)} s | ${(perArticle * 1000).toFixed(0)} ms |`);
  process.stderr.write(`${rows.at(-1)}\n`);
  await rm(root, { recursive: true, force: true });
}
process.stdout.write(['| Corpus | cold | no-change | 1 edited | 20 edited | any change | each further article |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n');
