// The demo's scenario, read from and written to the URL (docs/program.md §6), so a link reproduces it:
//   ?account=acc-conflict&partner=beta&clock=2017-01-15&latency=800&fail=0.2&lang=fr&theme=dark&records=portal
//   ?account=acc-protected&page=home   (the CRM's home page: the partner's book; the account is where Accounts goes back to)
import { PARTNERS, type DemoPartner } from './scenarios.ts';

/**
 * Where the panel's deals come from: the host CRM's records (the default), none (a vendor portal with
 * no CRM behind it: the panel reads the account by id), or CRM records with errors in them.
 */
export const RECORDS_MODES = ['crm', 'portal', 'invalid'] as const;
export type RecordsMode = (typeof RECORDS_MODES)[number];

/** The CRM page on screen: the account's record page (the default), or the home page with the partner's book. */
export const DEMO_PAGES = ['account', 'home'] as const;
export type DemoPage = (typeof DEMO_PAGES)[number];

export interface DemoParams {
  page: DemoPage;
  account: string;
  partner: DemoPartner;
  /** ISO date (or date-time): the mock's "today"; null keeps the mock's default clock. */
  clock: string | null;
  latency: number;
  fail: number;
  lang: 'en' | 'fr';
  theme: 'light' | 'dark';
  records: RecordsMode;
}

export const DEFAULT_ACCOUNT = 'acc-protected';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

function isPartner(value: string | null): value is DemoPartner {
  return value !== null && Object.hasOwn(PARTNERS, value);
}

function clampNumber(raw: string | null, min: number, max: number, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function readParams(search: string): DemoParams {
  const p = new URLSearchParams(search);
  const clock = p.get('clock');
  const partner = p.get('partner');
  return {
    page: DEMO_PAGES.find((page) => page === p.get('page')) ?? 'account',
    account: p.get('account')?.trim() || DEFAULT_ACCOUNT,
    partner: isPartner(partner) ? partner : 'alpha',
    clock: clock && ISO_DATE.test(clock) ? clock : null,
    latency: clampNumber(p.get('latency'), 0, 30000, 0),
    fail: clampNumber(p.get('fail'), 0, 1, 0),
    lang: p.get('lang') === 'fr' ? 'fr' : 'en',
    theme: p.get('theme') === 'dark' ? 'dark' : 'light',
    records: RECORDS_MODES.find((mode) => mode === p.get('records')) ?? 'crm',
  };
}

/** The URL query for a scenario; defaults are left out so links stay short. */
export function writeParams(params: DemoParams): string {
  const p = new URLSearchParams();
  p.set('account', params.account);
  if (params.page !== 'account') p.set('page', params.page);
  if (params.partner !== 'alpha') p.set('partner', params.partner);
  if (params.clock) p.set('clock', params.clock);
  if (params.latency > 0) p.set('latency', String(params.latency));
  if (params.fail > 0) p.set('fail', String(params.fail));
  if (params.lang !== 'en') p.set('lang', params.lang);
  if (params.theme !== 'light') p.set('theme', params.theme);
  if (params.records !== 'crm') p.set('records', params.records);
  return `?${p.toString()}`;
}

/** The mock's clock is a date-time; the URL may carry a calendar date (start of the business day, UTC). */
export function clockDateTime(clock: string): string {
  return clock.length === 10 ? `${clock}T09:00:00Z` : clock;
}

/** What `record-href` templates hold in place of the account id, as the URL spells it. */
const ACCOUNT_SLOT = '{accountId}';

/**
 * The book's `record-href` in the demo: the account's record page in the same scenario (partner,
 * clock, language, theme…), `{accountId}` left for the book to fill in.
 */
export function accountPageTemplate(params: DemoParams): string {
  return writeParams({ ...params, page: 'account', account: ACCOUNT_SLOT }).replace(
    encodeURIComponent(ACCOUNT_SLOT),
    ACCOUNT_SLOT,
  );
}
