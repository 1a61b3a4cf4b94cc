// The build cache must not outlive what can change output bytes without a source changing.
import { describe, expect, it } from 'vitest';
import { buildKey, runtimeEnvironment } from '../../src/incremental/key.js';
import { projectPaths } from '../../src/paths.js';

describe('the build cache key', () => {
  const paths = projectPaths({ root: '/tmp/site' });
  const environment = runtimeEnvironment();

  it('names the installed versions of the dependencies and the ICU version', () => {
    expect(environment.dependencies.marked).toMatch(/^\d+\.\d+\.\d+/);
    expect(environment.dependencies['sanitize-html']).toMatch(/^\d+\.\d+\.\d+/);
    expect(environment.icu).toBe(process.versions.icu);
  });

  it('changes with a dependency version, the ICU version or Syndic’s version', () => {
    const key = buildKey(paths, {}, environment);
    expect(buildKey(paths, {}, environment)).toBe(key);
    expect(buildKey(paths, {}, { ...environment, dependencies: { ...environment.dependencies, marked: '99.0.0' } })).not.toBe(key);
    expect(buildKey(paths, {}, { ...environment, icu: '1.0' })).not.toBe(key);
    expect(buildKey(paths, {}, { ...environment, syndic: '9.9.9' })).not.toBe(key);
  });
});
