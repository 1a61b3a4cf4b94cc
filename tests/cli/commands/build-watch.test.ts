import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../../support/running-cli.js';

const SITE = path.resolve(import.meta.dirname, '../../fixtures/seed-site/input');
const ARTICLE = 'articles/2024-11-21-coree-du-nord-soldats-russie.md';
const PAGE = 'dist/articles/2024/11/21/coree-du-nord-soldats-russie.html';

describe('syndic build --watch', () => {
  it('builds, rebuilds when an article or the settings change, reports a bad edit, and exits 0 when stopped', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-watch-cli-'));
    await cp(SITE, root, { recursive: true });
    const cli = startCli(['build', '--watch', '--root', root]);
    await cli.waitFor(/^built: 1 of 1 article published, 33 files changed\nwatching articles and settings for changes \(Ctrl-C to stop\)\n/);

    let from = cli.stdout().length;
    const source = await readFile(path.join(root, ARTICLE), 'utf8');
    await writeFile(path.join(root, ARTICLE), source.replace('Ukraine sous pression', 'Ukraine sous forte pression'));
    await cli.waitFor(/built: 1 of 1 article published, \d+ files changed\n/, { from });
    expect(await readFile(path.join(root, PAGE), 'utf8')).toContain('Ukraine sous forte pression');

    from = cli.stdout().length;
    const settings = await readFile(path.join(root, 'syndic.yaml'), 'utf8');
    await writeFile(path.join(root, 'syndic.yaml'), settings.replace(/^title: .*$/m, 'title: Autre titre'));
    await cli.waitFor(/built: 1 of 1 article published, \d+ files changed\n/, { from });
    expect(await readFile(path.join(root, 'dist/rss.xml'), 'utf8')).toContain('<title>Autre titre</title>');

    const errorsBefore = cli.stderr().length;
    await writeFile(path.join(root, ARTICLE), '---\ntitle: [unclosed\n---\n');
    const report = await cli.waitFor(/^articles\/2024-11-21-coree-du-nord-soldats-russie\.md:2:\d+: [^]*?the output folder keeps the last good build/m, { stream: 'stderr', from: errorsBefore });
    expect(report[0]).toContain('hint: ');
    expect(await readFile(path.join(root, PAGE), 'utf8')).toContain('Ukraine sous forte pression');

    // Still watching: fixing the article builds again.
    from = cli.stdout().length;
    await writeFile(path.join(root, ARTICLE), source);
    await cli.waitFor(/built: 1 of 1 article published/, { from });
    expect(await readFile(path.join(root, PAGE), 'utf8')).toContain('Ukraine sous pression');

    expect(await cli.stop('SIGINT')).toBe(0);
  }, 90_000);

  it('still rejects bad flags with exit 64 before watching', async () => {
    const cli = startCli(['build', '--watch', '--now', 'tomorrow']);
    expect(await cli.exit()).toBe(64);
  }, 60_000);
});
