// What the book's tests share: a <dealreg-book> mounted and shown, its rows and tabs, a view chosen.
import { fixture, html } from '@open-wc/testing';
import '../../widgets/index.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { DealRegBook } from '../../widgets/index.ts';
import { deepQuery, deepQueryAll, memoryAdapter, until } from './helpers.ts';

/** A book on `adapter` (Alpha's memory adapter unless given), shown. */
export async function book(
  adapter: DealRegAdapter = memoryAdapter(),
  attrs: { locale?: string; href?: string; accountHref?: string } = {},
): Promise<DealRegBook> {
  const el = await fixture<DealRegBook>(
    html`<dealreg-book
      .adapter=${adapter}
      locale=${attrs.locale ?? 'en'}
      record-href=${attrs.href ?? ''}
      account-href=${attrs.accountHref ?? ''}
    ></dealreg-book>`,
  );
  await settled(el);
  return el;
}

/** The rows, the empty message or the error panel are shown: nothing loading, no skeleton. */
export async function settled(el: DealRegBook): Promise<void> {
  await until(
    () =>
      !deepQuery(el, '[aria-busy="true"], .skeleton') &&
      (deepQuery(el, '[part~="row"]') || deepQuery(el, '[part~="empty"]') || deepQuery(el, '[part~="error"]')),
    'the book shown',
  );
  await el.updateComplete;
}

export const rows = (el: Element): HTMLElement[] => deepQueryAll<HTMLElement>(el, '[part~="row"]');

export const tab = (el: DealRegBook, view: string): HTMLButtonElement =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="tab"][data-view="${view}"]`)!;

/** Chooses a view's tab and waits for it to show. */
export async function select(el: DealRegBook, view: string): Promise<void> {
  tab(el, view).click();
  await el.updateComplete;
  await settled(el);
}
