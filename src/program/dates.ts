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

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

// Civil date ↔ days since 1970-01-01 by arithmetic (H. Hinnant's algorithms): no Date objects,
// so the engine can evaluate a thousand opportunities in a few milliseconds.
function daysFromCivil({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
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

// The same few hundred dates come back again and again (an account's orders, the clock, rule-set
// dates); remembering results keeps parsing off the hot path. Each memo is bounded so it cannot grow.
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
  return remember(EPOCH_DAYS, d, () => daysFromCivil(parse(d)));
}

/** The UTC calendar date part ('2017-01-31T23:30:00-02:00' is '2017-02-01'). */
export function toIsoDate(d: IsoDate | IsoDateTime): IsoDate {
  return remember(ISO_DATES, d, () => format(fromEpochDay(epochDay(d))));
}

export function addDays(d: IsoDate | IsoDateTime, days: number): IsoDate {
  return format(fromEpochDay(epochDay(d) + days));
}

/** Calendar months; a day that does not exist in the target month clamps to its last day (08-31 + 6 months = 02-28). */
export function addMonths(d: IsoDate | IsoDateTime, months: number): IsoDate {
  return remember(MONTHS_ADDED, `${d}|${months}`, () => computeAddMonths(d, months));
}

function computeAddMonths(d: IsoDate | IsoDateTime, months: number): IsoDate {
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
