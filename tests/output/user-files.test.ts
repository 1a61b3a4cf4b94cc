import { describe, expect, it } from 'vitest';
import { leftToUser } from '../../src/output/user-files.js';

describe('leftToUser', () => {
  const outputs = [
    { path: 'robots.txt', contents: 'generated' },
    { path: 'sitemap.xml', contents: 'generated' },
    { path: 'news-sitemap.xml', contents: 'generated' },
  ];

  it("drops what would replace a file in the output folder that the manifest does not list, with a warning naming it", () => {
    const result = leftToUser(outputs, new Set(['robots.txt', 'sitemap.xml']), new Set(['sitemap.xml']), 'dist');
    expect(result.outputs.map((output) => output.path)).toEqual(['sitemap.xml', 'news-sitemap.xml']);
    expect(result.notices.map((notice) => notice.format())).toEqual([
      expect.stringMatching(/^dist\/robots\.txt: was not written by Syndic \(\.syndic-manifest does not list it\), so it is left as it is/),
    ]);
    expect(result.notices[0]?.code).toBe('EXISTS');
    expect(result.notices[0]?.format()).toContain('static/robots.txt');
  });

  it('keeps everything when the folder holds only what Syndic wrote', () => {
    expect(leftToUser(outputs, new Set(['robots.txt']), new Set(['robots.txt']), 'dist')).toEqual({ outputs, notices: [] });
  });
});
