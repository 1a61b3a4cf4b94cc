import { describe, expect, it } from 'vitest';
import { dateLocale, longDate } from '../../src/emit/date-locale.js';
import { articlePage, indexPage, linkFrom } from '../../src/emit/pages.js';
import { entry, feedSpec, site } from '../support/factories.js';
import { validateHtml } from '../support/html.js';
import { withoutJsonLd } from '../support/json-ld.js';

/** Checks every page must pass, whatever it shows. */
function expectAccessible(html: string, lang: string, dir = 'ltr'): void {
  expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}" dir="${dir}">`));
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  // Landmarks, and a skip link to the main one as the first focusable element.
  expect(html).toMatch(/<body>\n<a class="skip" href="#main"( lang="[^"]+")?>/);
  expect(html).toContain('<main id="main">');
  for (const landmark of ['<header', '<footer', '<nav']) expect(html).toContain(landmark);
  // Focus stays visible; a dark scheme exists; no script of any kind.
  expect(html).toMatch(/:focus-visible\{outline:/);
  expect(html).toContain('@media (prefers-color-scheme:dark)');
  // Data for search engines (json-ld.ts) is the one <script>, and it runs nothing.
  expect(withoutJsonLd(html)).not.toMatch(/<script|\son\w+=|javascript:/i);
  for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/\salt="/);
  for (const time of html.match(/<time\b[^>]*>/g) ?? []) expect(time).toMatch(/datetime="(?:\d{4}-\d{2}-\d{2}T|PT\d)/);
}

describe('articlePage', () => {
  const story = entry({
    title: 'Tom & <Jerry>',
    summary: 'Résumé "court"',
    tags: ['Russie', 'Politique étrangère'],
    html: '<p>Corps <img src="https://news.test.example/a.jpg" alt="Une carte"></p>\n',
  });
  const page = articlePage(story, site({ copyright: '© 2024 Test' }), feedSpec([story])).contents;

  it('lives where the feed links point', () => {
    expect(articlePage(story, site(), feedSpec([story])).path).toBe('articles/story.html');
  });

  it('is accessible and free of JavaScript', () => {
    expectAccessible(page, 'fr');
  });

  it('escapes the title and carries the summary as description', () => {
    expect(page).toContain('<h1>Tom &amp; &lt;Jerry&gt;</h1>');
    expect(page).toContain('<title>Tom &amp; &lt;Jerry&gt; · Test News</title>');
    expect(page).toContain('<meta name="description" content="Résumé &quot;court&quot;">');
  });

  it('advertises all three feeds for autodiscovery, with absolute URLs', () => {
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="Test News (RSS)" href="https://news.test.example/rss.xml">');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Test News (Atom)" href="https://news.test.example/atom.xml">');
    expect(page).toContain('<link rel="alternate" type="application/feed+json" title="Test News (JSON Feed)" href="https://news.test.example/feed.json">');
    expect(page).toContain('<link rel="canonical" href="https://news.test.example/articles/story.html">');
  });

  it('shows the author and a date localised in the site zone', () => {
    expect(page).toContain('<p class="meta">Par Peter van Halteren · <time datetime="2024-11-21T00:00:00+01:00">21 novembre 2024</time></p>');
    expect(page).toContain('<p>Corps <img src="https://news.test.example/a.jpg" alt="Une carte"></p>');
  });

  it('links each tag and author to its page where it has one, relative to the page, and advertises its feeds after the site\'s', () => {
    const groupFeed = (dir: string, title: string) => feedSpec([], { dir, title, homeUrl: `https://news.test.example/${dir}`, urls: { rss: `https://news.test.example/${dir}rss.xml`, atom: `https://news.test.example/${dir}atom.xml`, json: `https://news.test.example/${dir}feed.json` } });
    const groups = new Map([
      ['tags/russie/', groupFeed('tags/russie/', 'Russie · Test News')],
      ['authors/peter-van-halteren/', groupFeed('authors/peter-van-halteren/', 'Peter van Halteren · Test News')],
    ]);
    const linked = articlePage(story, site(), feedSpec([story]), groups).contents;
    expect(linked).toContain('<li><a href="../tags/russie/" rel="tag">Russie</a></li>');
    // A tag with no page (groups off, or fewer than minArticles) is named, not linked.
    expect(linked).toContain('<li>Politique étrangère</li>');
    expect(linked).toContain('Par <a href="../authors/peter-van-halteren/" rel="author">Peter van Halteren</a>');
    const alternates = [...linked.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="([^"]+)"/g)].map((match) => match[1]);
    expect(alternates).toEqual(['Test News (Atom)', 'Russie · Test News (Atom)', 'Peter van Halteren · Test News (Atom)']);
    expect(page).toContain('<li>Russie</li>');
  });

  it('links home and to the feeds relative to the page, and shows the copyright', () => {
    expect(page).toContain('<a href="../" rel="home">Test News</a>');
    expect(page).toContain('<a href="../rss.xml" type="application/rss+xml">RSS</a>');
    expect(page).toContain('<a href="../feed.json" type="application/feed+json">JSON Feed</a>');
    expect(page).toContain('<p>© 2024 Test</p>');
  });

  it('keeps the site’s language on <html> and the chrome, and gives <article> the article’s', () => {
    const english = articlePage(entry({ lang: 'en-GB' }), site(), feedSpec([])).contents;
    expectAccessible(english, 'fr');
    expect(english).toContain('<a class="skip" href="#main">Aller au contenu</a>');
    expect(english).toContain('<article lang="en-GB" dir="ltr">');
    expect(english).toContain('By Peter van Halteren · <time datetime="2024-11-21T00:00:00+01:00">21 November 2024</time>');
    expect(english).toContain('S’abonner');
  });

  it('writes a right-to-left article as dir="rtl" inside a left-to-right site, and the reverse', () => {
    for (const lang of ['ar', 'he', 'fa-IR', 'ur']) {
      expect(articlePage(entry({ lang }), site(), feedSpec([])).contents).toContain(`<article lang="${lang}" dir="rtl">`);
    }
    const arabicSite = articlePage(entry({ lang: 'fr' }), site({ language: 'ar' }), feedSpec([])).contents;
    expectAccessible(arabicSite, 'ar', 'rtl');
    expect(arabicSite).toContain('<article lang="fr" dir="ltr">');
  });

  it('shows the lead image as a figure with its alt text, size, caption and credit', () => {
    const image = { url: 'https://news.test.example/media/images/kyiv.jpg', type: 'image/jpeg', width: 64, height: 48, alt: 'Vue de Kyiv', caption: 'Kyiv & ses ponts', credit: '<AFP>' };
    const shown = articlePage(entry({ assets: { image } }), site(), feedSpec([])).contents;
    expect(shown).toContain(
      '<figure class="lead">\n<img src="../media/images/kyiv.jpg" alt="Vue de Kyiv" width="64" height="48">\n<figcaption>Kyiv &amp; ses ponts <span class="credit">Crédit\u00a0: &lt;AFP&gt;</span></figcaption>\n</figure>',
    );
    expectAccessible(shown, 'fr');
    const bare = articlePage(entry({ assets: { image: { url: 'https://cdn.example/a.png' } } }), site(), feedSpec([])).contents;
    expect(bare).toContain('<figure class="lead">\n<img src="https://cdn.example/a.png" alt="">\n</figure>');
  });

  it('gives an episode a player that loads nothing until asked, its duration, a download link and the transcript', () => {
    const assets = {
      enclosure: { url: 'https://news.test.example/media/episodes/ep1.mp3', type: 'audio/mpeg', length: 1251 },
      transcript: { url: 'https://news.test.example/media/episodes/ep1.vtt', type: 'text/vtt' },
    };
    const shown = articlePage(entry({ assets, episode: { duration: 754 } }), site(), feedSpec([])).contents;
    expect(shown).toContain(
      [
        '<section class="episode" aria-label="Épisode">',
        '<audio controls preload="none"><source src="../media/episodes/ep1.mp3" type="audio/mpeg"></audio>',
        '<p><time datetime="PT12M34S">12:34</time> · <a href="../media/episodes/ep1.mp3" type="audio/mpeg" download>Télécharger (MP3)</a> · <a href="../media/episodes/ep1.vtt" type="text/vtt">Transcription</a></p>',
        '</section>',
      ].join('\n'),
    );
    expectAccessible(shown, 'fr');
    const video = articlePage(entry({ lang: 'en', assets: { enclosure: { url: 'https://cdn.example/clip.mp4', type: 'video/mp4' } }, episode: { duration: 3723 } }), site(), feedSpec([])).contents;
    expect(video).toContain('<video controls preload="none"><source src="https://cdn.example/clip.mp4" type="video/mp4"></video>');
    expect(video).toContain('<time datetime="PT1H2M3S">1:02:03</time> · <a href="https://cdn.example/clip.mp4" type="video/mp4" download>Download (MP4)</a>');
    const pdf = articlePage(entry({ assets: { enclosure: { url: 'https://cdn.example/r.pdf', type: 'application/pdf' } } }), site(), feedSpec([])).contents;
    expect(pdf).not.toMatch(/<audio|<video/);
    expect(pdf).toContain('<a href="https://cdn.example/r.pdf" type="application/pdf" download>Télécharger (PDF)</a>');
  });

  it('is valid HTML, with an image, an episode, tags and a right-to-left article', async () => {
    const assets = { image: { url: 'https://news.test.example/a.jpg', alt: 'A', width: 4, height: 3 }, enclosure: { url: 'https://news.test.example/e.mp3', type: 'audio/mpeg' } };
    for (const shown of [page, articlePage(entry({ lang: 'ar', tags: ['X'], assets, episode: { duration: 60 } }), site(), feedSpec([])).contents]) expect(await validateHtml(shown)).toEqual([]);
  });

  it('leaves out the tag list when there are no tags', () => {
    expect(articlePage(entry({ tags: [] }), site(), feedSpec([])).contents).not.toContain('rel="tag"');
  });
});

describe('indexPage', () => {
  const entries = [entry({ slug: 'new', title: 'New' }), entry({ slug: 'old', title: 'Old', lang: 'de' })];
  const html = indexPage(entries, site(), feedSpec(entries)).contents;

  it('is accessible and free of JavaScript', () => {
    expectAccessible(html, 'fr');
    expect(html).toContain('<h1>Test News</h1>');
  });

  it('lists entries in the order given, linking to their pages relatively', () => {
    expect(html.indexOf('href="articles/new.html"')).toBeLessThan(html.indexOf('href="articles/old.html"'));
    expect(html).toContain('<a href="rss.xml" type="application/rss+xml">RSS</a>');
  });

  it('dates each entry in its own language, and marks that language', () => {
    expect(html).toContain('<li lang="de"><a href="articles/old.html">Old</a><br><time datetime="2024-11-21T00:00:00+01:00">21. November 2024</time></li>');
  });
});

describe('linkFrom', () => {
  const here = site({ url: 'https://example.org/news/' });
  it.each([
    ['index.html', 'https://example.org/news/', './'],
    ['index.html', 'https://example.org/news/articles/a.html', 'articles/a.html'],
    ['articles/a.html', 'https://example.org/news/', '../'],
    ['articles/a.html', 'https://example.org/news/tags/x/', '../tags/x/'],
    ['tags/x/index.html', 'https://example.org/news/rss.xml', '../../rss.xml'],
    ['articles/a.html', 'https://elsewhere.example/x', 'https://elsewhere.example/x'],
    ['articles/a.html', 'https://example.org/other/', 'https://example.org/other/'],
  ])('from %s to %s is %s', (from, url, expected) => {
    expect(linkFrom(from, url, here)).toBe(expected);
  });
});

describe('longDate', () => {
  const date = new Date('2024-11-20T23:30:00Z');
  it.each([
    ['fr', '21 novembre 2024'],
    ['fr-CA', '21 novembre 2024'],
    ['en-GB', '21 November 2024'],
    ['en', 'November 21st, 2024'],
    ['de-AT', '21. November 2024'],
    ['nl-BE', '21 november 2024'],
    ['zh', '2024年11月21日'],
  ])('writes the Brussels day in %s as %s', (lang, expected) => {
    expect(longDate(date, lang, 'Europe/Brussels')).toBe(expected);
  });

  it('falls back to the language, then to English, for tags date-fns lacks', () => {
    expect(dateLocale('fr-BE').code).toBe('fr');
    expect(dateLocale('tlh').code).toBe('en-US');
    expect(dateLocale('../../etc').code).toBe('en-US');
  });
});
