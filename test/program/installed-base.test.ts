import { expect } from '@open-wc/testing';
import type { Asset } from '../../src/domain/types.ts';
import { summarizeInstalledBase } from '../../src/program/installed-base.ts';
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

  it('sums your assets by family, largest quantity first', () => {
    const s = summarizeInstalledBase(assets, '2017-02-14', PROGRAM);
    expect(s.families).to.deep.equal([
      { family: 'rack-servers', generation: 'classic', quantity: 13, assets: 3 },
      { family: 'disk-storage', generation: 'classic', quantity: 10, assets: 1 },
      { family: 'tower-servers', generation: 'classic', quantity: 2, assets: 1 },
      { family: 'composable', generation: 'latest', quantity: 1, assets: 1 },
    ]);
    expect(s.totalQuantity).to.equal(26);
  });

  it('refresh candidates: end of support within 12 months or already past, soonest first', () => {
    const s = summarizeInstalledBase(assets, '2017-02-14', PROGRAM);
    expect(s.refreshCandidates.map((a) => a.id)).to.deep.equal(['a5', 'a2', 'a3']);
  });

  it('the refresh horizon follows the program terms', () => {
    const program = { ...PROGRAM, quote: { ...PROGRAM.quote, refreshHorizonMonths: 3 } };
    expect(summarizeInstalledBase(assets, '2017-02-14', program).refreshCandidates.map((a) => a.id)).to.deep.equal(['a5']);
  });

  it('an empty installed base summarises to nothing', () => {
    expect(summarizeInstalledBase([], '2017-02-14', PROGRAM)).to.deep.equal({ families: [], refreshCandidates: [], totalQuantity: 0 });
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
