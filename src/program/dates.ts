// UTC calendar arithmetic on ISO strings. Pure: the clock is never read here; every date is passed in.
// A date-time is reduced to its UTC calendar date; a date-time without an offset is taken as UTC.
import type { IsoDate, IsoDateTime } from '../domain/types.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_NO_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+$/;
const MS_PER_DAY = 86_400_000;

interface Civil {
  year: number;
  month: number; // 1–12
  day: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format({ year, month, day }: Civil): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromEpochDay(epochDay: number): Civil {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function parse(d: IsoDate | IsoDateTime): Civil {
  const m = DATE_ONLY.exec(d) ?? DATE_TIME_NO_OFFSET.exec(d);
  if (m) {
    const civil = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > daysInMonth(civil.year, civil.month)) {
      throw new RangeError(`Invalid calendar date: ${d}`);
    }
    return civil;
  }
  const ms = Date.parse(d);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ISO date or date-time: ${d}`);
  return fromEpochDay(Math.floor(ms / MS_PER_DAY));
}

/** Days since 1970-01-01 of the UTC calendar date. */
export function epochDay(d: IsoDate | IsoDateTime): number {
  const { year, month, day } = parse(d);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The UTC calendar date part ('2017-01-31T23:30:00-02:00' is '2017-02-01'). */
export function toIsoDate(d: IsoDate | IsoDateTime): IsoDate {
  return format(parse(d));
}

export function addDays(d: IsoDate | IsoDateTime, days: number): IsoDate {
  return format(fromEpochDay(epochDay(d) + days));
}

/** Calendar months; a day that does not exist in the target month clamps to its last day (08-31 + 6 months = 02-28). */
export function addMonths(d: IsoDate | IsoDateTime, months: number): IsoDate {
  const { year, month, day } = parse(d);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate | IsoDateTime, to: IsoDate | IsoDateTime): number {
  return epochDay(to) - epochDay(from);
}

/** <0, 0 or >0 as calendar date `a` is before, on or after `b`. */
export function compareDates(a: IsoDate | IsoDateTime, b: IsoDate | IsoDateTime): number {
  return epochDay(a) - epochDay(b);
}
