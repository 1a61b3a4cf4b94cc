import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../src/bounded-map.js';

describe('BoundedMap', () => {
  it('never holds more than its bound, and always holds the last key set', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.string())), (max, writes) => {
        const map = new BoundedMap<number, string>(max);
        for (const [key, value] of writes) {
          map.set(key, value);
          expect(map.size).toBeLessThanOrEqual(max);
          expect(map.get(key)).toBe(value);
        }
      }),
    );
  });

  it('keeps every entry up to its bound, and overwriting a key never clears it', () => {
    const map = new BoundedMap<string, number>(3);
    map.set('a', 1).set('b', 2).set('c', 3).set('c', 4);
    expect([...map]).toEqual([['a', 1], ['b', 2], ['c', 4]]);
    map.set('d', 5);
    expect([...map]).toEqual([['d', 5]]);
  });
});
