// Which relative body URLs are files or articles, where they point from the project root, and on which line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyReferences, isFileType, referenceKey, srcsetUrls } from '../../src/media/references.js';

const body = [
  '', // line 1: what the frontmatter lines become
  'Voici la carte ![Carte du front](../images/kyiv.png "Kyiv").',
  '',
  '<img src="../images/b&amp;w.jpg" srcset="../images/small.webp 1x, ../images/big.webp 2x" alt="">',
  '',
  'Le [rapport](/docs/rapport.pdf#page=2), l’[épisode](episodes/ep1.mp3), [la suite](suite.md#fin) et [un dossier][d].',
  '',
  '    ![dans du code](../images/code.png)',
  '',
  'En `![ligne](../images/inline.png)` aussi. Et <a href="../livres/guide.epub">le guide</a>.',
  '',
  '[d]: ../dossiers/ukraine.md',
  '',
  'Restent tels quels : [la page](autre.html), [un site](https://example.org/x.png), [ancre](#haut), ![](//cdn.example/y.png).',
].join('\n');

describe('bodyReferences', () => {
  const found = bodyReferences(body, 'articles/a.md');

  it('resolves each file and article against the article’s folder, or the project root for a leading /', () => {
    expect(found.map(({ kind, written, location, suffix }) => [kind, written, location, suffix])).toEqual([
      ['file', '../images/kyiv.png', 'images/kyiv.png', ''],
      ['file', '../images/b&w.jpg', 'images/b&w.jpg', ''],
      ['file', '../images/small.webp', 'images/small.webp', ''],
      ['file', '../images/big.webp', 'images/big.webp', ''],
      ['file', '/docs/rapport.pdf#page=2', 'docs/rapport.pdf', '#page=2'],
      ['file', 'episodes/ep1.mp3', 'articles/episodes/ep1.mp3', ''],
      ['article', 'suite.md#fin', 'articles/suite.md', '#fin'],
      ['article', '../dossiers/ukraine.md', 'dossiers/ukraine.md', ''],
      ['file', '../livres/guide.epub', 'livres/guide.epub', ''],
    ]);
  });

  it('gives the line each reference is written on, in the file, with field body', () => {
    expect(found.map((ref) => [ref.written, ref.line, ref.field, ref.file])).toEqual([
      ['../images/kyiv.png', 2, 'body', 'articles/a.md'],
      ['../images/b&w.jpg', 4, 'body', 'articles/a.md'],
      ['../images/small.webp', 4, 'body', 'articles/a.md'],
      ['../images/big.webp', 4, 'body', 'articles/a.md'],
      ['/docs/rapport.pdf#page=2', 6, 'body', 'articles/a.md'],
      ['episodes/ep1.mp3', 6, 'body', 'articles/a.md'],
      ['suite.md#fin', 6, 'body', 'articles/a.md'],
      // A reference-style link is reported at its definition.
      ['../dossiers/ukraine.md', 12, 'body', 'articles/a.md'],
      ['../livres/guide.epub', 10, 'body', 'articles/a.md'],
    ]);
  });

  it('keeps a path out of the project as it resolves, for the media step to refuse', () => {
    expect(bodyReferences('![x](../../etc/secret.png)', 'articles/a.md')[0]?.location).toBe('../etc/secret.png');
    expect(bodyReferences('![x](/../secret.png)', 'articles/a.md')[0]?.location).toBe('../secret.png');
  });

  it('finds nothing in a body of absolute links and pages', () => {
    expect(bodyReferences('[a](https://example.org/a.pdf), <img src="https://example.org/b.png"> and [Lire aussi](/articles/article-2.html).', 'articles/a.md')).toEqual([]);
  });

  it('finds names with parentheses or, between <>, spaces', () => {
    expect(bodyReferences('![a](photo(1).jpg) [b](<mon rapport.pdf>)', 'articles/a.md').map((ref) => ref.location)).toEqual(['articles/photo(1).jpg', 'articles/mon rapport.pdf']);
  });

  it('decodes percent-encoding, so the file on disk is found', () => {
    expect(bodyReferences('[r](mon%20rapport.pdf)', 'articles/a.md')[0]).toMatchObject({ written: 'mon rapport.pdf', location: 'articles/mon rapport.pdf' });
  });

  it('never throws, whatever the body', () => {
    fc.assert(fc.property(fc.string(), (text) => void bodyReferences(`![a](${text}) <img src="${text}">`, 'articles/a.md')), { numRuns: 300 });
  });
});

describe('the helpers', () => {
  it('counts images, audio, video, PDF and EPUB as files to copy, not HTML', () => {
    expect(['image/png', 'audio/mpeg', 'video/mp4', 'application/pdf', 'application/epub+zip'].every(isFileType)).toBe(true);
    expect([null, 'text/html', 'application/zip', 'text/plain'].some(isFileType)).toBe(false);
  });

  it('reads srcset candidates and decodes URLs leniently', () => {
    expect(srcsetUrls('a.png 1x,  b.png 2x, c%20d.png 480w')).toEqual(['a.png', 'b.png', 'c%20d.png']);
    expect(referenceKey(' %E2%82%AC.pdf ')).toBe('€.pdf');
    expect(referenceKey('%E2.pdf')).toBe('%E2.pdf');
  });
});
