import { describe, expect, it } from 'vitest';
import { directionOf, LABEL_LANGUAGES, labelsFor } from '../../src/emit/labels.js';
import { articlePage, indexPage } from '../../src/emit/pages.js';
import { entry, feedSpec, site } from '../support/factories.js';

describe('labels', () => {
  it('speaks at least the ten most used news languages, and Dutch', () => {
    for (const lang of ['en', 'es', 'fr', 'de', 'pt', 'it', 'ar', 'ru', 'ja', 'zh', 'nl']) expect(LABEL_LANGUAGES).toContain(lang);
  });

  it('picks the tag, then language and script, then the language, then English', () => {
    expect(labelsFor('de-AT').skip).toBe('Zum Inhalt springen');
    expect(labelsFor('zh-TW').tags).toBe('標籤');
    expect(labelsFor('zh-CN').tags).toBe('标签');
    expect(labelsFor('sw').skip).toBe('Skip to content');
  });

  it('has the listing pages’ words in every language it speaks, a page’s name holding its number', () => {
    expect(LABEL_LANGUAGES).toHaveLength(18);
    for (const lang of LABEL_LANGUAGES) {
      const labels = labelsFor(lang);
      for (const key of ['authors', 'browse', 'pages', 'newer', 'older', 'page'] as const) expect(labels[key], `${lang} ${key}`).toMatch(/\S/);
      expect(labels.page, lang).toContain('{n}');
      expect(labels.newer, lang).not.toBe(labels.older);
    }
    expect(labelsFor('ja').page).toBe('{n} ページ');
    // A language named like an object property gets English, not Object.prototype.
    expect(labelsFor('__proto__').older).toBe('Older articles');
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'he', 'fa', 'ur', 'dv', 'az-Arab'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'fr', 'ja', 'az'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('gives German and Arabic sites their own words, and Arabic pages dir="rtl"', () => {
    const german = indexPage([], site({ language: 'de' }), feedSpec([])).contents;
    expect(german).toContain('Zum Inhalt springen');
    expect(german).toContain('Abonnieren:');
    const arabic = articlePage(entry({ lang: 'ar' }), site({ language: 'ar' }), feedSpec([])).contents;
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('انتقل إلى المحتوى');
  });
});
