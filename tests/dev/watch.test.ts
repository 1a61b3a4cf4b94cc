import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyndicError } from '../../src/errors.js';
import { unwatched, watch, watchedPaths, type BuildOutcome } from '../../src/dev/watch.js';

const SITE = path.resolve(import.meta.dirname, '../fixtures/seed-site/input');
const ARTICLE = 'articles/2024-11-21-coree-du-nord-soldats-russie.md';

describe('watchedPaths', () => {
  it('names the articles, the settings and the media folder, following the options', () => {
    expect(watchedPaths({ root: '/site' })).toEqual(['/site/articles', '/site/syndic.yaml', '/site']);
    expect(watchedPaths({ root: '/site', articlesDir: 'posts', settingsFile: '/etc/syndic.yaml' })).toEqual(['/site/posts', '/etc/syndic.yaml', '/site']);
  });

  it('ignores what a build writes, so a build never triggers the next one', () => {
    const ignored = unwatched({ root: '/site', outDir: 'public' });
    for (const file of ['/site/public', '/site/public/rss.xml', '/site/public.syndic-new/a.html', '/site/public.lock', '/site/.syndic-cache/build.json', '/site/node_modules/x/y.js']) expect(ignored(file), file).toBe(true);
    for (const file of ['/site/articles/a.md', '/site/images/cover.png', '/site/publications/x.pdf', '/site/syndic.yaml']) expect(ignored(file), file).toBe(false);
  });
});

describe('watch', () => {
  it('builds at once, hears each rebuild, reports a failure as an outcome and goes on', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'syndic-watch-'));
    await cp(SITE, root, { recursive: true });
    const outcomes: BuildOutcome[] = [];
    const waiters: Array<{ test: (outcome: BuildOutcome) => boolean; resolve: () => void }> = [];
    const next = (test: (outcome: BuildOutcome) => boolean): Promise<void> => new Promise((resolve) => waiters.push({ test, resolve }));
    const watcher = await watch({ root, debounceMs: 0 }, (outcome) => {
      outcomes.push(outcome);
  
      for (const waiter of waiters.splice(0)) if (waiter.test(outcome)) waiter.resolve();
      else waiters.push(waiter);
    });
    try {
      // The first build is done when watch() resolves.
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ ok: true, result: { published: 1 } });

      const failed = next((outcome) => !outcome.ok);
      await writeFile(path.join(root, ARTICLE), '---\ntitle: Sans date\n---\n');
      await failed;
      const failure = outcomes.find((outcome) => !outcome.ok);
      expect(failure?.ok === false && failure.error instanceof SyndicError && failure.error.problems.some((p) => p.field === 'date')).toBe(true);

      const rebuilt = next((outcome) => outcome.ok && outcome.result.changed.length > 0);
      await writeFile(path.join(root, ARTICLE), (await readFile(path.join(SITE, ARTICLE), 'utf8')).replace('Armée asiatique', 'Armée d’Asie'));
      await rebuilt;
      expect(await readFile(path.join(root, 'dist/articles/2024/11/21/coree-du-nord-soldats-russie.html'), 'utf8')).toContain('Armée d’Asie');
    } finally {
      await watcher.close();
    }
  });
});
