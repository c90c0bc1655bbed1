// The elements' events under names an LWC template can bind. A template cannot name an event with a
// hyphen (`ondealreg-quote-requested` is compile error LWC1056), so c-dealreg-panel re-dispatches
// each one from itself: <c-dealreg-panel onquoterequested={…}>. The detail is copied into plain
// data (a DealRegError from the static resource becomes { code, status, detail, retryable }).

export const EVENT_NAMES = [
  ['dealreg-registered', 'registered'],
  ['dealreg-quote-requested', 'quoterequested'],
  ['dealreg-extended', 'extended'],
  ['dealreg-error', 'error'],
];

function plainError(error) {
  return {
    code: error && typeof error.code === 'string' ? error.code : 'unknown',
    status: error && typeof error.status === 'number' ? error.status : null,
    detail: error && typeof error.detail === 'string' ? error.detail : null,
    retryable: Boolean(error && error.retryable),
  };
}

/** The detail of the re-dispatched event: plain, copied data. */
export function plainDetail(event) {
  const detail = event.detail || {};
  if (event.type === 'dealreg-error') {
    return { operation: String(detail.operation), error: plainError(detail.error) };
  }
  return JSON.parse(JSON.stringify(detail));
}
