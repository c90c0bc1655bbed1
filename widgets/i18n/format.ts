// The one formatter module: money, dates, percentages and countdowns, always in the element's locale.
import { msg, str } from './localization.ts';
import type { IsoDate, IsoDateTime } from '../../src/domain/types.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const scales = new Map<string, number>();

/**
 * Amounts as a CRM shows them: `€160,000` / `160 000 €` when whole, `€1,234.50` / `1 234,50 €` with
 * cents. Whole means whole once rounded to the currency's minor unit (so 99.999 € is `€100`).
 */
export function formatMoney(value: number, currency: string, locale: string): string {
  const options: Intl.NumberFormatOptions = { style: 'currency', currency };
  const key = `${locale}|${currency}`;
  const exact = cached(`m|${key}`, () => new Intl.NumberFormat(locale, options));
  // resolvedOptions() builds a new object each call: the minor unit is read once per currency.
  let scale = scales.get(key);
  if (scale === undefined) scales.set(key, (scale = 10 ** (exact.resolvedOptions().maximumFractionDigits ?? 2)));
  if (Math.round(value * scale) % scale !== 0) return exact.format(value);
  return cached(
    `mw|${key}`,
    () => new Intl.NumberFormat(locale, { ...options, minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  ).format(value);
}

export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** `15` → `15%` / `15 %`. */
export function formatPercent(percent: number, locale: string): string {
  return cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(
    percent / 100,
  );
}

function toUtcDate(value: IsoDate | IsoDateTime): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/**
 * A calendar date (UTC calendar day, so `2017-02-01` is 1 Feb everywhere), its spaces non-breaking:
 * a date never breaks across lines.
 */
export function formatDate(value: IsoDate | IsoDateTime, locale: string): string {
  const date = toUtcDate(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }))
    .format(date)
    .replace(/ /g, '\u00a0');
}

export type ListType = 'conjunction' | 'disjunction';

/** `either A, B or C` in the locale's words. */
export function formatList(items: readonly string[], locale: string, type: ListType = 'conjunction'): string {
  return cached(`l|${locale}|${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}

/** Whether `count` takes the singular in the locale's plural rules (1 in English; 0 and 1 in French). */
function isOne(count: number, locale: string): boolean {
  return cached(`pr|${locale}`, () => new Intl.PluralRules(locale)).select(count) === 'one';
}

/** `5 days left` / `1 day left` / `5 jours restants`, chosen by the locale's plural rules. */
export function formatDaysLeft(days: number, locale: string): string {
  // Its last day: "0 days left" reads as if it had already ended.
  if (days === 0) return msg('last day');
  const n = formatNumber(days, locale);
  return isOne(days, locale) ? msg(str`${n} day left`) : msg(str`${n} days left`);
}

/** `1 opportunity` / `1,000 opportunities`. */
export function formatOpportunityCount(count: number, locale: string): string {
  const n = formatNumber(count, locale);
  return isOne(count, locale) ? msg(str`${n} opportunity`) : msg(str`${n} opportunities`);
}
