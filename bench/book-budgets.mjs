// Issue 20's budgets for the rep's book (`<dealreg-book>` on Alpha's generated book), checked by
// `npm run bench` from what bench/book-page.ts measured and what the Node mock server served for
// the mount's call (answeredBytes, bench/overview-bytes.mjs). The render is held to the panel's
// ratio and run count, passed in. The server's p99 is `npm run bench:server`'s.

export const BOOK_BUDGETS = {
  requestsOnMount: 1,
  firstAnswerRawBytes: 32 * 1000, // the first page with the counts, as the Node mock server serves it
  csvRequests: 5, // Alpha's whole book (about 400 rows)
};

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The four checks, `{ budget, value, ok }` each: `render` is bookRender's result, `requests`
 * bookRequests', `csv` bookCsv's, `served` the mount's answers as served (`served` of crm-budgets.mjs).
 */
export function bookChecks({ render, requests, csv, served, renderVsFloor, renderMinRuns }) {
  const ratio = median(render.panelMs) / median(render.floorMs);
  const runs = Math.min(render.panelMs.length, render.floorMs.length);
  const first = served.answers[0];
  return [
    {
      budget: `Alpha's book, 25 rows ≤ ${renderVsFloor} × plain-DOM floor (medians of ≥ ${renderMinRuns} runs)`,
      value: `${ratio.toFixed(2)} × over ${runs} runs; ${render.rows} rows; ${render.fetchedWhileTimed} answers fetched while timed`,
      ok: ratio <= renderVsFloor && runs >= renderMinRuns && render.rows === 25 && render.fetchedWhileTimed === 0,
    },
    {
      budget: `${BOOK_BUDGETS.requestsOnMount} request on mount, Alpha's book`,
      value: `${requests.calls.total} (${requests.rows} rows)`,
      ok: requests.calls.total === BOOK_BUDGETS.requestsOnMount && requests.calls.listRegistrations === 1 && requests.rows > 0,
    },
    {
      budget: `first answer ≤ ${kB(BOOK_BUDGETS.firstAnswerRawBytes)}, Alpha's book, as served`,
      value: first ? `${kB(first.rawBytes)} (${kB(first.gzipBytes)} gzip)` : 'no answer',
      ok: served.ok && first !== undefined && first.rawBytes <= BOOK_BUDGETS.firstAnswerRawBytes,
    },
    {
      budget: `CSV of Alpha's whole book in ≤ ${BOOK_BUDGETS.csvRequests} requests, every row in the file`,
      value: `${csv.calls.total} requests, ${csv.rowsInFile} of ${csv.total} rows`,
      ok: csv.calls.total <= BOOK_BUDGETS.csvRequests && csv.total !== null && csv.rowsInFile === csv.total && csv.total >= 400,
    },
  ];
}
