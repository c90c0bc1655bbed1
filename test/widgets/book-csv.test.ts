// Promises of the book's CSV (bookCsv): the screen's columns plus the ids, a BOM, the separator and
// decimal mark Excel expects in each language, fields quoted when they must be, and no cell a
// spreadsheet would run as a formula.
import { expect } from '@open-wc/testing';
import type { BookPage, BookRow } from '../../src/domain/book.ts';
import { bookCsv } from '../../widgets/book/book-csv.ts';
import { inLocale, loadLocale } from '../../widgets/i18n/localization.ts';
import { memoryAdapter } from './helpers.ts';

/** A real page of Alpha's book, its first row renamed to `customer` and `deal` with an amount of 1234.5. */
async function page(customer: string, deal: string): Promise<BookPage> {
  const real = await memoryAdapter().listRegistrations!({ view: 'active' });
  const row = real.rows[0]!;
  const renamed: BookRow = {
    ...row,
    customer: { ...row.customer, name: customer },
    deal: { ...row.deal, name: deal, amount: { value: 1234.5, currency: 'EUR' } },
  };
  return { ...real, rows: [renamed] };
}

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('bookCsv', () => {
  before(() => loadLocale('fr'));

  it("starts with a BOM and writes the ids and the screen's columns in English, comma-separated, amounts with a point", async () => {
    const p = await page('Girard SA', 'Renewal');
    const csv = inLocale('en', () => bookCsv(p, 'en'));
    expect(csv.charCodeAt(0), 'BOM').to.equal(0xfeff);
    const [header, first] = lines(csv);
    expect(header).to.equal(
      'Registration ID,CRM opportunity ID,Customer ID,Customer,Deal,Amount,Currency,Close date,Status,Days left,Protected until,Quote status,Quote valid until',
    );
    const row = p.rows[0]!;
    expect(first!.split(',').slice(0, 7)).to.deep.equal([
      row.registration.id,
      row.registration.partnerOpportunityId ?? '',
      row.customer.id,
      'Girard SA',
      'Renewal',
      '1234.5',
      'EUR',
    ]);
    expect(first!.split(',')[10]).to.equal(row.protectedUntil ?? '');
    expect(lines(csv).length, 'header, one row, the final line break').to.equal(3);
  });

  it('writes French with a semicolon, a decimal comma and the status in French words', async () => {
    const p = await page('Girard SA', 'Renouvellement, lot 2');
    const csv = inLocale('fr', () => bookCsv(p, 'fr'));
    const [header, first] = lines(csv);
    expect(header!.split(';').slice(0, 5)).to.deep.equal([
      "ID d'enregistrement",
      "ID d'opportunité CRM",
      'ID client',
      'Client',
      'Affaire',
    ]);
    const cells = first!.split(';');
    expect(cells[4], 'a comma is no separator in French').to.equal('Renouvellement, lot 2');
    expect(cells[5], 'decimal comma').to.equal('1234,5');
    expect(cells[8]).to.not.equal(
      inLocale('en', () => bookCsv(p, 'en'))
        .split('\r\n')[1]!
        .split(',')[8],
    );
  });

  it('quotes a field holding the separator, a quote or a line break, its quotes doubled', async () => {
    const p = await page('Durand, "Père" & fils', 'Line one\nline two');
    expect(inLocale('en', () => bookCsv(p, 'en'))).to.include(',"Durand, ""Père"" & fils","Line one\nline two",');
    const fr = await page('Girard SA', 'Lot; 2');
    expect(inLocale('fr', () => bookCsv(fr, 'fr'))).to.include(';Girard SA;"Lot; 2";');
  });

  it('keeps a cell starting with = + - or @ as text with a leading apostrophe', async () => {
    for (const start of ['=', '+', '-', '@']) {
      const p = await page(`${start}HYPERLINK("x")`, 'Deal');
      const csv = inLocale('en', () => bookCsv(p, 'en'));
      expect(csv, start).to.include(`"'${start}HYPERLINK(""x"")"`);
    }
    const p = await page('Acme = Co', 'Deal');
    const safe = inLocale('en', () => bookCsv(p, 'en'));
    expect(safe, 'only a leading sign').to.include(',Acme = Co,');
  });
});
