// Amounts as the host CRM shows them (no cents on whole amounts), and the status summary's wording
// (a count per state only when it adds something), in English and French.
import { expect } from '@open-wc/testing';
import { formatDaysLeft, formatMoney } from '../../widgets/i18n/format.ts';
import { statusSummary } from '../../widgets/i18n/summary-text.ts';
import { inLocale, loadLocale } from '../../widgets/i18n/localization.ts';
import { emptyStateCounts } from '../../src/program/opportunity-state.ts';
import type { OpportunityState } from '../../src/domain/status.ts';

/** French groups with a narrow no-break space and puts a no-break space before €: compare words. */
const spaces = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

function counts(byState: Partial<Record<OpportunityState, number>>): Record<OpportunityState, number> {
  return { ...emptyStateCounts(), ...byState };
}

describe('formatMoney', () => {
  it('en: whole amounts without cents, fractional amounts with them', () => {
    expect(formatMoney(160000, 'EUR', 'en')).to.equal('€160,000');
    expect(formatMoney(0, 'EUR', 'en')).to.equal('€0');
    expect(formatMoney(1234.5, 'EUR', 'en')).to.equal('€1,234.50');
    expect(formatMoney(0.05, 'USD', 'en')).to.equal('$0.05');
    expect(formatMoney(-250, 'USD', 'en')).to.equal('-$250');
  });

  it('fr: the same rule in French formats', () => {
    expect(spaces(formatMoney(160000, 'EUR', 'fr'))).to.equal('160 000 €');
    expect(spaces(formatMoney(1234.5, 'EUR', 'fr'))).to.equal('1 234,50 €');
    expect(spaces(formatMoney(136000.25, 'EUR', 'fr'))).to.equal('136 000,25 €');
  });

  it("whole once rounded to the currency's minor unit; a currency without cents never shows any", () => {
    expect(formatMoney(99.999, 'EUR', 'en')).to.equal('€100');
    expect(formatMoney(99.994, 'EUR', 'en')).to.equal('€99.99');
    expect(formatMoney(1500, 'JPY', 'en')).to.equal('¥1,500');
    expect(formatMoney(1500.4, 'JPY', 'en')).to.equal('¥1,500');
  });
});

describe('formatDaysLeft', () => {
  it('its last day is "last day", never "0 days left"; one and more counted, in English and French', async () => {
    expect([0, 1, 2].map((d) => formatDaysLeft(d, 'en'))).to.deep.equal(['last day', '1 day left', '2 days left']);
    await loadLocale('fr');
    const fr = [0, 1, 2].map((d) => inLocale('fr', () => formatDaysLeft(d, 'fr')));
    expect(fr).to.deep.equal(['dernier jour', '1 jour restant', '2 jours restants']);
  });
});

describe('statusSummary', () => {
  it('en: one opportunity says its state once; several in one state say "All"; a mix counts each state', () => {
    expect(statusSummary(1, counts({ approved: 1 }), 'en')).to.equal('1 opportunity: Approved');
    expect(statusSummary(3, counts({ 'not-registered': 3 }), 'en')).to.equal('All 3 opportunities: Not registered');
    expect(statusSummary(5, counts({ approved: 2, 'not-registered': 3 }), 'en')).to.equal(
      '5 opportunities: Not registered (3) · Approved (2)',
    );
    expect(statusSummary(1000, counts({ 'protected-by-other': 1000 }), 'en')).to.equal(
      'All 1,000 opportunities: Protected by another partner',
    );
    expect(statusSummary(0, counts({}), 'en')).to.equal('0 opportunities');
  });

  it('a single state that does not cover the total (counts out of step) still gives its count', () => {
    expect(statusSummary(4, counts({ approved: 3 }), 'en')).to.equal('4 opportunities: Approved (3)');
  });

  it('fr: the same, in French', async () => {
    await loadLocale('fr');
    // An element renders its messages in its own locale: the same scope, without an element.
    const fr = (total: number, byState: Partial<Record<OpportunityState, number>>): string =>
      spaces(inLocale('fr', () => statusSummary(total, counts(byState), 'fr')));
    expect(fr(1, { approved: 1 })).to.equal('1 opportunité : Approuvée');
    expect(fr(3, { approved: 3 })).to.equal('3 opportunités, toutes au statut « Approuvée »');
    expect(fr(1200, { approved: 200, submitted: 1000 })).to.equal('1 200 opportunités : Envoyée (1 000) · Approuvée (200)');
  });
});
