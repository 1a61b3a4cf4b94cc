// What validators and real readers make of a feed with RFC 6721 tombstones: the Atom schema
// accepts them, and newsboat and feedparser show neither the retracted nor the deleted entry.
// (The W3C Feed Validation Service is not part of the project, so CI cannot run it; run by
// hand it reports only the accepted UnknownNamespace warning for at:, see the README.)
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { validateFeedFile } from '../support/validators.js';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'syndic-tombstone-readers-'));
  await mkdir(path.join(root, 'articles'));
  await writeFile(path.join(root, 'syndic.yaml'), 'title: Readers\ndescription: Tombstones in readers\nurl: https://readers.example/\nlanguage: en\nauthor: Desk\n');
  const story = (title: string, day: string, extra = ''): string => `---\ntitle: ${title}\ndate: 2024-12-${day}\n${extra}---\nText of ${title}.\n`;
  await writeFile(path.join(root, 'articles/kept.md'), story('Kept story', '01'));
  await writeFile(path.join(root, 'articles/retracted.md'), story('Retracted story', '02'));
  await writeFile(path.join(root, 'articles/deleted.md'), story('Deleted story', '03'));
  await build({ root, now: new Date('2024-12-04T00:00:00Z'), remember: true });
  await writeFile(path.join(root, 'articles/retracted.md'), story('Retracted story', '02', 'retracted: {date: 2024-12-05, reason: "Its main source was fabricated <sic> & withdrawn."}\n'));
  await unlink(path.join(root, 'articles/deleted.md'));
  await build({ root, now: new Date('2024-12-06T00:00:00Z'), remember: true });
});

const titles = (items: Array<{ title: string }>): string[] => items.map((item) => item.title);

describe('tombstones in validators and readers', () => {
  it('has both tombstones in the Atom feed', async () => {
    const atom = await readFile(path.join(root, 'dist/atom.xml'), 'utf8');
    expect(atom.match(/<at:deleted-entry /g)).toHaveLength(2);
    expect(await validateFeedFile(path.join(root, 'dist/atom.xml'))).toEqual([]);
  });

  it('is read by feedparser without the withdrawn entries', async () => {
    const script = 'import json, sys, feedparser\nprint(json.dumps([{"title": e.title} for e in feedparser.parse(open(sys.argv[1], "rb").read()).entries]))';
    for (const file of ['atom.xml', 'rss.xml']) {
      const { stdout } = await run(PYTHON, ['-c', script, path.join(root, 'dist', file)]);
      expect(titles(JSON.parse(stdout) as Array<{ title: string }>)).toEqual(['Kept story']);
    }
  });

  it('is read by newsboat without the withdrawn entries', async () => {
    for (const file of ['atom.xml', 'rss.xml']) {
      const dir = await mkdtemp(path.join(tmpdir(), 'syndic-newsboat-'));
      await writeFile(path.join(dir, 'urls'), `file://${path.join(root, 'dist', file)}\n`);
      await writeFile(path.join(dir, 'config'), '');
      const cache = path.join(dir, 'cache.db');
      await run('newsboat', ['-u', path.join(dir, 'urls'), '-c', cache, '-C', path.join(dir, 'config'), '-x', 'reload'], { env: { ...process.env, HOME: dir }, timeout: 60_000 });
      const { stdout } = await run(PYTHON, ['-c', 'import json, sqlite3, sys\nprint(json.dumps([{"title": r[0]} for r in sqlite3.connect(sys.argv[1]).execute("select title from rss_item")]))', cache]);
      expect(titles(JSON.parse(stdout) as Array<{ title: string }>)).toEqual(['Kept story']);
    }
  });
});
