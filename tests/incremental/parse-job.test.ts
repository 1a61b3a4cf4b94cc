import { describe, expect, it } from 'vitest';
import { parseJob } from '../../src/incremental/parse-job.js';
import { site, source } from '../support/factories.js';

describe('parseJob', () => {
  it('renders ahead an article that could pass the HTML limit, so its failure is the article’s problem', () => {
    const text = `---\ntitle: Liens\ndate: 2024-11-21\n---\n\n[x]: https://example.org/${'a'.repeat(2_000)}\n\n${'[x] '.repeat(3_000)}\n`;
    const prepared = parseJob(source('articles/links.md', text), site());
    expect(prepared.ok ? [] : prepared.problems.map((p) => [p.file, p.line, p.message])).toEqual([['articles/links.md', 1, 'renders to more than 5 MB of HTML, more than feed readers accept']]);
  });

  it('leaves ordinary articles to be rendered with their page', () => {
    expect(parseJob(source('articles/a.md', '---\ntitle: T\ndate: 2024-11-21\n---\nBody\n'), site())).toMatchObject({ ok: true, article: { title: 'T' } });
  });
});
