import { expect } from '@open-wc/testing';
import type { Asset } from '../../src/domain/types.ts';
import { addDays } from '../../src/program/dates.ts';
import { emptyInstalledBase, REFRESH_CANDIDATES_MAX, summarizeInstalledBase } from '../../src/program/installed-base.ts';
import { PROGRAM } from './fixtures.ts';

function asset(id: string, family: string, quantity: number, endOfSupportAt: string): Asset {
  const generation = family === 'composable' ? 'latest' : 'classic';
  return { id, family, generation, quantity, purchasedAt: '2014-01-01', endOfSupportAt };
}

describe('installed-base summary', () => {
  const assets = [
    asset('a1', 'rack-servers', 4, '2019-06-30'),
    asset('a2', 'disk-storage', 10, '2017-12-31'),
    asset('a3', 'rack-servers', 8, '2018-02-14'),
    asset('a4', 'composable', 1, '2022-01-01'),
    asset('a5', 'tower-servers', 2, '2016-12-31'),
    asset('a6', 'rack-servers', 1, '2018-02-15'),
  ];

  it('sums your assets by family, most units first, with the earliest end of support of each', () => {
    const s = summarizeInstalledBase(assets, '2017-02-14', PROGRAM);
    expect(s.families).to.deep.equal([
      { family: 'rack-servers', generation: 'classic', assets: 3, units: 13, earliestEndOfSupportAt: '2018-02-14' },
      { family: 'disk-storage', generation: 'classic', assets: 1, units: 10, earliestEndOfSupportAt: '2017-12-31' },
      { family: 'tower-servers', generation: 'classic', assets: 1, units: 2, earliestEndOfSupportAt: '2016-12-31' },
      { family: 'composable', generation: 'latest', assets: 1, units: 1, earliestEndOfSupportAt: '2022-01-01' },
    ]);
    expect(s.totalUnits).to.equal(26);
    expect(s.totalAssets).to.equal(6);
  });

  it('refresh candidates: still supported at the date, end of support within 12 months, soonest first', () => {
    const s = summarizeInstalledBase(assets, '2017-02-14', PROGRAM);
    // a5 (end of support 2016-12-31) is already out of support: not a candidate any more.
    expect(s.refreshCandidates.map((a) => a.id)).to.deep.equal(['a2', 'a3']);
    expect(s.refreshCandidatesTotal).to.equal(2);
  });

  it('an asset whose support ends on the date itself is still a candidate (support runs through that day)', () => {
    const s = summarizeInstalledBase([asset('t', 'networking', 1, '2017-02-14')], '2017-02-14', PROGRAM);
    expect(s.refreshCandidates.map((a) => a.id)).to.deep.equal(['t']);
  });

  it('keeps a bounded list of candidates and their exact count', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      asset(`c${String(i).padStart(2, '0')}`, 'networking', 1, addDays('2017-03-01', 39 - i)),
    );
    const s = summarizeInstalledBase(many, '2017-02-14', PROGRAM, { candidateLimit: 5 });
    expect(s.refreshCandidates.map((a) => a.id)).to.deep.equal(['c39', 'c38', 'c37', 'c36', 'c35']);
    expect(s.refreshCandidatesTotal).to.equal(40);
    expect(summarizeInstalledBase(many, '2017-02-14', PROGRAM).refreshCandidates).to.have.length(REFRESH_CANDIDATES_MAX);
  });

  it('the refresh horizon follows the program terms', () => {
    const program = { ...PROGRAM, quote: { ...PROGRAM.quote, refreshHorizonMonths: 3 } };
    expect(summarizeInstalledBase(assets, '2017-02-14', program).refreshCandidates.map((a) => a.id)).to.deep.equal([]);
    const longer = { ...PROGRAM, quote: { ...PROGRAM.quote, refreshHorizonMonths: 24 } };
    expect(summarizeInstalledBase(assets, '2017-02-14', longer).refreshCandidates.map((a) => a.id)).to.deep.equal([
      'a2',
      'a3',
      'a6',
    ]);
  });

  it('an empty installed base summarises to nothing', () => {
    expect(summarizeInstalledBase([], '2017-02-14', PROGRAM)).to.deep.equal(emptyInstalledBase());
    expect(emptyInstalledBase()).to.deep.equal({
      families: [],
      totalAssets: 0,
      totalUnits: 0,
      refreshCandidates: [],
      refreshCandidatesTotal: 0,
    });
  });

  // Speed is measured in `npm run bench`, not asserted here (timed unit tests flake).
  it('summarises 10,000 assets, counting every one', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      asset(`x${i}`, ['rack-servers', 'disk-storage', 'networking'][i % 3]!, (i % 7) + 1, `201${7 + (i % 3)}-0${(i % 9) + 1}-15`),
    );
    const s = summarizeInstalledBase(many, '2017-02-14', PROGRAM);
    expect(s.families.reduce((n, f) => n + f.assets, 0)).to.equal(10_000);
  });
});
