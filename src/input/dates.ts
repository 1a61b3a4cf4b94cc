import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { BoundedMap } from '../bounded-map.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Years Syndic accepts: four digits, as RFC 822 and RFC 3339 write them, and as readers parse them. */
export const YEARS = { first: 1000, last: 9999 } as const;

export type DateReading = { ok: true; date: Date } | { ok: false; reason: string; hint: string };

const FORMATS = 'use YYYY-MM-DD, or an RFC 3339 date-time such as 2024-11-21T09:30:00+01:00';
const RANGE = `use a year from ${YEARS.first} to ${YEARS.last}`;

/**
 * Reads a frontmatter date. Dates and date-times without an offset are wall-clock
 * time in `zone` (DST included); RFC 3339 date-times keep their own offset.
 * Anything else is refused with the reason, including impossible dates like 2024-02-30,
 * offsets past ±23:59 and years outside 1000–9999 (Date.UTC reads 0099 as 1999).
 */
export function readDate(value: string, zone: string): DateReading {
  const text = value.trim();
  const refuse = (reason: string, hint = FORMATS): DateReading => ({ ok: false, reason, hint });
  if (/^[+-]?\d{5,}-/.test(text)) return refuse(`is after the year ${YEARS.last}`, RANGE);
  if (/[+-]\d{2}:\d{2}:\d{2}$/.test(text) && /^\d{4}-\d{2}-\d{2}[Tt ]/.test(text)) {
    return refuse('has an offset with seconds, which RFC 3339 does not allow', 'round the offset to whole minutes (+00:18), or write the time in UTC with Z');
  }
  const local = DATE_ONLY.exec(text) ?? LOCAL_DATE_TIME.exec(text);
  const exact = local ? undefined : RFC3339.exec(text);
  const parts = local ?? exact;
  if (!parts) return refuse('is not a date');
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((index) => Number(parts[index] ?? 0)) as [number, number, number, number, number, number];
  if (year < YEARS.first) return refuse(`is before the year ${YEARS.first}`, RANGE);
  if (!isRealDate(year, month, day, hour, minute, second)) return refuse('is not a date');
  if (exact?.[9] !== undefined && (Number(exact[10]) > 23 || Number(exact[11]) > 59)) {
    return refuse(`has the offset ${exact[9]}${exact[10]}:${exact[11]}, out of range`, 'offsets run from -23:59 to +23:59, such as +01:00 or -05:00');
  }
  const date = local ? new Date(new TZDate(year, month - 1, day, hour, minute, second, zone).getTime()) : new Date(text.replace(' ', 'T'));
  const utcYear = date.getUTCFullYear();
  // Feeds write dates in UTC: 1000-01-01T00:00+01:00 is in the year 999 there.
  if (Number.isNaN(utcYear) || utcYear < YEARS.first || utcYear > YEARS.last) return refuse(`falls outside the years ${YEARS.first} to ${YEARS.last} in UTC`, RANGE);
  return { ok: true, date };
}

/** readDate() without the reason: the date, or undefined. */
export function parseDate(value: string, zone: string): Date | undefined {
  const reading = readDate(value, zone);
  return reading.ok ? reading.date : undefined;
}

function isRealDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

// Per zone, as the site has one zone; bounded as `serve` and tests vary it.
const dayFormats = new BoundedMap<string, Intl.DateTimeFormat>(100);

/**
 * `YYYY-MM-DD` of `date` as seen in `zone`. Every article asks it twice (permalink, default id):
 * a TZDate per call (tzOffset) cost 0.43 s of a 10,000-article cold build, a cached Intl
 * formatter a tenth of that.
 */
export function calendarDay(date: Date, zone: string): string {
  let formatter = dayFormats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, formatter);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(date)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  // Intl writes the years outside 1000–9999 differently (no padding, eras): date-fns's form.
  if (year.length !== 4) return format(new TZDate(date.getTime(), zone), 'yyyy-MM-dd');
  return `${year}-${month}-${day}`;
}

const offsetFormats = new BoundedMap<string, Intl.DateTimeFormat>(100);

/**
 * RFC 3339 in `zone`'s offset, e.g. `2024-11-21T00:00:00+01:00`, for `<time datetime>`.
 * A cached Intl formatter: date-fns with TZDate took a third of an index page of 3,000 entries.
 */
export function isoInZone(date: Date, zone: string): string {
  let formatter = offsetFormats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' });
    offsetFormats.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : (parts.timeZoneName ?? '').replace('GMT', '');
  // Before standard time, zones had local mean time offsets with seconds (Amsterdam +00:19:32),
  // which RFC 3339 cannot write: the same instant in UTC instead.
  if (offset.length > 6) return `${date.toISOString().slice(0, 19)}Z`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
