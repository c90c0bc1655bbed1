// The host's CRM records, read in the frame before the panel sees any (readCrmRecords, the same
// reader the panel uses): the valid part goes to the panel, and what was left out is reported to
// the host as one dealreg-error `invalid-records` naming each record and field. Invalid records
// never reach the panel, and nothing of them is sent to the vendor.
import type { CrmRecords } from '../../src/domain/crm.ts';
import { readCrmRecords, type CrmRecordProblem } from '../../src/schemas/crm-records.ts';
import type { DealRegFrameEvent } from '../protocol.ts';

/** How many problems the error's `detail` names; the event's `problems` lists them all. */
const NAMED_IN_DETAIL = 10;

export interface FrameRecords {
  /** What the panel gets: the valid records, or undefined (none sent, cleared, or no usable account). */
  records: CrmRecords | undefined;
  /** The event for the host when something was left out. */
  report: DealRegFrameEvent | undefined;
}

/** The one `dealreg-error` for a set of invalid records, as it crosses to the host. */
export function invalidRecordsEvent(problems: readonly CrmRecordProblem[]): DealRegFrameEvent {
  const named = problems.slice(0, NAMED_IN_DETAIL).map((p) => (p.field === '' ? p.record : `${p.record} (${p.field})`));
  const more = problems.length - named.length;
  return {
    type: 'dealreg-error',
    detail: {
      operation: 'read-records',
      error: {
        code: 'invalid-records',
        status: null,
        detail: `invalid CRM records left out: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
        retryable: false,
      },
      problems: problems.map(({ record, field, message }) => ({ record, field, message })),
    },
  };
}

/** Reads what the host sent (`init.records` or `set-records`); null or undefined means no records. */
export function readFrameRecords(raw: unknown): FrameRecords {
  if (raw === null || raw === undefined) return { records: undefined, report: undefined };
  const { records, problems } = readCrmRecords(raw);
  return { records: records ?? undefined, report: problems.length > 0 ? invalidRecordsEvent(problems) : undefined };
}
