// The vendor's customer master and product catalogue (mocks/core/customers.ts, catalogue.ts): every
// demo customer has valid identifiers, an account reference names a customer exactly (siren:, duns:,
// or the vendor's own id), a customer the vendor has no record of is a new account, and every SKU is
// classified or named as unknown.
import { expect } from '@open-wc/testing';
import { classifyLines, createMockBackend, DEMO_ACCOUNT_IDS, DEMO_CUSTOMERS, SAMPLE_PROGRAM } from '../../mocks/index.ts';
import { canonicalDuns, canonicalSiren, canonicalVatNumber } from '../../src/program/customer-identifiers.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { ALPHA, BETA, overviewOf, pageOf } from './helpers.ts';

const NEW_CUSTOMER = 'siren:732829320'; // a valid SIREN no demo customer has

describe('the customer master', () => {
  it('gives every demo customer a valid SIREN, and the VAT numbers and DUNS it holds are valid and its own', () => {
    expect(Object.keys(DEMO_CUSTOMERS).sort()).to.deep.equal([...DEMO_ACCOUNT_IDS].sort());
    const sirens = new Set<string>();
    let vat = 0;
    let duns = 0;
    for (const [account, ids] of Object.entries(DEMO_CUSTOMERS) as Array<[string, Record<string, string | undefined>]>) {
      expect(canonicalSiren(ids['siren']!), `${account}'s SIREN`).to.equal(ids['siren']);
      sirens.add(ids['siren']!);
      if (ids['vatNumber'] !== undefined) {
        vat += 1;
        expect(canonicalVatNumber(ids['vatNumber']), `${account}'s VAT number`).to.equal(ids['vatNumber']);
        expect(ids['vatNumber'].slice(4), `${account}'s VAT number holds its SIREN`).to.equal(ids['siren']);
      }
      if (ids['duns'] !== undefined) {
        duns += 1;
        expect(canonicalDuns(ids['duns']), `${account}'s DUNS`).to.equal(ids['duns']);
      }
    }
    expect(sirens.size, 'each customer its own SIREN').to.equal(DEMO_ACCOUNT_IDS.length);
    expect(vat, 'some hold a VAT number').to.be.at.least(2);
    expect(duns, 'some hold a DUNS').to.be.at.least(2);
  });

  it('names each demo customer by siren:, by the SIREN inside its VAT number and by duns:, exactly as by its id', async () => {
    const backend = createMockBackend();
    for (const account of DEMO_ACCOUNT_IDS.filter((a) => a !== 'acc-broken')) {
      const ids: { siren: string; vatNumber?: string; duns?: string } = DEMO_CUSTOMERS[account];
      const byId = overviewOf(await backend.getAccountOverview(ALPHA, account));
      const refs = [`siren:${ids.siren}`];
      if (ids.vatNumber) refs.push(`siren:${ids.vatNumber.slice(4)}`);
      if (ids.duns) refs.push(`duns:${ids.duns}`);
      for (const ref of refs) {
        const byRef = overviewOf(await backend.getAccountOverview(ALPHA, ref));
        expect({ ...byRef, nextCursor: null }, `${ref} is ${account}`).to.deep.equal({ ...byId, nextCursor: null });
      }
    }
  });

  it('never matches on a name, and takes an identifier only exactly: 404 for what is no reference, 400 for a malformed one', async () => {
    const backend = createMockBackend();
    const status = async (ref: string) => {
      const answer = await backend.getAccountOverview(ALPHA, ref);
      return answer.ok ? answer.status : `${answer.status} ${answer.problem.code}`;
    };
    expect(await status('Laboratoires Vernier (Lyon)')).to.equal('404 not-found');
    expect(await status('SIREN:412853673'), 'the prefix is lower case').to.equal('404 not-found');
    expect(await status('412853673'), 'a bare number is a vendor id').to.equal('404 not-found');
    expect(await status('siren:412853674'), 'a wrong check digit').to.equal('400 invalid-request');
    expect(await status('siren:412 853 673')).to.equal('400 invalid-request');
    expect(await status('siren:FR41412853673'), 'a VAT number is sent as its SIREN').to.equal('400 invalid-request');
    expect(await status('duns:15048378')).to.equal('400 invalid-request');
    expect(await status('siren:412853673')).to.equal(200);
  });

  it('answers a customer it has no record of as a new account: nothing on record, whoever asks', async () => {
    const backend = createMockBackend();
    for (const token of [ALPHA, BETA]) {
      const overview: AccountOverview = overviewOf(await backend.getAccountOverview(token, NEW_CUSTOMER));
      expect(overview.account).to.deep.equal({ id: NEW_CUSTOMER, name: '', country: '' });
      expect(overview.orders).to.deep.equal({ lastInfraOrderAt: null, lastInfraOrderByYouAt: null });
      expect(overview.installedBase.totalAssets).to.equal(0);
      expect(overview.opportunityCounts.total).to.equal(0);
      expect([overview.opportunities, overview.registrations, overview.quotes, overview.nextCursor]).to.deep.equal([
        [],
        [],
        [],
        null,
      ]);
    }
    expect(
      backend.inspect().accounts.some((a) => a.id === NEW_CUSTOMER),
      'reading creates nothing',
    ).to.equal(false);
  });

  it('pages acc-large by any of its references: a cursor is bound to the account, not to the reference', async () => {
    const backend = createMockBackend();
    const bySiren = overviewOf(await backend.getAccountOverview(ALPHA, `siren:${DEMO_CUSTOMERS['acc-large'].siren}`));
    const fromSiren = pageOf(await backend.getOpportunities(ALPHA, 'acc-large', bySiren.nextCursor!, 10));
    const byId = overviewOf(await backend.getAccountOverview(ALPHA, 'acc-large'));
    const fromId = pageOf(
      await backend.getOpportunities(ALPHA, `duns:${DEMO_CUSTOMERS['acc-large'].duns}`, byId.nextCursor!, 10),
    );
    expect(fromSiren.opportunities.map((o) => o.id)).to.deep.equal(fromId.opportunities.map((o) => o.id));
    const elsewhere = await backend.getOpportunities(ALPHA, `siren:${DEMO_CUSTOMERS['acc-nextgen'].siren}`, byId.nextCursor!, 10);
    expect(elsewhere.ok ? 200 : elsewhere.problem.code).to.equal('invalid-cursor');
  });
});

describe('the product catalogue', () => {
  it('classifies named products and each family’s series, and names every SKU it lacks, once, in line order', () => {
    const { lines, unknownSkus } = classifyLines(SAMPLE_PROGRAM, [
      { sku: 'SY480-G10', quantity: 2 },
      { sku: ' rs-380 ', family: 'networking', quantity: 1 },
      { sku: 'PS-DEPLOY', quantity: 1 },
      { sku: 'GPU-X', family: 'composable', quantity: 3 },
      { sku: 'PS-DEPLOY', family: 'services', quantity: 1 },
      { sku: 'FS-8200', quantity: 1 },
    ]);
    expect(lines).to.deep.equal([
      { sku: 'SY480-G10', quantity: 2, family: 'composable', generation: 'latest' },
      { sku: ' rs-380 ', quantity: 1, family: 'rack-servers', generation: 'classic' },
      { sku: 'PS-DEPLOY', quantity: 1, family: null, generation: null },
      { sku: 'GPU-X', quantity: 3, family: 'composable', generation: 'latest' },
      { sku: 'PS-DEPLOY', quantity: 1, family: null, generation: null },
      { sku: 'FS-8200', quantity: 1, family: 'flash-storage', generation: 'latest' },
    ]);
    expect(unknownSkus).to.deep.equal(['PS-DEPLOY', 'GPU-X']);
  });

  it('knows every SKU the demo data sells, as the family the data says', () => {
    const { opportunities } = createMockBackend().inspect();
    const lines = opportunities.flatMap((o) => o.lines);
    expect(lines.length).to.be.greaterThan(1000);
    const classified = classifyLines(SAMPLE_PROGRAM, lines);
    expect(classified.unknownSkus).to.deep.equal([]);
    expect(classified.lines.map((l) => l.family)).to.deep.equal(lines.map((l) => l.family));
  });
});
