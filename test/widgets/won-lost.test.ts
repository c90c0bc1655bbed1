// A won and a lost deal (docs/program.md §4 rule 3: an approved protection ends as won or lost), as the
// status list and the panel show them, in English and in French: the state in words on its badge,
// the summary's count of each, and no action on either row (the deal is closed for this partner:
// nothing to register, extend or quote), in an accessible page.
import { expect, fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { AccountOverview } from '../../src/domain/types.ts';
import { OPPORTUNITY_STATES } from '../../src/domain/status.ts';
import { transitionRegistration } from '../../src/program/lifecycle.ts';
import { backend, deepQuery, deepQueryAll, deepText, memoryAdapter, until } from './helpers.ts';

const WON = 'opp-protected-hci';
const LOST = 'opp-agences-reseau';

/**
 * acc-protected as alpha sees it, with its protection since won, and a second deal whose protection
 * was lost: the mock has no vendor decision for either, so the overview is made from its own.
 */
async function wonAndLost(): Promise<DealRegAdapter> {
  const real = memoryAdapter(backend());
  const seeded = await real.getAccountOverview('acc-protected');
  const held = seeded.registrations[0]!;
  const deal = seeded.opportunities[0]!;
  expect([deal.id, held.status]).to.deep.equal([WON, 'approved']);
  const decided = { at: '2017-02-10T15:00:00Z', by: 'vendor' as const };
  const byState = Object.fromEntries(
    OPPORTUNITY_STATES.map((state) => [state, 0]),
  ) as AccountOverview['opportunityCounts']['byState'];
  const overview: AccountOverview = {
    ...seeded,
    opportunities: [deal, { ...deal, id: LOST, name: 'Réseau des agences' }],
    registrations: [
      transitionRegistration(held, 'won', decided),
      { ...transitionRegistration(held, 'lost', decided), id: 'reg-agences-reseau', opportunityId: LOST },
    ],
    quotes: [],
    opportunityCounts: { total: 2, byState: { ...byState, won: 1, lost: 1 } },
    nextCursor: null,
  };
  return { ...real, getAccountOverview: () => Promise.resolve(structuredClone(overview)) };
}

/** Text with the French narrow and no-break spaces read as spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f\s]+/g, ' ').trim();

const WORDS = {
  en: {
    summary: '2 opportunities: Won (1) · Lost (1)',
    won: 'Won',
    lost: 'Lost',
    register: 'Register opportunity',
  },
  fr: {
    summary: '2 opportunités : Gagnée (1) · Perdue (1)',
    won: 'Gagnée',
    lost: 'Perdue',
    register: 'Déclarer une opportunité',
  },
};

function row(root: Element, opportunityId: string): HTMLElement {
  return deepQuery(root, `[part~="opportunity"][data-opportunity-id="${opportunityId}"]`)!;
}

/** Both rows in words, with no action on either; the summary's counts. */
function expectWonAndLost(root: Element, words: (typeof WORDS)['en']): void {
  expect(plain(deepQuery(root, '[part~="summary"]')!.textContent!)).to.equal(words.summary);
  const won = row(root, WON);
  const lost = row(root, LOST);
  expect([won.dataset.state, lost.dataset.state]).to.deep.equal(['won', 'lost']);
  const badge = (el: Element) => deepQuery(el, '[part~="status-badge"]')!;
  expect([plain(badge(won).textContent!), badge(won).dataset.variant]).to.deep.equal([words.won, 'positive']);
  expect([plain(badge(lost).textContent!), badge(lost).dataset.variant]).to.deep.equal([words.lost, 'neutral']);
  for (const closed of [won, lost]) {
    expect(
      deepQueryAll(closed, 'button').map((b) => plain(b.textContent!)),
      `no action on ${closed.dataset.state}`,
    ).to.deep.equal([]);
    expect(closed.dataset.next).to.equal('none');
  }
}

describe('a won and a lost deal', () => {
  for (const locale of ['en', 'fr'] as const) {
    const words = WORDS[locale];

    it(`${locale}: <dealreg-status actions> shows "${words.won}" and "${words.lost}", counts one of each, offers nothing on them`, async () => {
      const el = await fixture(
        html`<dealreg-status actions locale=${locale} account-id="acc-protected" .adapter=${await wonAndLost()}></dealreg-status>`,
      );
      await until(() => row(el, LOST) && plain(deepText(el)).includes(words.summary), `the rows and their summary, in ${locale}`);
      expectWonAndLost(el, words);
      await expect(el).to.be.accessible();
    });

    it(`${locale}: <dealreg-panel> shows them so, with no Register anywhere (no row offers one, and the panel has none of its own)`, async () => {
      const el = await fixture(
        html`<dealreg-panel locale=${locale} account-id="acc-protected" .adapter=${await wonAndLost()}></dealreg-panel>`,
      );
      await until(
        () => row(el, LOST) && plain(deepText(el)).includes(words.summary) && deepQuery(el, '[part~="installed-base"]'),
        `the panel: rows, summary and sections, in ${locale}`,
      );
      expectWonAndLost(el, words);
      expect(deepQueryAll(el, 'button').map((b) => plain(b.textContent!))).not.to.include(words.register);
      expect(deepQuery(el, '#nothing-to-register'), 'no "nothing to register" under the listed deals').to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  }
});
