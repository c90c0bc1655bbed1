// docs/program.md §4 rule 3: the backend and the widgets apply ONE extension window. Day by day across
// the window's first day, <dealreg-status> on the in-memory adapter offers "Extend protection" exactly
// on the days the backend accepts the extension: there, clicking it extends the protection; on the
// other days the backend refuses, naming the day the window opens, the day the row names too.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegStatus } from '../../widgets/index.ts';
import { createMemoryAdapter, createMockBackend, type MockBackend } from '../../mocks/index.ts';
import { deepQuery, deepText } from '../support/deep-dom.ts';
import { until } from '../support/wait.ts';
import { ALPHA, newKey, overviewOf, problemCode } from './helpers.ts';

/** acc-protected's seeds are dated from here: its protection runs through 2017-04-15 (60 days left). */
const ANCHOR = '2017-02-14T09:00:00Z';

function extendButton(el: Element): HTMLButtonElement | undefined {
  return deepQuery<HTMLButtonElement>(el, '[part~="extend-button"]');
}

async function statusOn(backend: MockBackend): Promise<DealRegStatus> {
  const adapter = createMemoryAdapter(backend, { token: ALPHA });
  const el = await fixture<DealRegStatus>(html`<dealreg-status account-id="acc-protected" .adapter=${adapter}></dealreg-status>`);
  await until(() => deepQuery(el, '[part~="opportunity"]'), 'the protected row');
  return el;
}

/** The widget's offer is accepted: one click, and the row says the extension is used, with the backend's new end date. */
async function extendThroughTheWidget(el: DealRegStatus, backend: MockBackend, finalUntil: string): Promise<void> {
  extendButton(el)!.click();
  await until(() => deepQuery(el, '[data-extension="used"]') || deepQuery(el, '[part~="error"]'), 'the answer');
  expect(deepQuery(el, '[part~="error"]') === undefined, 'no refusal').to.equal(true);
  const stored = backend.inspect().registrations.find((r) => r.partnerId === 'alpha' && r.accountId === 'acc-protected')!;
  expect([stored.extensionsUsed, stored.protectedUntil], 'the backend extended it').to.deep.equal([1, finalUntil]);
}

/** Not offered: the row says when the window opens, and the backend refuses and names that same day. */
async function refusedByTheBackend(el: DealRegStatus, backend: MockBackend, opens: { iso: string; shown: string }) {
  // Dates are written with no-break spaces (they never break across lines): read them as spaces.
  const said = deepText(deepQuery(el, '[data-extension="opens"]')!).replace(/\u00a0/g, ' ');
  expect(said).to.include(`can be requested from ${opens.shown}`);
  const reg = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-protected')).registrations[0]!;
  const refused = await backend.requestExtension(ALPHA, reg.id, newKey());
  expect(refused.status).to.equal(409);
  expect(problemCode(refused)).to.equal('extension-not-allowed');
  expect(refused.ok ? '' : refused.problem.detail).to.include(`opens on ${opens.iso}`);
}

describe('the extension window: <dealreg-status> offers Extend on exactly the days the backend accepts it', () => {
  const OPENS = { iso: '2017-04-01', shown: 'Apr 1, 2017' };
  const DAYS = [
    { on: '2017-02-14', left: 60, offered: false },
    { on: '2017-03-31', left: 15, offered: false },
    { on: '2017-04-01', left: 14, offered: true },
    { on: '2017-04-14', left: 1, offered: true },
    { on: '2017-04-15', left: 0, offered: true },
  ];

  for (const { on, left, offered } of DAYS) {
    it(`acc-protected on ${on} (${left} days left): ${offered ? 'offered, and the backend extends' : 'not offered, and the backend refuses'}`, async () => {
      const backend = createMockBackend({ anchor: ANCHOR, clock: `${on}T12:00:00Z`, quoteDecisionDelayMs: 0 });
      const el = await statusOn(backend);
      expect(extendButton(el) !== undefined, 'the widget offers Extend').to.equal(offered);
      if (offered) await extendThroughTheWidget(el, backend, '2017-05-15');
      else await refusedByTheBackend(el, backend, OPENS);
    });
  }

  it('a program with a 60-day window: on 2017-02-14 (60 days left) both follow it, offered and extended', async () => {
    const { program } = overviewOf(await createMockBackend().getAccountOverview(ALPHA, 'acc-empty'));
    const wider = { ...program, protection: { ...program.protection, extensionWindowDays: 60 } };
    const backend = createMockBackend({ anchor: ANCHOR, clock: ANCHOR, program: wider, quoteDecisionDelayMs: 0 });
    const el = await statusOn(backend);
    expect(extendButton(el) !== undefined, 'the widget offers Extend').to.equal(true);
    await extendThroughTheWidget(el, backend, '2017-05-15');
  });
});
