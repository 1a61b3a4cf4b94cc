import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { parseArticle } from '../../../src/parse.js';
import { site } from '../../support/factories.js';
import { FIXTURES, ROOT, seedSite, syndic } from './binary.js';

const SEED = path.join(FIXTURES, 'seed/000_2424ce9b224a0d52.txt');
const COMMITTED = path.join(ROOT, 'articles/2024-11-21-coree-du-nord-soldats-russie.md');
const IMPORTED_NAME = '2024-11-21-la-coree-du-nord-pourrait-envoyer-jusqu-a-100-000-soldats-en-russie.md';

async function emptySite(): Promise<string> {
  const root = await seedSite();
  await rm(path.join(root, 'articles'), { recursive: true });
  return root;
}

describe('syndic import', () => {
  it("reproduces the committed article's frontmatter fields and body from the seed scrape", async () => {
    const root = await emptySite();
    const result = await syndic(['import', SEED, '--root', root]);
    const file = path.join(root, 'articles', IMPORTED_NAME);
    expect(result).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
    const imported = await readFile(file, 'utf8');
    const committed = await readFile(COMMITTED, 'utf8');
    // summary and tags are editorial: the scrape has neither (the committed summary is not its lead).
    const derivable = committed.replace(/^summary: .*\n/m, '').replace(/^tags:\n(?: {2}- .*\n)+/m, '');
    expect(imported).toBe(derivable);

    const parse = (text: string) => {
      const parsed = parseArticle({ path: 'a.md', stem: 'a', text }, site({ language: 'en', authors: [{ name: 'Someone else' }] }));
      if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.format()).join('\n'));
      const { title, date, updated, authors, lang, draft, markdown } = parsed.value;
      // Leading blank lines only keep Markdown line numbers equal to file line numbers.
      return { title, date, updated, authors, lang, draft, markdown: markdown.replace(/^\n+/, '') };
    };
    expect(parse(imported)).toEqual(parse(committed));
    expect(await build({ root, now: new Date('2024-11-22T00:00:00Z') })).toMatchObject({ articles: 1, published: 1 });
  });

  it('refuses a file that is not UTF-8, and a syndic.yaml that is not, at their line, as a build does', async () => {
    const root = await emptySite();
    const latin1 = path.join(root, 'latin1.txt');
    await writeFile(latin1, Buffer.from('## Titre\n\n- [22/11/2024](#)\n\nCaf\xe9.\n', 'latin1'));
    const result = await syndic(['import', latin1, '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${latin1}:5: is not UTF-8 text`);
    await writeFile(path.join(root, 'syndic.yaml'), Buffer.concat([await readFile(path.join(root, 'syndic.yaml')), Buffer.from('# caf\xe9\n', 'latin1')]));
    const settings = await syndic(['import', SEED, '--root', root]);
    expect(settings.code).toBe(1);
    expect(settings.stderr).toMatch(/syndic\.yaml:\d+: is not UTF-8 text/);
  });

  it('never overwrites an article, and imports the good files when others fail', async () => {
    const root = await emptySite();
    const bad = path.join(root, 'bad.txt');
    await writeFile(bad, '\n\n## Titre\n\n- Peter van Halteren\n- [32/13/2024](#)\n\nTexte.\n');
    const noTitle = path.join(root, 'no-title.txt');
    await writeFile(noTitle, 'Just text.\n');
    expect((await syndic(['import', SEED, '--root', root])).code).toBe(0);
    const before = await readFile(path.join(root, 'articles', IMPORTED_NAME), 'utf8');
    const good = path.join(root, 'good.txt');
    await writeFile(good, '## Autre titre\n\n- [22/11/2024](#)\n\nTexte.\n');
    // Another article whose title makes the same file name: not the same title, so not skipped.
    const other = path.join(root, 'other.txt');
    await writeFile(other, "## La Corée du Nord pourrait envoyer jusqu'à 100 000 soldats en Russie !\n\n- [21/11/2024](#)\n\nAutre texte.\n");

    const result = await syndic(['import', bad, SEED, good, other, noTitle, path.join(root, 'missing.txt'), '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${path.join(root, 'articles/2024-11-22-autre-titre.md')}\n`);
    const free = path.join(root, 'articles', IMPORTED_NAME.replace('.md', '-2.md'));
    expect(result.stderr.split('\n').filter((line) => line && !line.startsWith('  hint:'))).toEqual([
      // The same title and date as an article already there: skipped, not an error (told at once).
      `notice: ${SEED}: already imported as ${path.join(root, 'articles', IMPORTED_NAME)}; skipped`,
      `${bad}:6: "32/13/2024" is not a date`,
      `${path.join(root, 'articles', IMPORTED_NAME)}: already exists; Syndic never overwrites an article. The next free name is ${free}`,
      `${noTitle}:1: no \`##\` title heading found`,
      `${path.join(root, 'missing.txt')}: cannot be read`,
      'syndic: 4 problems; those files were not imported',
    ]);
    expect(result.stderr).toContain("  hint: write it as 21/11/2024 (the site's language is fr) or YYYY-MM-DD");
    expect(result.stderr).toContain(`  hint: ${other} is a different article with the same file name: save it as ${free}, or retitle one of them`);
    expect(await readFile(path.join(root, 'articles', IMPORTED_NAME), 'utf8')).toBe(before);
    expect((await readdir(path.join(root, 'articles'))).sort()).toEqual([IMPORTED_NAME, '2024-11-22-autre-titre.md']);
  });

  it('skips an article already there with a notice and exit 0', async () => {
    const root = await emptySite();
    expect((await syndic(['import', SEED, '--root', root])).code).toBe(0);
    const again = await syndic(['import', SEED, '--root', root]);
    expect(again).toEqual({ code: 0, stdout: '', stderr: `notice: ${SEED}: already imported as ${path.join(root, 'articles', IMPORTED_NAME)}; skipped\n` });
  });

  it('reads the dates and writes lang in the language --lang gives, and refuses an unknown one', async () => {
    const root = await emptySite();
    const english = path.join(root, 'english.txt');
    await writeFile(english, '## Seoul warns Moscow\n\n- Jane Doe\n- 11/21/2024\n\nText.\n');
    const result = await syndic(['import', english, '--lang', 'en', '--root', root]);
    expect(result.code).toBe(0);
    const text = await readFile(path.join(root, 'articles/2024-11-21-seoul-warns-moscow.md'), 'utf8');
    expect(text).toContain('\ndate: 2024-11-21\n');
    expect(text).toContain('\nlang: en\n');
    const wrong = await syndic(['import', english, '--lang', 'English', '--root', root]);
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toContain('--lang "English" is not a language tag in the IANA registry; write en');
  });

  it('imports a Jekyll, a Hugo and an Eleventy folder, says what it left out, and the result builds', async () => {
    const root = await emptySite();
    const jekyll = await syndic(['import', '--from', 'jekyll', path.join(FIXTURES, 'import/jekyll'), '--root', root]);
    expect(jekyll.code).toBe(0);
    expect(jekyll.stdout.split('\n').filter(Boolean).map((file) => path.basename(file))).toEqual(['2024-11-21-seoul-warns-of-north-korean-troops-in-russia.md', '2024-11-22-unpublished-note.md']);
    expect(jekyll.stderr).toContain('_posts/2024-11-21-seoul-warns.md: not carried over: layout (dropped), comments (dropped), template tags in the body');
    const seoul = await readFile(path.join(root, 'articles/2024-11-21-seoul-warns-of-north-korean-troops-in-russia.md'), 'utf8');
    expect(seoul).toContain('date: 2024-11-21T10:00:00+01:00\n');
    expect(seoul).toContain('summary: Seoul says up to 100,000 soldiers could be sent.\n');
    expect(seoul).toContain('tags:\n  - Korea\n  - Russia\n  - world\n  - asia\n');
    expect(seoul).toContain('id: https://news.syndic.example/world/asia/2024/11/21/seoul-warns.html\n');
    const hugo = await syndic(['import', '--from', 'hugo', path.join(FIXTURES, 'import/hugo'), '--root', root]);
    expect(hugo).toMatchObject({ code: 0, stdout: `${path.join(root, 'articles/2024-11-21-brief.md')}\n` });
    const eleventy = await syndic(['import', '--from', 'eleventy', path.join(FIXTURES, 'import/eleventy'), '--root', root]);
    expect(eleventy.code).toBe(0);
    expect(await readFile(path.join(root, 'articles/2024-11-20-my-first-post.md'), 'utf8')).toContain('id: https://news.syndic.example/blog/my-first-post/\n');
    expect(await build({ root, now: new Date('2024-11-23T00:00:00Z') })).toMatchObject({ articles: 4, published: 3 });
    // Importing again finds every post already there.
    const again = await syndic(['import', '--from', 'hugo', path.join(FIXTURES, 'import/hugo'), '--root', root]);
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toContain('already imported as');
    expect((await syndic(['import', '--from', 'wordpress', '.', '--root', root])).code).toBe(64);
  });
});
