// Keyset paging over the account's rows in urgency order: a page starts right after the key the
// cursor carries, so every row is reached exactly once while nothing changes, and a row that moves
// (after the partner's own mutation) never shifts the rows not seen yet.
import { compareUrgency, type UrgencyKey } from '../../src/program/opportunity-state.ts';

/** Opportunities per page when the client does not say (the overview's first page too). */
export const DEFAULT_PAGE_SIZE = 25;
/** The most a page holds: a larger `limit` is served as this many (clamped, not refused). */
export const MAX_PAGE_SIZE = 100;

/**
 * The page of `rows` (sorted by `compare` on their keys: the overview's urgency order unless given)
 * that follows `after` (null: from the start), at most `limit` long, and whether rows remain after
 * it. Binary search: O(log n).
 */
export function pageAfter<R extends { key: UrgencyKey }>(
  rows: readonly R[],
  after: UrgencyKey | null,
  limit: number,
  compare: (a: UrgencyKey, b: UrgencyKey) => number = compareUrgency,
): { page: R[]; more: boolean } {
  let start = 0;
  if (after !== null) {
    // The first row whose key is strictly greater than `after`.
    let high = rows.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (compare(rows[middle]!.key, after) <= 0) start = middle + 1;
      else high = middle;
    }
  }
  const end = Math.min(rows.length, start + limit);
  return { page: rows.slice(start, end), more: end < rows.length };
}
