import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { calendarDay, isoInZone, parseDate, readDate } from '../../src/input/dates.js';

describe('parseDate', () => {
  it.each([
    ['2024-11-21', 'Europe/Brussels', '2024-11-20T23:00:00.000Z'],
    ['2024-07-21', 'Europe/Brussels', '2024-07-20T22:00:00.000Z'],
    // 31 March 2024: Brussels moves from +01:00 to +02:00 at 02:00.
    ['2024-03-31T01:30', 'Europe/Brussels', '2024-03-31T00:30:00.000Z'],
    ['2024-03-31T03:30', 'Europe/Brussels', '2024-03-31T01:30:00.000Z'],
    ['2024-11-21T09:30:00+01:00', 'UTC', '2024-11-21T08:30:00.000Z'],
    ['2024-11-21T09:30:00.250Z', 'Europe/Brussels', '2024-11-21T09:30:00.250Z'],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00.000Z'],
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(parseDate(text, zone)?.toISOString()).toBe(iso);
  });

  it.each(['21/11/2024', '2024-02-30', '2023-02-29', '2024-13-01', '2024-11-21T24:00', '2024-11-21T10:00:00+0100', 'yesterday', ''])('rejects %j', (text) => {
    expect(parseDate(text, 'UTC')).toBeUndefined();
  });
});

describe('calendarDay and isoInZone', () => {
  const instant = new Date('2024-11-20T23:00:00Z');
  it('see the day as the zone sees it', () => {
    expect(calendarDay(instant, 'Europe/Brussels')).toBe('2024-11-21');
    expect(calendarDay(instant, 'UTC')).toBe('2024-11-20');
    expect(isoInZone(instant, 'Europe/Brussels')).toBe('2024-11-21T00:00:00+01:00');
  });
});

describe('isoInZone with unusual offsets', () => {
  it.each([
    ['2024-07-01T12:00:00Z', 'UTC', '2024-07-01T12:00:00+00:00'],
    ['2024-07-01T12:00:00Z', 'Asia/Kathmandu', '2024-07-01T17:45:00+05:45'],
    ['2024-07-01T12:00:00Z', 'America/St_Johns', '2024-07-01T09:30:00-02:30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(isoInZone(new Date(instant), zone)).toBe(expected);
  });
});

describe('readDate: dates far from today', () => {
  it.each([
    ['2024-11-21T09:30:00+25:00', 'has the offset +25:00, out of range'],
    ['2024-11-21T09:30:00-24:00', 'has the offset -24:00, out of range'],
    ['2024-11-21T09:30:00+01:60', 'has the offset +01:60, out of range'],
    // Date.UTC reads the years 0-99 as 1900-1999: 0099 must not become 1999.
    ['0099-01-01', 'is before the year 1000'],
    ['0999-12-31T23:00:00Z', 'is before the year 1000'],
    ['10000-01-01', 'is after the year 9999'],
    ['+012024-01-01', 'is after the year 9999'],
    // In UTC, where feeds write it, this is 999-12-31T23:00Z.
    ['1000-01-01T00:00:00+01:00', 'falls outside the years 1000 to 9999 in UTC'],
    ['9999-12-31T23:30:00-01:00', 'falls outside the years 1000 to 9999 in UTC'],
    ['1900-01-01T00:00:00+00:17:30', 'has an offset with seconds, which RFC 3339 does not allow'],
  ])('refuses %s: %s', (text, reason) => {
    const reading = readDate(text, 'UTC');
    expect(reading.ok ? 'accepted' : reading.reason).toBe(reason);
  });

  it.each([
    ['1000-01-01', '1000-01-01T00:00:00.000Z'],
    ['1000-01-01T00:00:00Z', '1000-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
    ['1789-07-14T10:00:00+23:59', '1789-07-13T10:01:00.000Z'],
  ])('accepts %s', (text, iso) => {
    const reading = readDate(text, 'UTC');
    expect(reading.ok && reading.date.toISOString()).toBe(iso);
  });

  it('writes an instant whose zone offset had seconds (local mean time) in UTC, which RFC 3339 can say', () => {
    // Brussels kept +00:17:30 until 1892, Dublin -00:25:21 until 1916.
    expect(isoInZone(new Date('1880-01-01T12:00:00Z'), 'Europe/Brussels')).toBe('1880-01-01T12:00:00Z');
    expect(isoInZone(new Date('1900-01-01T12:00:00Z'), 'Europe/Dublin')).toBe('1900-01-01T12:00:00Z');
    expect(isoInZone(new Date('1990-06-01T12:00:00Z'), 'Europe/Brussels')).toBe('1990-06-01T14:00:00+02:00');
  });
});

describe('calendarDay from a cached formatter', () => {
  const zones = ['UTC', 'Europe/Brussels', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Amsterdam'];
  // The earlier form, a TZDate per call through date-fns: same day, for every instant and zone.
  const reference = (date: Date, zone: string): string => format(new TZDate(date.getTime(), zone), 'yyyy-MM-dd');

  it('agrees with date-fns and TZDate on any instant from the year 1000 to 9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (date, zone) => {
        expect(calendarDay(date, zone)).toBe(reference(date, zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees at the edges of a day and across DST changes', () => {
    for (const iso of ['2024-03-31T00:59:59Z', '2024-03-31T01:00:00Z', '2024-10-26T22:00:00Z', '2024-12-31T23:00:00Z', '1000-01-01T12:00:00Z', '9999-12-31T12:00:00Z']) {
      for (const zone of zones) expect(calendarDay(new Date(iso), zone)).toBe(reference(new Date(iso), zone));
    }
  });
});
