import { describe, expect, it } from 'vitest';
import { excerpt, render, sanitize } from '../src/render.js';
import { pagePath } from '../src/addresses/urls.js';
import { article, site } from './support/factories.js';

const PAGE = 'https://news.test.example/articles/story.html';

describe('render', () => {
  it('renders Markdown with marked and gives the entry its page URL', () => {
    const rendered = render(article({ markdown: '**Ukraine sous pression** : « citation »\n\n- un\n- deux\n' }), site());
    expect(rendered.url).toBe(PAGE);
    expect(rendered.html).toBe('<p><strong>Ukraine sous pression</strong> : « citation »</p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n');
  });

  it('puts pages where the permalink put them at parse time', () => {
    expect(pagePath({ page: 'articles/2024/11/21/a-b.html' })).toBe('articles/2024/11/21/a-b.html');
  });

  it('reads relative paths in the body from the articles folder, whatever the permalink; #frag and ?q from the page', () => {
    const deep = article({ page: 'articles/2024/11/21/story.html', markdown: '![a](a.png) [b](../b.html) [c](#c) [d](?page=2)\n' });
    expect(render(deep, site()).html).toBe(
      '<p><img src="https://news.test.example/articles/a.png" alt="a" /> <a href="https://news.test.example/b.html">b</a> <a href="https://news.test.example/articles/2024/11/21/story.html#c">c</a> <a href="https://news.test.example/articles/2024/11/21/story.html?page=2">d</a></p>\n',
    );
  });
});

describe('sanitize: URLs', () => {
  it.each([
    ['<a href="/a">x</a>', '<a href="https://news.test.example/a">x</a>'],
    ['<img src="a.png" alt="" />', '<img src="https://news.test.example/articles/a.png" alt="" />'],
    ['<a href="../b">x</a>', '<a href="https://news.test.example/b">x</a>'],
    ['<a href="#frag">x</a>', '<a href="https://news.test.example/articles/story.html#frag">x</a>'],
    ['<img src="//cdn.example/x.png" />', '<img src="https://cdn.example/x.png" />'],
    ['<a href="https://other.example/p?q=1&amp;r=2">x</a>', '<a href="https://other.example/p?q=1&amp;r=2">x</a>'],
    ['<a href="mailto:a@b.example">x</a>', '<a href="mailto:a@b.example">x</a>'],
  ])('%s becomes absolute', (input, expected) => {
    expect(sanitize(input, PAGE)).toBe(expected);
  });

  it('also resolves Markdown links and images', () => {
    expect(render(article({ markdown: '[x](other.html) ![i](i.png)' }), site()).html).toBe(
      '<p><a href="https://news.test.example/articles/other.html">x</a> <img src="https://news.test.example/articles/i.png" alt="i" /></p>\n',
    );
  });
});

describe('render: body references', () => {
  const links: Array<[string, string]> = [
    ['../images/carte du front.png', 'https://news.test.example/media/images/carte%20du%20front.png'],
    ['../images/x2.webp', 'https://news.test.example/media/images/x2.webp'],
    ['/docs/r.pdf#page=2', 'https://news.test.example/media/docs/r.pdf#page=2'],
    ['suite.md', 'https://news.test.example/articles/la-suite.html'],
  ];

  it('links the files and articles media.ts resolved, in Markdown, raw HTML and srcset alike', () => {
    const markdown = '![Carte](<../images/carte du front.png>) [PDF](/docs/r.pdf#page=2) [suite](suite.md)\n\n<img src="../images/carte%20du%20front.png" srcset="../images/x2.webp 2x, other.png 3x" alt="">\n';
    expect(render(article({ markdown }), site(), links).html).toBe(
      '<p><img src="https://news.test.example/media/images/carte%20du%20front.png" alt="Carte" /> <a href="https://news.test.example/media/docs/r.pdf#page=2">PDF</a> <a href="https://news.test.example/articles/la-suite.html">suite</a></p>\n' +
        '<img src="https://news.test.example/media/images/carte%20du%20front.png" srcset="https://news.test.example/media/images/x2.webp 2x, https://news.test.example/articles/other.png 3x" alt="" />\n',
    );
  });

  it('keeps srcset, now allowed, free of javascript: and data: candidates', () => {
    expect(sanitize('<img src="a.png" srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x, ok.png 3x">', PAGE)).toBe(
      '<img src="https://news.test.example/articles/a.png" srcset="https://news.test.example/articles/ok.png 3x" />',
    );
    expect(sanitize('<img srcset="javascript:alert(1)">', PAGE)).toBe('<img />');
  });

  it('leaves every other URL as before: against the page, or remote as written', () => {
    expect(render(article({ markdown: '[a](autre.html) ![b](https://cdn.example/b.png)' }), site(), links).html).toBe(
      '<p><a href="https://news.test.example/articles/autre.html">a</a> <img src="https://cdn.example/b.png" alt="b" /></p>\n',
    );
  });
});

describe('sanitize: dangerous HTML', () => {
  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)">ok</p>', '<p>ok</p>'],
    ['<img src="x.png" onerror="alert(1)" />', '<img src="https://news.test.example/articles/x.png" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<img src="data:image/png;base64,AAAA" />', '<img />'],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<style>body{display:none}</style><p>ok</p>', '<p>ok</p>'],
  ])('%s is defused', (input, expected) => {
    expect(sanitize(input, PAGE)).toBe(expected);
  });
});

describe('excerpt', () => {
  it('is the plain text of the body', () => {
    expect(excerpt('<p>Tom &amp; <strong>Jerry</strong> &lt;3</p>\n<ul><li>un</li></ul>')).toBe('Tom & Jerry <3 un');
  });

  it('stops at a word boundary near 280 characters', () => {
    const text = excerpt(`<p>${'mot '.repeat(200)}</p>`);
    expect(text.length).toBeLessThanOrEqual(281);
    expect(text).toMatch(/mot…$/);
  });

  it('falls back to the title for an empty body', () => {
    expect(render(article({ markdown: '' }), site()).excerpt).toBe('A story');
  });
});
