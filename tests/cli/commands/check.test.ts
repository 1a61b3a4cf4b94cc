import { cp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, seedSite, syndic } from './binary.js';

describe('syndic check', () => {
  it('exits 0 on a good project and writes nothing', async () => {
    const root = await seedSite();
    expect(await syndic(['check', '--root', root])).toEqual({ code: 0, stdout: 'checked: 1 article and the settings, no problems\n', stderr: '' });
    expect((await readdir(root)).sort()).toEqual(['articles', 'syndic.yaml']);
  });

  it("lists every problem exactly like the build's error report, exits 1, and writes nothing", async () => {
    const root = await seedSite();
    await rm(path.join(root, 'articles'), { recursive: true });
    await cp(path.join(FIXTURES, 'bad-everything'), root, { recursive: true });
    await symlink(path.join(root, 'outside.md'), path.join(root, 'articles', 'linked.md'));

    const checked = await syndic(['check', '--root', root]);
    expect((await readdir(root)).sort()).toEqual(['articles', 'outside.md', 'syndic.yaml']);
    const built = await syndic(['build', '--root', root]);
    expect([checked.code, built.code]).toEqual([1, 1]);
    const problemLines = (stderr: string): string[] => stderr.split('\n').slice(0, -2);
    expect(problemLines(checked.stderr)).toEqual(problemLines(built.stderr));
    expect(problemLines(checked.stderr).filter((line) => !line.startsWith('  hint:'))).toHaveLength(11);
    expect(checked.stderr.split('\n').at(-2)).toBe('syndic: 11 problems in 8 articles and the settings would stop a build');
  });

  it('--json gives the problems as objects for CI', async () => {
    const root = await seedSite();
    await cp(path.join(FIXTURES, 'bad-articles'), path.join(root, 'articles'), { recursive: true });
    const { code, stdout, stderr } = await syndic(['check', '--root', root, '--json']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const report = JSON.parse(stdout) as { command: string; ok: boolean; status: number; articles: number; problems: Array<Record<string, unknown>> };
    expect(Object.keys(report)).toEqual(['command', 'ok', 'status', 'articles', 'problems', 'warnings', 'durationMs']);
    expect(report).toMatchObject({ command: 'check', ok: false, status: 1, articles: 3 });
    expect(report.problems).toEqual([
      {
        code: 'INVALID_ARTICLE',
        file: 'articles/bad-date.md',
        line: 3,
        column: null,
        field: 'date',
        message: '"32/13/2024" is not a date',
        hint: 'use YYYY-MM-DD, or an RFC 3339 date-time such as 2024-11-21T09:30:00+01:00',
      },
      { code: 'INVALID_ARTICLE', file: 'articles/no-title.md', line: 1, column: null, field: 'title', message: 'is required: add a line `title: "…"`', hint: null },
    ]);
  });

  it('prints warnings without failing; --strict fails on them; build stays 0 with them', async () => {
    const root = await seedSite();
    await writeFile(path.join(root, 'articles/2024-11-20-vide.md'), '---\ntitle: Vide\ndate: 2024-11-20\n---\n');
    const warning = `warning: articles/2024-11-20-vide.md:4: has no text after its frontmatter; readers will get an empty entry\n  hint: write the article below the closing ---, or add draft: true until it is ready\n`;
    expect(await syndic(['check', '--root', root])).toEqual({ code: 0, stdout: 'checked: 2 articles and the settings, no problems\n', stderr: warning });
    const strict = await syndic(['check', '--strict', '--root', root]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('articles/2024-11-20-vide.md:4: has no text after its frontmatter');
    const built = await syndic(['build', '--root', root, '--now', '2024-11-22T00:00:00Z']);
    expect(built.code).toBe(0);
    expect(built.stderr).toBe(warning);
  });
});
