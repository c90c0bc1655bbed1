// The host's invalid records in the rep's words: the record as the rep knows it, and the field of
// the CRM to correct, in the element's language. The reader's own messages (src/schemas/crm-records.ts)
// are the developer's English; a field this map does not know keeps its name from the records.
import { msg, str } from './localization.ts';
import { MAX_CRM_OPPORTUNITIES, type CrmRecordProblem } from '../../src/schemas/crm-records.ts';
import { formatNumber } from './format.ts';

/** A field's name as the CRM's form shows it (`amount.currency` → currency); SIREN and DUNS are the same in every language. */
function fieldWords(field: string): string {
  const [top = '', sub] = field.split('.');
  switch (top) {
    case 'id':
      return msg('CRM ID');
    case 'name':
      return msg('name');
    case 'amount':
      return sub === 'currency' ? msg('currency') : msg('amount');
    case 'closeDate':
      return msg('close date');
    case 'lines':
      return msg('product lines');
    case 'country':
      return msg('country');
    case 'vatNumber':
      return msg('VAT number');
    case 'siren':
    case 'duns':
      return top.toUpperCase();
    default:
      return field;
  }
}

/** What to correct: the field, or why the record is left out when no field says it. */
export function recordProblemText(problem: Pick<CrmRecordProblem, 'record' | 'field'>, locale: string): string {
  const { record, field } = problem;
  if (field === 'opportunities') {
    const max = formatNumber(MAX_CRM_OPPORTUNITIES, locale);
    return msg(str`more than ${max} opportunities: the rest are left out`);
  }
  if (field === '') return msg('unreadable record');
  // An opportunity named by its id whose id is wrong holds an id another one holds too.
  if (field === 'id' && record !== 'account' && !record.startsWith('opportunities.'))
    return msg('CRM ID on several opportunities');
  const words = fieldWords(field);
  return msg(str`${words} to correct`);
}

/**
 * The record a problem names, as the rep knows it: the account, or the opportunity by its name in
 * the host's records with its CRM id (by its place in the list, #1…, without one); '' for the records
 * as a whole.
 */
export function recordName(record: string, input: unknown): string {
  if (record === 'account') return msg('Account');
  if (record === 'records') return '';
  const place = /^opportunities\.(\d+)$/.exec(record)?.[1];
  const list = (input as { opportunities?: unknown } | null)?.opportunities;
  const raw = Array.isArray(list)
    ? ((place ? list[Number(place)] : list.find((o) => (o as { id?: unknown } | null)?.id === record)) as {
        name?: unknown;
      } | null)
    : undefined;
  const id = place ? `#${Number(place) + 1}` : record;
  return typeof raw?.name === 'string' && raw.name.trim() ? `${raw.name} (${id})` : id;
}
