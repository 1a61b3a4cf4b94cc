import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

/** A project of someone else's that depends on syndic, as `npm install ../syndic` would link it. */
async function consumer(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'syndic-consumer-'));
  await mkdir(path.join(dir, 'node_modules'));
  await symlink(ROOT, path.join(dir, 'node_modules/syndic'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await cp(path.join(ROOT, 'tests/fixtures/seed-site/input'), path.join(dir, 'site'), { recursive: true });
  return dir;
}

describe('public API', () => {
  it('exports build, check, generateSite, loadLanguageRegistry, probeMedia, serve, watch and SyndicError', () => {
    expect(Object.keys(api).sort()).toEqual(['SyndicError', 'build', 'check', 'generateSite', 'loadLanguageRegistry', 'probeMedia', 'serve', 'watch']);
  });

  it('is importable by package name from compiled ESM', async () => {
    const script = "const m = await import('syndic'); console.log(typeof m.build, typeof m.check, typeof m.SyndicError);";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(stdout.trim()).toBe('function function function');
  });

  it('builds and checks a site from a consumer project with real Node ESM', async () => {
    const dir = await consumer();
    await writeFile(
      path.join(dir, 'use.mjs'),
      `import { build, check, SyndicError } from 'syndic';
const checked = await check({ root: 'site' });
const built = await build({ root: 'site', now: new Date('2024-11-22T00:00:00Z') });
const failed = await build({ root: 'site', articlesDir: 'missing' }).catch((error) => error instanceof SyndicError && error.problems[0].format());
console.log(JSON.stringify({ problems: checked.problems.length, published: built.published, changed: built.changed.length, failed }));
`,
    );
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ problems: 0, published: 1, changed: 33, failed: 'missing: does not exist\n  hint: pass --articles DIR or create an articles/ folder' });
    expect(await readFile(path.join(dir, 'site/dist/rss.xml'), 'utf8')).toContain('<rss ');
  });

  it("type-checks a consumer's TypeScript against the published types", async () => {
    const dir = await consumer();
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: true, typeRoots: [path.join(ROOT, 'node_modules/@types')], types: ['node'] }, files: ['use.ts'] }),
    );
    const use = `import { build, check, SyndicError, type BuildOptions, type BuildResult, type CheckResult, type Article, type Site } from 'syndic';
const options: BuildOptions = { root: 'site', keepGoing: true, onProgress: (event) => console.log(event.phase, event.done, event.total) };
const result: BuildResult = await build(options);
const checked: CheckResult = await check({ root: 'site' });
const titles = (articles: Article[]): string[] => articles.map((article) => article.title);
const url = (site: Site): string => site.url;
console.log(result.changed, result.unchanged, checked.problems.map((p: SyndicError) => p.code), titles, url);
`;
    await writeFile(path.join(dir, 'use.ts'), use);
    await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir]);
    // The same file with a wrong type must fail, or the check above proves nothing.
    await writeFile(path.join(dir, 'use.ts'), use.replace("keepGoing: true", "keepGoing: 'yes'"));
    const failure = await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/use\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'boolean'/);
  });
});
