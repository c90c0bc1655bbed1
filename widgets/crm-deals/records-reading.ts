// The host's records as the panel reads them: checked once per object the host hands over (the
// host replaces them to change them), with the vendor's reference of the account.
import { readCrmRecords, type CrmRecordsReading } from '../../src/schemas/crm-records.ts';
import { accountRefOf } from '../../src/program/crm-deal.ts';
import type { AccountRef } from '../../src/domain/deal.ts';

export interface RecordsReading extends CrmRecordsReading {
  /** How the vendor knows the customer (`siren:…`, `duns:…`); null when the account holds no valid identifier. */
  ref: AccountRef | null;
}

const readings = new WeakMap<object, RecordsReading>();

export function readRecords(input: unknown): RecordsReading {
  const known = typeof input === 'object' && input !== null ? readings.get(input) : undefined;
  if (known) return known;
  const reading = readCrmRecords(input);
  const result: RecordsReading = { ...reading, ref: reading.records ? accountRefOf(reading.records.account) : null };
  if (typeof input === 'object' && input !== null) readings.set(input, result);
  return result;
}
