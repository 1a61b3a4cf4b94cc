// The shape of src/: no import cycles, and no module imports a layer above its own except
// through `import type` (erased when compiled). dpdm's `transform` compiles each file first,
// so type-only imports are not edges; dynamic imports are.
import { readdirSync } from 'node:fs';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

// Bottom to top: the stages and what they need, the incremental machinery, the pipelines that
// run the stages, the tools for people (preview server, authoring), the CLI, the package's entry.
const LAYERS: Array<[RegExp, string]> = [
  [/^src\/index\.ts$/, 'entry'],
  [/^src\/cli\//, 'cli'],
  [/^src\/(dev|authoring)\//, 'tools'],
  [/^src\/(build|check|generate|pipeline|write-site)\.ts$/, 'pipeline'],
  [/^src\/incremental\//, 'incremental'],
  [/^src\//, 'stages'],
];
const ORDER = ['stages', 'incremental', 'pipeline', 'tools', 'cli', 'entry'];
const layer = (file: string): string => LAYERS.find(([pattern]) => pattern.test(file))?.[1] ?? 'outside';

const ENTRIES = ['src/index.ts', 'src/cli/cli.ts', 'src/incremental/parse-worker.ts'];
const OPTIONS = { context: process.cwd(), tsconfig: 'tsconfig.json', skipDynamicImports: false };
const tree = await parseDependencyTree(ENTRIES, { ...OPTIONS, transform: true });
// With the type imports too, for reachability: modules of types only (model.ts) have no value edges.
const typed = await parseDependencyTree(ENTRIES, { ...OPTIONS, transform: false });
const edges = Object.entries(tree).flatMap(([file, dependencies]) =>
  file.startsWith('src/') ? (dependencies ?? []).filter((dependency) => dependency.id?.startsWith('src/')).map((dependency) => ({ from: file, to: dependency.id as string })) : [],
);

describe('src/ layout', () => {
  it('reaches every module of src/ from the entry points, so the rules below see them all', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => `src/${name}`);
    expect(files.filter((file) => !(file in typed))).toEqual([]);
    expect(edges.length).toBeGreaterThan(200);
  });

  it('has no import cycles', () => {
    expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('imports no layer above a module’s own except through types', () => {
    const upward = edges.filter(({ from, to }) => ORDER.indexOf(layer(to)) > ORDER.indexOf(layer(from)));
    expect(upward.map(({ from, to }) => `${from} (${layer(from)}) → ${to} (${layer(to)})`)).toEqual([]);
  });
});
