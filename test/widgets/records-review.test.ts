// What the gallery review of the panel with the host's records found (issue 19 §3, `npm run
// screenshot`), in English and French with axe in each state: an account that cannot be loaded says
// so once; invalid records are named in the rep's words and language, the deal by its name, with a
// gap before the list; a deal won or lost in the CRM is told as won or lost (badge, summary,
// `dealreg-deal-states`), with the date it closed; the French says no literal "ici"; an account with
// no deal says so once.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegPanel } from '../../widgets/index.ts';
import { demoCrmRecords } from '../../mocks/core/demo-crm.ts';
import type { CrmRecords } from '../../src/domain/crm.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { DealRegDealStatesEvent } from '../../widgets/events/events.ts';
import { backend, buttonNamed, deepQuery, deepQueryAll, deepText, failingOverview, memoryAdapter, until } from './helpers.ts';

type Locale = 'en' | 'fr';

const WORDS = {
  en: {
    retry: 'Retry',
    title: 'Deal registration: ',
    notRegistered: 'Not registered',
    won: 'Won',
    lost: 'Lost',
    closed: /closed Sep 14, 2016/,
    empty: 'No opportunities for this account in your CRM yet',
    problems: {
      siren: 'Account · SIREN to correct',
      duplicate: 'Extension réseau (006DUP) · CRM ID on several opportunities',
      closeDate: 'Baies flash (006BADDATE) · close date to correct',
      currency: 'Baies flash (006BADCURRENCY) · currency to correct',
      noId: 'Sans identifiant (#6) · CRM ID to correct',
    },
  },
  fr: {
    retry: 'Réessayer',
    title: 'Protection des opportunités : ',
    notRegistered: 'Non déclarée',
    won: 'Gagnée',
    lost: 'Perdue',
    closed: /clôturée le 14 sept\. 2016/,
    empty: 'Aucune opportunité pour ce compte dans votre CRM',
    problems: {
      siren: 'Compte · SIREN à corriger',
      duplicate: 'Extension réseau (006DUP) · identifiant CRM sur plusieurs opportunités',
      closeDate: 'Baies flash (006BADDATE) · date de clôture à corriger',
      currency: 'Baies flash (006BADCURRENCY) · devise à corriger',
      noId: 'Sans identifiant (#6) · identifiant CRM à corriger',
    },
  },
} as const;

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function panel(records: unknown, locale: Locale, adapter: DealRegAdapter = memoryAdapter()): Promise<DealRegPanel> {
  return fixture<DealRegPanel>(
    html`<dealreg-panel style="width:640px" locale=${locale} .records=${records as CrmRecords} .adapter=${adapter}></dealreg-panel>`,
  );
}

/** The CRM deals' list inside the panel (the eligibility section has a summary of its own). */
function list(el: Element): Element {
  const found = deepQuery(el, 'dealreg-crm-deals');
  if (!found) throw new Error('no CRM deals list');
  return found;
}

/** Nothing loading, and the list's summary, empty line or an error shown. */
function settled(el: Element): boolean {
  const deals = deepQuery(el, 'dealreg-crm-deals');
  return (
    !!deals &&
    !!deepQuery(deals, '[part~="summary"], [part~="empty"], [part~="error"]') &&
    !deepQuery(el, '.checking, [aria-busy="true"], .skeleton')
  );
}

for (const locale of ['en', 'fr'] as const) {
  const w = WORDS[locale];

  describe(`<dealreg-panel> with records, as the gallery shows it (${locale})`, () => {
    it('an account that cannot be loaded says so once, under the account’s name, and Retry shows it all', async () => {
      const records = demoCrmRecords('acc-dormant');
      const { adapter, setFailing } = failingOverview('service-unavailable');
      const el = await panel(records, locale, adapter);
      await until(() => settled(el) && !!deepQuery(el, '[part~="error"]'), 'the error');
      expect(deepQueryAll(el, '[part~="error"]')).to.have.length(1);
      expect(deepQueryAll(el, 'button').filter((b) => b.textContent?.trim() === w.retry)).to.have.length(1);
      expect(squash(deepText(deepQuery(el, '[part~="header"] h2')!))).to.equal(`${w.title}${records.account.name}`);
      await expect(el).to.be.accessible();
      setFailing(false);
      buttonNamed(el, w.retry)!.click();
      await until(() => !!deepQuery(el, 'dealreg-eligibility') && !!deepQuery(el, 'li[part~="opportunity"]'), 'the account');
      expect(deepQueryAll(el, '[part~="error"]')).to.have.length(0);
    });

    it('names each invalid record in the rep’s words and language: the deal by its name, the field to correct', async () => {
      const records = demoCrmRecords('acc-nextgen');
      const good = records.opportunities[0]!;
      const twice = { ...good, id: '006DUP', name: 'Extension réseau' };
      const flash = { ...good, name: 'Baies flash' };
      const input = {
        account: { ...records.account, siren: '412853674' }, // one digit off: the check digit fails
        opportunities: [
          good,
          twice,
          { ...twice },
          { ...flash, id: '006BADDATE', closeDate: '2017-02-30' },
          { ...flash, id: '006BADCURRENCY', amount: { value: 5, currency: 'EURO' } },
          { ...good, id: '', name: 'Sans identifiant' },
        ],
      };
      const el = await panel(input, locale);
      await until(() => !!deepQuery(el, '[data-code="invalid-records"] li'), 'the records named');
      const named = deepQueryAll(el, '[data-code="invalid-records"] li').map((li) => squash(deepText(li)));
      expect(named).to.have.members(Object.values(w.problems));
      // The reader's own English (for developers) is never shown to the rep.
      expect(deepText(deepQuery(el, '[data-code="invalid-records"]')!)).to.not.match(/expected/i);
      await until(() => settled(el) && !!deepQuery(list(el), '[part~="summary"]'), 'the valid deal');
      await expect(el).to.be.accessible();
    });

    it('leaves a gap between the invalid records and the list that follows', async () => {
      const records = demoCrmRecords('acc-nextgen');
      const good = records.opportunities[0]!;
      const el = await panel({ ...records, opportunities: [good, { ...good, id: '006BAD', closeDate: '2017-02-30' }] }, locale);
      await until(() => settled(el) && !!deepQuery(list(el), '[part~="summary"]'), 'settled');
      const box = deepQuery(el, '[data-code="invalid-records"]')!.getBoundingClientRect();
      const summary = deepQuery(list(el), '[part~="summary"]')!.getBoundingClientRect();
      expect(summary.top - box.bottom).to.be.at.least(8);
    });

    it('a deal won or lost in the CRM is told as won or lost, with the date it closed: badge, summary, host', async () => {
      for (const [account, closed] of [
        ['acc-installed', 'won'],
        ['acc-dormant', 'lost'],
      ] as const) {
        const records = demoCrmRecords(account);
        const deal = records.opportunities.find((o) => o.closed === closed)!;
        const states: DealRegDealStatesEvent[] = [];
        const host = document.createElement('div');
        host.addEventListener('dealreg-deal-states', (e) => states.push(e as DealRegDealStatesEvent));
        const el = await fixture<DealRegPanel>(
          html`<dealreg-panel locale=${locale} .records=${records} .adapter=${memoryAdapter()}></dealreg-panel>`,
          { parentNode: document.body.appendChild(host) },
        );
        await until(() => settled(el) && states.length > 0, 'the deals told');
        const row = deepQuery<HTMLElement>(el, `li[data-crm-id="${deal.id}"]`)!;
        expect(row.dataset.state).to.equal(closed);
        expect(squash(deepText(deepQuery(row, '[part~="status-badge"]')!))).to.equal(w[closed]);
        if (account === 'acc-installed') expect(squash(deepText(deepQuery(row, '.meta')!))).to.match(w.closed);
        const summary = squash(deepText(deepQuery(list(el), '[part~="summary"]')!));
        expect(summary).to.include(`${w[closed]} (1)`);
        expect(summary).to.include(`${w.notRegistered} (1)`);
        expect(states.at(-1)!.detail.deals.find((d) => d.partnerOpportunityId === deal.id)!.state).to.equal(closed);
        await expect(el).to.be.accessible();
        fixtureCleanup();
        host.remove();
      }
    });

    it('says where a deal shows, or what it has no record of, without a literal "here" in French', async () => {
      // A registration made on the vendor's portal (no CRM id), at an account whose CRM holds no deal.
      const core = backend();
      const request = { accountId: 'acc-nextgen', opportunityId: 'opp-nextgen-synergy', presalesActivities: ['workshop'] };
      await core.registerOpportunity('demo-alpha', request, `records-review-${locale}`);
      const records = demoCrmRecords('acc-nextgen');
      const portal = await panel({ ...records, opportunities: [] }, locale, memoryAdapter(core));
      await until(() => settled(portal) && !!deepQuery(portal, 'li[data-origin="registered-elsewhere"]'), 'the portal’s deal');
      const empty = await panel(demoCrmRecords('acc-empty'), locale);
      await until(() => settled(empty) && !!deepQuery(list(empty), '[part~="empty"]'), 'the empty list');
      for (const el of [portal, empty]) {
        const text = squash(deepText(list(el)));
        if (locale === 'fr') expect(text).to.not.match(/(?<!d’)\bici\b/);
        await expect(el).to.be.accessible();
      }
    });

    it('an account with no deal in the CRM says so once, without "0 opportunities" above it', async () => {
      const el = await panel(demoCrmRecords('acc-empty'), locale);
      await until(() => settled(el) && !!deepQuery(list(el), '[part~="empty"]'), 'the empty list');
      const text = squash(deepText(list(el)));
      expect(text.startsWith(w.empty), text).to.equal(true);
      expect(!!deepQuery(list(el), '[part~="summary"]'), 'a summary above the empty line').to.equal(false);
      await expect(el).to.be.accessible();
    });
  });
}
