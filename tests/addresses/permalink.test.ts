import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMALINK, permalinkPath, permalinkProblem } from '../../src/addresses/permalink.js';

describe('permalinkPath', () => {
  // 23:30 UTC on the 20th is already the 21st in Brussels: the day is the site's.
  const date = new Date('2024-11-20T23:30:00Z');

  it('fills the tokens with the day in the site time zone', () => {
    expect(permalinkPath(DEFAULT_PERMALINK, 'le-brief', date, 'Europe/Brussels')).toBe('articles/2024/11/21/le-brief.html');
    expect(permalinkPath(DEFAULT_PERMALINK, 'le-brief', date, 'UTC')).toBe('articles/2024/11/20/le-brief.html');
  });

  it('keeps 0.2.0 addresses with articles/:slug.html, and makes folders of a trailing /', () => {
    expect(permalinkPath('articles/:slug.html', 'le-brief', date, 'UTC')).toBe('articles/le-brief.html');
    expect(permalinkPath('articles/:year/:slug/', 'le-brief', date, 'UTC')).toBe('articles/2024/le-brief/index.html');
  });
});

describe('permalinkProblem', () => {
  it.each([
    ['articles/:slug.html', undefined],
    [DEFAULT_PERMALINK, undefined],
    [':year/:slug.html', 'must start with articles/'],
    ['articles/:year.html', 'must contain :slug'],
    ['articles/:slug', 'must end with .html'],
    ['articles/:hour/:slug.html', 'unknown token :hour'],
    ['articles/../:slug.html', 'may hold only'],
  ])('%s', (pattern, problem) => {
    if (problem === undefined) expect(permalinkProblem(pattern)).toBeUndefined();
    else expect(permalinkProblem(pattern)).toContain(problem);
  });
});
