// The host CRM's side of the demo, DOM-free: the records it owns for the account on screen, the
// opportunity "New opportunity" adds to them, and each deal's registration status as the panel's
// events tell it. The host never changes a records object it handed to the panel: every change
// here returns a new one.
import type { CrmOpportunity, CrmOpportunityLine, CrmRecords } from '../src/domain/crm.ts';
import type { OpportunityState, RegistrationStatus } from '../src/domain/status.ts';
import type { IsoDate, Registration } from '../src/domain/types.ts';
import { addMonths, toIsoDate } from '../src/program/dates.ts';
import type { CrmRecordProblem } from '../src/schemas/crm-records.ts';
import type { DealRegDealStatesDetail } from '../widgets/events/events.ts';

/** A product of the demo catalogue the host's form offers (the mock's named products). */
export interface DemoProduct {
  sku: string;
  family: string;
  description: string;
}

/** The currencies the host's form offers. */
export const DRAFT_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'] as const;

/** What the rep typed in "New opportunity", as the form's fields hold it (text). */
export interface OpportunityDraft {
  name: string;
  amount: string;
  currency: string;
  closeDate: string;
  /** Quantity typed per SKU; empty or 0 leaves the product out. */
  quantities: Readonly<Record<string, string>>;
}

export type DraftField = 'name' | 'amount' | 'currency' | 'closeDate' | 'lines';

export type DraftReading = { ok: true; opportunity: Omit<CrmOpportunity, 'id'> } | { ok: false; invalid: DraftField[] };

/** The stage a deal the rep just created is at, as a Salesforce org names it. */
export const NEW_OPPORTUNITY_STAGE = 'Prospecting';

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    return toIsoDate(text) === text;
  } catch {
    return false;
  }
}

/**
 * The opportunity a draft describes, or the fields that are wrong: a name, an amount ≥ 0, one of the
 * offered currencies, a calendar date, and at least one product with a whole quantity ≥ 1 (a
 * quantity that is not one names the lines too). Lines follow the catalogue's order, with its family.
 */
export function readDraft(draft: OpportunityDraft, catalogue: readonly DemoProduct[]): DraftReading {
  const invalid: DraftField[] = [];
  const name = draft.name.trim();
  if (name === '') invalid.push('name');
  const amount = draft.amount.trim() === '' ? Number.NaN : Number(draft.amount);
  if (!Number.isFinite(amount) || amount < 0) invalid.push('amount');
  if (!(DRAFT_CURRENCIES as readonly string[]).includes(draft.currency)) invalid.push('currency');
  if (!isCalendarDate(draft.closeDate)) invalid.push('closeDate');
  const lines: CrmOpportunityLine[] = [];
  let badQuantity = false;
  for (const product of catalogue) {
    const typed = (draft.quantities[product.sku] ?? '').trim();
    if (typed === '' || Number(typed) === 0) continue;
    const quantity = Number(typed);
    if (!Number.isInteger(quantity) || quantity < 1) badQuantity = true;
    else lines.push({ sku: product.sku, family: product.family, quantity, description: product.description });
  }
  if (badQuantity || lines.length === 0) invalid.push('lines');
  if (invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    opportunity: {
      name,
      amount: { value: amount, currency: draft.currency },
      closeDate: draft.closeDate,
      stage: NEW_OPPORTUNITY_STAGE,
      lines,
    },
  };
}

/** The close date the form proposes: two months from today. */
export function defaultCloseDate(today: string): IsoDate {
  return addMonths(toIsoDate(today), 2);
}

/** A CRM id for a new deal (Salesforce-like, `006…`, 15 characters) that no record holds yet. */
export function nextOpportunityId(records: CrmRecords): string {
  const taken = new Set(records.opportunities.map((o) => o.id));
  for (let n = 1; ; n += 1) {
    const id = `006DEMO${String(n).padStart(8, '0')}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The records with one more opportunity, first in the list as a CRM lists what was just created. A
 * new object (account and list included): the one the panel holds is left as it was.
 */
export function addOpportunity(
  records: CrmRecords,
  opportunity: Omit<CrmOpportunity, 'id'>,
): { records: CrmRecords; id: string } {
  const id = nextOpportunityId(records);
  return {
    id,
    records: { account: { ...records.account }, opportunities: [{ ...opportunity, id }, ...records.opportunities] },
  };
}

/** Changes one digit of a SIREN: its check digit no longer holds (a Luhn check catches any one-digit change). */
function breakCheckDigit(siren: string): string {
  const last = Number(siren.at(-1));
  return `${siren.slice(0, -1)}${(last + 1) % 10}`;
}

/**
 * The "invalid records" scenario: a CRM whose account SIREN has a wrong check digit, whose import
 * made one deal twice (the same id on both), and one of whose deals has a close date that does not
 * exist. The panel must name each, keep the rest, and send none of them.
 */
export function withInvalidRecords(records: CrmRecords, today: string): CrmRecords {
  const twice: CrmOpportunity = {
    id: '006DEMODUPLICAT',
    name: 'Extension réseau, site de Lyon',
    amount: { value: 24_000, currency: 'EUR' },
    closeDate: addMonths(toIsoDate(today), 1),
    stage: 'Qualification',
    lines: [{ sku: 'FF5940-48G', family: 'networking', quantity: 4 }],
  };
  const badDate: CrmOpportunity = {
    id: '006DEMOBADDATE0',
    name: 'Baies flash, salle blanche',
    amount: { value: 88_000, currency: 'EUR' },
    closeDate: '2017-02-30',
    stage: 'Qualification',
    lines: [{ sku: 'AF40-FLASH', family: 'flash-storage', quantity: 2 }],
  };
  const { account } = records;
  return {
    account: { ...account, ...(account.siren === undefined ? {} : { siren: breakCheckDigit(account.siren) }) },
    opportunities: [...records.opportunities, twice, { ...twice }, badDate],
  };
}

// ---- each deal's registration status, from the panel's events -----------------------------------

/** A deal's standing as the panel tells it, or a record the panel set aside as invalid. */
export type DealStatus =
  | { kind: 'standing'; state: OpportunityState; protectedUntil: string | null; registrationId: string | null }
  | { kind: 'invalid'; field: string };

/** The status column: CRM opportunity id → its status. */
export type DealStatuses = ReadonlyMap<string, DealStatus>;

/** What the host reads of a registration in `dealreg-registered` and `dealreg-extended`. */
type RegistrationSeen = Pick<Registration, 'id' | 'status' | 'partnerOpportunityId' | 'protectedUntil'>;

/** The panel's events the status column follows, as the host received them. */
export type PanelNews =
  | { type: 'deal-states'; detail: DealRegDealStatesDetail }
  | { type: 'registered'; registration: RegistrationSeen }
  | { type: 'extended'; registration: RegistrationSeen }
  | { type: 'invalid-records'; problems: ReadonlyArray<Pick<CrmRecordProblem, 'record' | 'field'>> };

/** A registration's status as a deal's standing, until the panel's next `dealreg-deal-states` says more. */
const STANDING_OF: Record<RegistrationStatus, OpportunityState> = {
  submitted: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  'action-required': 'action-required',
  expired: 'expired',
  withdrawn: 'withdrawn',
  won: 'won',
  lost: 'lost',
};

/**
 * The status column after one of the panel's events, for the records on screen: news of a deal the
 * records do not hold (another account's, a panel not yet showing these records) changes nothing.
 * `dealreg-deal-states` sets each deal it names; a registration or an extension sets its deal at
 * once; invalid records are marked with their first wrong field. Returns the same map when nothing
 * changed, else a new one.
 */
export function followPanel(statuses: DealStatuses, news: PanelNews, records: CrmRecords): DealStatuses {
  const ids = new Set(records.opportunities.map((o) => o.id));
  const updates: Array<[string, DealStatus]> = [];
  if (news.type === 'deal-states') {
    if (news.detail.accountId !== records.account.id) return statuses;
    for (const deal of news.detail.deals) {
      if (!ids.has(deal.partnerOpportunityId)) continue;
      const { state, protectedUntil, registrationId } = deal;
      updates.push([deal.partnerOpportunityId, { kind: 'standing', state, protectedUntil, registrationId }]);
    }
  } else if (news.type === 'invalid-records') {
    const named = new Set<string>();
    for (const problem of news.problems) {
      if (!ids.has(problem.record) || named.has(problem.record)) continue;
      named.add(problem.record);
      updates.push([problem.record, { kind: 'invalid', field: problem.field }]);
    }
  } else {
    const { partnerOpportunityId: id, status, protectedUntil, id: registrationId } = news.registration;
    if (id === undefined || !ids.has(id)) return statuses;
    updates.push([id, { kind: 'standing', state: STANDING_OF[status], protectedUntil: protectedUntil ?? null, registrationId }]);
  }
  const changed = updates.filter(([id, status]) => JSON.stringify(statuses.get(id)) !== JSON.stringify(status));
  if (changed.length === 0) return statuses;
  const next = new Map(statuses);
  for (const [id, status] of changed) next.set(id, status);
  return next;
}
