import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { parseArticle, parseSettings } from '../../../src/parse.js';
import { seedSite, syndic } from './binary.js';

describe('syndic new', () => {
  it('writes a draft with the frontmatter filled in, prints its path, and it parses and builds', async () => {
    const root = await seedSite();
    // 23:30 UTC is already the next day in the site's zone, Europe/Brussels.
    const title = 'Titre de l\'article : « guillemets », #dièse et "quotes"';
    const result = await syndic(['new', title, '--root', root, '--now', '2024-12-01T23:30:00Z']);
    const file = path.join(root, 'articles/2024-12-02-titre-de-l-article-guillemets-diese-et-quotes.md');
    expect(result).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
    const text = await readFile(file, 'utf8');
    expect(text).toBe(`---\ntitle: "Titre de l'article : « guillemets », #dièse et \\"quotes\\""\ndate: 2024-12-02\nauthor: Rédaction Syndic\nlang: fr\ndraft: true\n---\n\n`);

    const settings = parseSettings({ path: 'syndic.yaml', stem: 'syndic', text: await readFile(path.join(root, 'syndic.yaml'), 'utf8') });
    if (!settings.ok) throw new Error('seed settings are valid');
    const parsed = parseArticle({ path: 'articles/x.md', stem: path.basename(file, '.md'), text }, settings.value);
    expect(parsed.ok && { title: parsed.value.title, date: parsed.value.date.toISOString(), authors: parsed.value.authors, lang: parsed.value.lang, draft: parsed.value.draft }).toEqual({
      title,
      date: '2024-12-01T23:00:00.000Z',
      authors: [{ name: 'Rédaction Syndic' }],
      lang: 'fr',
      draft: true,
    });

    const now = new Date('2024-12-03T00:00:00Z');
    expect(await build({ root, now })).toMatchObject({ articles: 2, published: 1 });
    await writeFile(file, text.replace('draft: true\n', ''));
    expect(await build({ root, now })).toMatchObject({ articles: 2, published: 2 });
    expect(await readdir(path.join(root, 'dist/articles'))).toContain('titre-de-l-article-guillemets-diese-et-quotes.html');
  });

  it('writes the site author with an email as a mapping, and the path relative to the given root', async () => {
    const root = await seedSite();
    await writeFile(path.join(root, 'syndic.yaml'), (await readFile(path.join(root, 'syndic.yaml'), 'utf8')).replace('author:\n  name: Rédaction Syndic', 'author:\n  name: Rédaction\n  email: redaction@news.syndic.example'));
    const result = await syndic(['new', 'Hello', '--root', '.', '--now', '2024-11-21T12:00:00+01:00'], root);
    expect(result).toEqual({ code: 0, stdout: 'articles/2024-11-21-hello.md\n', stderr: '' });
    expect(await readFile(path.join(root, 'articles/2024-11-21-hello.md'), 'utf8')).toContain('\nauthor:\n  name: Rédaction\n  email: redaction@news.syndic.example\nlang: fr\n');
  });

  it('never overwrites an existing article', async () => {
    const root = await seedSite();
    const args = ['new', 'Corée du Nord soldats Russie', '--root', root, '--now', '2024-11-21T12:00:00Z'];
    const existing = path.join(root, 'articles/2024-11-21-coree-du-nord-soldats-russie.md');
    const before = await readFile(existing, 'utf8');
    const result = await syndic(args);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${existing}: already exists; Syndic never overwrites an article. The next free name is ${existing.replace('.md', '-2.md')}\n  hint: edit that file, or run: syndic new "Corée du Nord soldats Russie 2"\n`,
    });
    expect(await readFile(existing, 'utf8')).toBe(before);
    // The command the hint gives writes exactly the free name it named.
    expect((await syndic(['new', 'Corée du Nord soldats Russie 2', '--root', root, '--now', '2024-11-21T12:00:00Z'])).stdout).toBe(`${existing.replace('.md', '-2.md')}\n`);
  });

  it('writes the letters of Japanese and Korean titles, and the article builds', async () => {
    const root = await seedSite();
    const now = '2024-11-21T12:00:00+01:00';
    const tokyo = await syndic(['new', '東京', '--root', root, '--now', now]);
    const seoul = await syndic(['new', '서울 뉴스', '--root', root, '--now', now]);
    expect([tokyo.stdout, seoul.stdout]).toEqual([`${path.join(root, 'articles/2024-11-21-東京.md')}\n`, `${path.join(root, 'articles/2024-11-21-서울-뉴스.md')}\n`]);
    for (const file of ['2024-11-21-東京.md', '2024-11-21-서울-뉴스.md']) {
      const text = await readFile(path.join(root, 'articles', file), 'utf8');
      await writeFile(path.join(root, 'articles', file), `${text.replace('draft: true\n', '')}Texte.\n`);
    }
    await build({ root, now: new Date(now) });
    expect(await readdir(path.join(root, 'dist/articles/2024/11/21'))).toEqual(expect.arrayContaining(['東京.html', '서울-뉴스.html']));
  });

  it('lets two same-titled briefs on two days build, each on its own page', async () => {
    const root = await seedSite();
    for (const now of ['2024-11-21T08:00:00+01:00', '2024-11-22T08:00:00+01:00']) {
      const file = (await syndic(['new', 'Le brief', '--root', root, '--now', now])).stdout.trim();
      await writeFile(file, `${(await readFile(file, 'utf8')).replace('draft: true\n', '')}Le brief du jour.\n`);
    }
    const result = await build({ root, now: new Date('2024-11-23T00:00:00Z') });
    expect(result).toMatchObject({ published: 3, notices: [] });
    expect(await readdir(path.join(root, 'dist/articles/2024/11/21'))).toContain('le-brief.html');
    expect(await readdir(path.join(root, 'dist/articles/2024/11/22'))).toContain('le-brief.html');
  });

  it('refuses a title with nothing to name the file after, and a project without settings', async () => {
    const root = await seedSite();
    expect((await syndic(['new', '?!', '--root', root])).code).toBe(64);
    await rm(path.join(root, 'syndic.yaml'));
    const result = await syndic(['new', 'Hello', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path.join(root, 'syndic.yaml')}: cannot be read\n  hint: run this in the folder that holds syndic.yaml, or pass --root DIR\n`);
  });
});
