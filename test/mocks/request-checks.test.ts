// The mock's request checks (mocks/core/request-checks.ts, on src/schemas/check.ts): each refusal is a
// 400 invalid-request whose detail tells the field and its rule, the first field wrong in the
// contract's order; nothing is stored for any of them.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { checkRegistrationBody } from '../../mocks/core/request-checks.ts';
import { ALPHA, newKey } from './helpers.ts';

const GOOD = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['demo'] };

const detailOf = (body: unknown) => {
  const checked = checkRegistrationBody(body);
  return 'ok' in checked ? `${checked.status} ${checked.problem.code}: ${checked.problem.detail}` : 'valid';
};

describe('the registration body’s checks', () => {
  it('tell the field and its rule, the first wrong field in the contract’s order', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'the body must be a JSON object'],
      [['a'], 'the body must be a JSON object'],
      ['text', 'the body must be a JSON object'],
      [{}, 'accountId must be a non-empty string'],
      [{ ...GOOD, accountId: '' }, 'accountId must be a non-empty string'],
      [{ ...GOOD, accountId: 7, opportunityId: 7 }, 'accountId must be a non-empty string'],
      [{ ...GOOD, opportunityId: null }, 'opportunityId must be a non-empty string'],
      [{ ...GOOD, presalesActivities: 'demo' }, 'presalesActivities must be an array of strings'],
      [{ ...GOOD, presalesActivities: ['demo', 3] }, 'presalesActivities must be an array of strings'],
      [{ ...GOOD, presalesActivities: ['karaoke', 'demo', 'bingo'] }, 'unknown presales activity: karaoke, bingo'],
      [{ ...GOOD, note: 7 }, 'note must be a string of at most 2000 characters'],
      [{ ...GOOD, note: 'x'.repeat(2001) }, 'note must be a string of at most 2000 characters'],
    ];
    for (const [body, detail] of cases)
      expect(detailOf(body), JSON.stringify(body).slice(0, 80)).to.equal(`400 invalid-request: ${detail}`);
  });

  it('a valid body keeps its named fields only, each activity once', () => {
    const body = { ...GOOD, presalesActivities: ['demo', 'sizing', 'demo'], note: 'x'.repeat(2000), partnerId: 'beta' };
    expect(checkRegistrationBody(body)).to.deep.equal({
      ...GOOD,
      presalesActivities: ['demo', 'sizing'],
      note: 'x'.repeat(2000),
    });
  });

  it('through the backend: the same 400 and detail, and nothing stored', async () => {
    const backend = createMockBackend();
    const before = backend.inspect().registrations.length;
    const answer = await backend.registerOpportunity(ALPHA, { ...GOOD, presalesActivities: ['karaoke'] }, newKey());
    expect(answer.ok ? null : [answer.status, answer.problem.code, answer.problem.detail]).to.deep.equal([
      400,
      'invalid-request',
      'unknown presales activity: karaoke',
    ]);
    expect(backend.inspect().registrations.length).to.equal(before);
  });
});
