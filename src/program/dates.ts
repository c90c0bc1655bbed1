// UTC calendar arithmetic on ISO strings. Pure: the clock is never read here; every date is passed in.
// A date-time is reduced to its UTC calendar date; a date-time without an offset is taken as UTC.
import type { IsoDate, IsoDateTime } from '../domain/types.ts';

// A date, or a date-time without an offset (which Date.parse would read as local time).
const UTC_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?$/;
const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// Date's UTC methods do the proleptic Gregorian calendar for any year (setUTCFullYear, unlike
// Date.UTC, leaves years 0–99 alone); only UTC midnights are ever built, so no time zone enters.
function midnight(epochDay: number): Date {
  return new Date(epochDay * MS_PER_DAY);
}

function format(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function parse(d: IsoDate | IsoDateTime): number {
  const m = UTC_DATE.exec(d);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    const date = midnight(0);
    date.setUTCFullYear(year, month, day);
    // A month or day that does not exist rolls over (02-30 becomes 03-02): refuse it instead.
    if (date.getUTCMonth() !== month || date.getUTCDate() !== day) throw new RangeError(`Invalid calendar date: ${d}`);
    return date.getTime() / MS_PER_DAY;
  }
  const ms = Date.parse(d);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ISO date or date-time: ${d}`);
  return Math.floor(ms / MS_PER_DAY);
}

// The same few hundred dates come back again and again (an account's orders, the clock, rule-set
// dates): remembering results keeps parsing and Date objects off the hot path (the engine bench).
// Each memo is bounded so it cannot grow.
const MEMO_MAX = 4096;
const EPOCH_DAYS = new Map<string, number>();
const ISO_DATES = new Map<string, IsoDate>();
const MONTHS_ADDED = new Map<string, IsoDate>();

function remember<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/** Days since 1970-01-01 of the UTC calendar date. */
export function epochDay(d: IsoDate | IsoDateTime): number {
  return remember(EPOCH_DAYS, d, () => parse(d));
}

/** The UTC calendar date part ('2017-01-31T23:30:00-02:00' is '2017-02-01'). */
export function toIsoDate(d: IsoDate | IsoDateTime): IsoDate {
  return remember(ISO_DATES, d, () => format(midnight(epochDay(d))));
}

/** Whether `value` is a `YYYY-MM-DD` date that exists on the calendar (not 2017-02-30). */
export function isCalendarDate(value: string): value is IsoDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return toIsoDate(value) === value;
  } catch {
    return false;
  }
}

export function addDays(d: IsoDate | IsoDateTime, days: number): IsoDate {
  return format(midnight(epochDay(d) + days));
}

/** Calendar months; a day that does not exist in the target month clamps to its last day (08-31 + 6 months = 02-28). */
export function addMonths(d: IsoDate | IsoDateTime, months: number): IsoDate {
  return remember(MONTHS_ADDED, `${d}|${months}`, () => {
    const date = midnight(epochDay(d));
    const day = date.getUTCDate();
    date.setUTCMonth(date.getUTCMonth() + months);
    // The day overflowed into the month after the target one: day 0 of a month is the last of the one before.
    if (date.getUTCDate() !== day) date.setUTCDate(0);
    return format(date);
  });
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate | IsoDateTime, to: IsoDate | IsoDateTime): number {
  return epochDay(to) - epochDay(from);
}

/** <0, 0 or >0 as calendar date `a` is before, on or after `b`. */
export function compareDates(a: IsoDate | IsoDateTime, b: IsoDate | IsoDateTime): number {
  return epochDay(a) - epochDay(b);
}
