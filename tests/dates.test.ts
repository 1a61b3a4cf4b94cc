import { describe, expect, it } from 'vitest';
import { calendarDay, isoInZone, parseDate } from '../src/dates.js';

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
