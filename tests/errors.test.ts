import { describe, expect, it } from 'vitest';
import { describe as describeValue, quote, SyndicError } from '../src/errors.js';

describe('SyndicError.format', () => {
  it('quotes a file name that could forge a line of its own, or pass for file:line', () => {
    const forged = new SyndicError('INVALID_ARTICLE', 'is not a date', { file: 'articles/x.md:1: fake\nreal.md', line: 3, field: 'date' });
    expect(forged.format()).toBe('"articles/x.md:1: fake\\nreal.md":3: date: is not a date');
    expect(forged.format().split('\n')).toHaveLength(1);
    expect(new SyndicError('UNREADABLE', 'x', { file: 'articles/\u001b[31mred.md' }).format()).toBe('"articles/\\u001b[31mred.md": x');
  });

  it('leaves ordinary names, accents and spaces included, as they are', () => {
    expect(new SyndicError('INVALID_ARTICLE', 'x', { file: 'articles/Été 2024.md', line: 2 }).format()).toBe('articles/Été 2024.md:2: x');
  });

  it('keeps control characters in a message or hint from starting a line', () => {
    const problem = new SyndicError('INVALID_ARTICLE', 'bad\nother.md:1: forged', { file: 'a.md', hint: 'x\r\ny' });
    expect(problem.format()).toBe('a.md: bad\\nother.md:1: forged\n  hint: x\\r\\ny');
  });
});

describe('describe and quote', () => {
  it('say what a value is in a few words, whatever its size', () => {
    expect(describeValue(null)).toBe('an empty value');
    expect(describeValue([1, 2, 3])).toBe('a list of 3 items');
    expect(describeValue({ a: 1, b: 2 })).toBe('a map with the fields "a", "b"');
    expect(describeValue(5)).toBe('the number 5');
    expect(describeValue('x'.repeat(10_000_000)).length).toBeLessThan(100);
    expect(describeValue(Array(1_000_000).fill('x'))).toBe('a list of 1000000 items');
  });

  it('show invisible characters as escapes, and no password of a URL', () => {
    expect(quote('\u200b\u200e ')).toBe('"\\u200b\\u200e "');
    expect(describeValue('https://user:secret@example.org/')).toBe('the text "https://…@example.org/"');
  });
});
