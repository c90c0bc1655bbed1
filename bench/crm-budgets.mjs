// Issue 19 §5's budgets for the panel with the host CRM's records (acc-large's 1,000 opportunities),
// checked by `npm run bench` from what bench/page.ts measured (crmRender, crmRequests) and what the
// Node mock server served for the same calls (answeredBytes, bench/overview-bytes.mjs). The render
// is held to the plain panel's ratio and run count, passed in.

export const CRM_BUDGETS = {
  requestsOnMount: 3, // whatever the number of opportunities: also checked with 2,000, the records' maximum
  mountRawBytes: 64 * 1000, // every answer of the mount, as the Node mock server serves it
  requestsPerAddedOpportunity: 1,
};

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

/** The answers of a page's calls as served, summed; `ok` when each call got one 200 answer. */
export function served(answers, calls) {
  return {
    answers,
    rawBytes: answers.reduce((sum, a) => sum + a.rawBytes, 0),
    gzipBytes: answers.reduce((sum, a) => sum + a.gzipBytes, 0),
    ok: answers.length === calls.length && answers.every((a) => a.status === 200),
  };
}

/** The deals each previewDeals call of a log sent, e.g. [25]. */
export const previewedDeals = (log) => log.filter((c) => c.method === 'previewDeals').map((c) => c.args[1]?.length ?? 0);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The four checks, `{ budget, value, ok }` each: `render` is crmRender's result, `crm` crmRequests',
 * `answers` the served answers of its two mounts ({ mount, mountMaximum }, each from `served`).
 */
export function crmChecks({ render, crm, answers, renderVsFloor, renderMinRuns }) {
  const ratio = median(render.panelMs) / median(render.floorMs);
  const runs = Math.min(render.panelMs.length, render.floorMs.length);
  const added = crm.addOne;
  const addedShown = added.rowIndex >= 0 && added.verdict !== null && added.settled;
  // "Fetches only what is new" (issue 19 §1): the one request previews the added deal alone.
  const addedDeals = previewedDeals(added.log).reduce((a, b) => a + b, 0);
  const mounts = [crm.mount, crm.mountMaximum];
  const served = [answers.mount, answers.mountMaximum];
  return [
    {
      budget: `acc-large records panel (1,000 CRM opportunities) ≤ ${renderVsFloor} × plain-DOM floor (medians of ≥ ${renderMinRuns} runs)`,
      value: `${ratio.toFixed(2)} × over ${runs} runs; ${render.rows} rows; ${render.fetchedWhileTimed} answers fetched while timed`,
      ok: ratio <= renderVsFloor && runs >= renderMinRuns && render.rows > 0 && render.fetchedWhileTimed === 0,
    },
    {
      budget: `≤ ${CRM_BUDGETS.requestsOnMount} requests on mount, records panel with 1,000 CRM opportunities (and 2,000)`,
      value: `${crm.mount.calls.total} (2,000: ${crm.mountMaximum.calls.total}); rows ${crm.mount.rows} / ${crm.mountMaximum.rows}`,
      ok: mounts.every((m) => m.calls.total <= CRM_BUDGETS.requestsOnMount && m.rows > 0),
    },
    {
      budget: `≤ ${kB(CRM_BUDGETS.mountRawBytes)} received on mount, records panel with 1,000 CRM opportunities (and 2,000), as served`,
      value: `${kB(answers.mount.rawBytes)} (2,000: ${kB(answers.mountMaximum.rawBytes)})`,
      ok: served.every((s) => s.ok && s.rawBytes <= CRM_BUDGETS.mountRawBytes),
    },
    {
      budget: `≤ ${CRM_BUDGETS.requestsPerAddedOpportunity} request per opportunity added to the records, for that deal alone (its verdict shown, every row keeping its own)`,
      value: addedShown
        ? `${added.calls.total}, previewing ${addedDeals} deal${addedDeals === 1 ? '' : 's'} (row ${added.rowIndex + 1} of ${added.rowsAfter}, eligible ${added.verdict})`
        : `${added.calls.total}, but ${added.settled ? 'the added deal shows no verdict' : 'rows shown without their verdicts'} (row ${added.rowIndex + 1})`,
      ok: added.calls.total <= CRM_BUDGETS.requestsPerAddedOpportunity && addedDeals <= 1 && addedShown,
    },
  ];
}
