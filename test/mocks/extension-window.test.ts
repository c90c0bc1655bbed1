// docs/program.md §4 rule 3: the backend and the widgets apply ONE extension window, the program's
// protection.extensionWindowDays. The widgets offer "Extend protection" exactly when the engine's
// protectionState says canExtend (widgets/status); here the backend's answer is checked against it, day by day.
import { expect } from '@open-wc/testing';
import { createMockBackend, SAMPLE_PROGRAM } from '../../mocks/index.ts';
import { addDays, protectionState } from '../../src/program/index.ts';
import { ALPHA, newKey, overviewOf, problemCode } from './helpers.ts';

describe('the extension window, backend and widgets alike', () => {
  const window = SAMPLE_PROGRAM.protection.extensionWindowDays;

  it('acc-protected, 60 days left: the backend refuses, and names the day the window opens', async () => {
    const backend = createMockBackend();
    const overview = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-protected'));
    const reg = overview.registrations[0]!;
    expect(protectionState(reg, overview.asOf, overview.program.protection).canExtend).to.equal(false);
    const refused = await backend.requestExtension(ALPHA, reg.id, newKey());
    expect(refused.status).to.equal(409);
    expect(problemCode(refused)).to.equal('extension-not-allowed');
    const opensOn = addDays(reg.protectedUntil!, -window);
    expect(refused.ok ? '' : refused.problem.detail).to.include(`opens on ${opensOn}`);
  });

  for (const daysLeft of [window + 1, window, 1, 0]) {
    it(`acc-protected with ${daysLeft} days left: the backend's answer is the widgets' canExtend`, async () => {
      const backend = createMockBackend();
      const reg = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-protected')).registrations[0]!;
      backend.setClock(`${addDays(reg.protectedUntil!, -daysLeft)}T12:00:00Z`);
      const overview = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-protected'));
      const offered = protectionState(overview.registrations[0]!, overview.asOf, overview.program.protection).canExtend;
      expect(offered, 'offered by the widgets').to.equal(daysLeft <= window);
      const answer = await backend.requestExtension(ALPHA, reg.id, newKey());
      expect(answer.status, 'the backend').to.equal(offered ? 200 : 409);
    });
  }

  it('a program with a wider window: both follow it (60 days left is then inside)', async () => {
    const program = { ...SAMPLE_PROGRAM, protection: { ...SAMPLE_PROGRAM.protection, extensionWindowDays: 60 } };
    const backend = createMockBackend({ program });
    const overview = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-protected'));
    expect(overview.program.protection.extensionWindowDays).to.equal(60);
    const reg = overview.registrations[0]!;
    expect(protectionState(reg, overview.asOf, overview.program.protection).canExtend).to.equal(true);
    expect((await backend.requestExtension(ALPHA, reg.id, newKey())).status).to.equal(200);
  });
});
