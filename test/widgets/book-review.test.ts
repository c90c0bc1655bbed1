// What the gallery's review of <dealreg-book> found a rep would read wrong, kept right: the Quotes
// view lists the prices that lapse soonest first (the order), "Download CSV" is offered only
// when the view has rows to save, a registration sent back without reasons says when and that it
// waits for the partner, and the French words are the program's (déclaration, cotation).
import { expect } from '@open-wc/testing';
import '../../widgets/index.ts';
import { DealRegError } from '../../src/errors.ts';
import type { DealRegBook } from '../../widgets/index.ts';
import { deepQuery, deepQueryAll, deepText, memoryAdapter, until } from './helpers.ts';
import { book, rows, select } from './book-helpers.ts';

const exportButton = (el: DealRegBook) => deepQuery(el, '[part~="export-button"]');

describe('<dealreg-book>, as the gallery review left it', () => {
  it('Quotes lists the restricted prices that lapse soonest first, every page in that order', async () => {
    const adapter = memoryAdapter();
    const el = await book(adapter);
    await select(el, 'quoted');
    deepQuery<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
    await until(() => rows(el).length > 25, 'the second page');
    const all = await adapter.listRegistrations!({ view: 'quoted', limit: 100 });
    const validity = new Map(all.rows.map((r) => [r.registration.id, r.quote!.validUntil!]));
    const shownDays = rows(el).map((r) => validity.get(r.dataset.registrationId!)!);
    expect(shownDays.length).to.be.greaterThan(25);
    expect(shownDays).to.deep.equal([...shownDays].sort());
  });

  it('offers "Download CSV" beside rows only: not for an empty search, nor when the book could not be loaded', async () => {
    const el = await book();
    expect(!!exportButton(el), 'offered with rows').to.equal(true);
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = 'Zola';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part~="search"]')!.requestSubmit();
    await until(() => deepQuery(el, '[part~="empty"]'), 'the empty search');
    expect(!!exportButton(el), 'offered for an empty search').to.equal(false);

    const failing = await book({ ...memoryAdapter(), listRegistrations: () => Promise.reject(new DealRegError('network')) });
    expect(deepQuery(failing, '[part~="error"]')).to.exist;
    expect(!!exportButton(failing), 'offered beside the error').to.equal(false);
  });

  it('a registration the vendor sent back without reasons says when, and that it awaits the partner', async () => {
    const adapter = memoryAdapter();
    const el = await book(adapter);
    await select(el, 'action-required');
    const page = await adapter.listRegistrations!({ view: 'action-required' });
    const bare = page.rows.findIndex((r) => r.registration.reasons.length === 0);
    expect(bare, 'a row without reasons').to.be.at.least(0);
    // The date as the book writes it: its spaces unbreakable.
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(page.rows[bare]!.registration.updatedAt))
      .replace(/ /g, '\u00a0');
    expect(deepText(rows(el)[bare]!)).to.include(`Sent back by the vendor on ${day}: it awaits your answer.`);
  });

  it("speaks the program's French: déclarations and cotations", async () => {
    const el = await book(memoryAdapter(), { locale: 'fr' });
    await select(el, 'quoted');
    const tab = el.shadowRoot!.querySelector('[part~="tab"][data-view="quoted"]')!;
    expect(tab.textContent).to.match(/Cotations \(\d+\)/);
    expect(deepText(el)).to.match(/Cotation reçue, valable jusqu'au \d/);
    expect(deepText(el)).to.not.include('Devis');
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = 'Zola';
    el.shadowRoot!.querySelector<HTMLFormElement>('[part~="search"]')!.requestSubmit();
    await until(() => deepQuery(el, '[part~="empty"]'), 'the empty search');
    expect(deepText(deepQuery(el, '[part~="empty"]')!)).to.include('Aucune déclaration ne correspond à « Zola »');
  });

  it('one brand button per row: while the extension can be requested, Request quote beside it is neutral', async () => {
    const el = await book();
    // The buttons in the brand colour, by visible name (the quote button's inside its own shadow root).
    const brand = (row: Element) =>
      deepQueryAll<HTMLButtonElement>(row, 'button')
        .filter((b) => getComputedStyle(b).backgroundColor === 'rgb(1, 118, 211)')
        .map((b) => b.textContent?.trim());
    const both = rows(el).filter((r) => deepQuery(r, '[part~="extend-button"]') && deepQuery(r, '[part~="request-button"]'));
    expect(both.length, 'rows offering Extend and Request quote').to.be.greaterThan(0);
    for (const row of both) expect(brand(row), row.dataset.registrationId).to.deep.equal(['Extend protection']);
  });
});
