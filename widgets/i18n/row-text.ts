// The words of a CRM deal's row (issue 19 §3) that the status list has no use for: where a row with
// no CRM record comes from, why an open deal cannot be registered, what the CRM changed since the
// registration, and the SKUs the vendor does not know.
import { msg, str } from './localization.ts';
import type { DealChange } from '../../src/program/deal-changes.ts';
import type { DealRow } from '../../src/program/crm-rows.ts';
import { formatDate, formatList, formatMoney, formatNumber } from './format.ts';

/** The row's strongest line when it is not the vendor's verdict nor the protection's: null when its state says it all. */
export function blockText(row: Pick<DealRow, 'origin' | 'block' | 'closedInCrm' | 'state'>): string | null {
  if (row.origin === 'registered-elsewhere') {
    return msg('Registered outside this CRM (on the vendor portal or from another tool): it has no record here.');
  }
  if (row.origin === 'not-in-records') {
    return msg('No longer in your CRM records (deleted, or left out as invalid): the registration stays with the vendor.');
  }
  if (row.state !== 'not-registered') return null;
  if (row.closedInCrm === 'won') return msg('Won in your CRM: there is nothing left to register.');
  if (row.closedInCrm === 'lost') return msg('Lost in your CRM: there is nothing left to register.');
  if (row.block === 'closed') return msg('Its close date has passed: move it forward in your CRM to register the deal.');
  return null;
}

function changeText(change: DealChange, locale: string): string {
  switch (change.field) {
    case 'amount': {
      const from = formatMoney(change.from.value, change.from.currency, locale);
      const to = formatMoney(change.to.value, change.to.currency, locale);
      return msg(str`amount ${from} → ${to}`);
    }
    case 'closeDate': {
      const from = formatDate(change.from, locale);
      const to = formatDate(change.to, locale);
      return msg(str`close date ${from} → ${to}`);
    }
    case 'line': {
      const from = formatNumber(change.from, locale);
      const to = formatNumber(change.to, locale);
      const sku = change.sku;
      return msg(str`${sku} quantity ${from} → ${to}`);
    }
  }
}

/** "Changed in your CRM since it was registered: …", or '' when nothing changed. */
export function changesText(changes: readonly DealChange[], locale: string): string {
  if (changes.length === 0) return '';
  const list = formatList(
    changes.map((c) => changeText(c, locale)),
    locale,
  );
  return msg(
    str`Changed in your CRM since it was registered: ${list}. The vendor keeps the deal as registered; nothing is resent.`,
  );
}

/** The lines the vendor could not classify, named (never dropped silently). */
export function unknownSkusText(skus: readonly string[], locale: string): string {
  if (skus.length === 0) return '';
  const list = formatList(skus, locale);
  return msg(str`Not in the vendor's catalogue, so not weighed: ${list}.`);
}
