// The book for a French-speaking Salesforce user: the card, the element and the toasts in French.
import { createElement } from 'lwc';
import DealregBook from 'c/dealregBook';
import { loadScript } from 'lightning/platformResourceLoader';
import { bookIn, defineFakeBook, eachTestOnANewPage, flush } from 'dealreg-test/fakeDealReg';

jest.mock('@salesforce/apex/DealRegController.getPartnerToken', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/i18n/lang', () => ({ default: 'fr-FR' }), { virtual: true });

defineFakeBook();

async function mount() {
  const element = createElement('c-dealreg-book', { is: DealregBook });
  document.body.appendChild(element);
  const toasts = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail));
  await flush();
  return { element, toasts, book: bookIn(element) };
}

describe('c-dealreg-book in French', () => {
  eachTestOnANewPage();

  it('titles the card, gives the element its locale and toasts in French', async () => {
    const { element, book, toasts } = await mount();
    expect(element.shadowRoot.querySelector('lightning-card').title).toBe('Mes opportunités déclarées');
    expect(book.locale).toBe('fr');
    book.fire('dealreg-extended', { registration: { status: 'approved', protectedUntil: '2017-06-14' } });
    expect(toasts).toEqual([{ title: 'Protection prolongée', message: 'Protégée jusqu’au 2017-06-14.', variant: 'success' }]);
  });

  it('says in French that the book is loading, then that it could not be loaded', async () => {
    loadScript.mockImplementation(() => new Promise(() => {}));
    const { element } = await mount();
    expect(element.shadowRoot.querySelector('lightning-spinner').alternativeText).toBe(
      'Chargement de vos opportunités déclarées',
    );
    document.body.removeChild(element);

    loadScript.mockRejectedValue(new Error('404'));
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await mount();
    expect(failed.element.shadowRoot.querySelector('[role="alert"]').textContent).toBe(
      'Impossible de charger vos opportunités déclarées. Rechargez la page pour réessayer.',
    );
  });
});
