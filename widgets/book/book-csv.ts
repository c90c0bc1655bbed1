// The book as a CSV file (the "Download CSV" of <dealreg-book>): the screen's columns plus the ids,
// written so Excel opens it cleanly in each language. DOM-free: rows and locale in, text out; the
// words come from msg(), so the caller runs it in the element's locale (localized()).
import type { BookPage } from '../../src/domain/book.ts';
import { bookStanding } from '../../src/program/book.ts';
import { quoteState } from '../../src/program/protection.ts';
import { msg } from '../i18n/localization.ts';
import './book-messages.ts';
import { opportunityMeaning, quoteMeaning } from '../i18n/status-meaning.ts';

/** Excel reads a file as UTF-8 only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

/** Excel in French takes `;` between fields (the comma is its decimal separator). */
export function csvSeparator(locale: string): ',' | ';' {
  return locale.toLowerCase().startsWith('fr') ? ';' : ',';
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, and the tab and carriage return that
 * can hide one) is kept as text by a leading apostrophe.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field: quoted when it holds the separator, a quote or a line break, its quotes doubled. */
export function csvField(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An amount as Excel reads it in `locale`: no grouping, a decimal comma in French. */
function csvAmount(value: number, separator: string): string {
  const plain = String(value);
  return separator === ';' ? plain.replace('.', ',') : plain;
}

/** The book's rows as a CSV file: a BOM, a header line, one line per row, CRLF between lines (RFC 4180). */
export function bookCsv(page: Pick<BookPage, 'rows' | 'asOf' | 'protection'>, locale: string): string {
  const separator = csvSeparator(locale);
  const header = [
    msg('Registration ID'),
    msg('CRM opportunity ID'),
    msg('Customer ID'),
    msg('Customer'),
    msg('Deal'),
    msg('Amount'),
    msg('Currency'),
    msg('Close date'),
    msg('Status'),
    msg('Days left'),
    msg('Protected until'),
    msg('Quote status'),
    msg('Quote valid until'),
  ];
  const lines = page.rows.map((row) => {
    const { state, protection } = bookStanding(row, page.asOf, page.protection);
    const quote = row.quote && quoteState({ status: row.quote.status, validUntil: row.quote.validUntil ?? undefined }, page.asOf);
    // The amount and the days left are never negative: the formula guard leaves them alone.
    return [
      row.registration.id,
      row.registration.partnerOpportunityId ?? '',
      row.customer.id,
      row.customer.name,
      row.deal.name,
      csvAmount(row.deal.amount.value, separator),
      row.deal.amount.currency,
      row.deal.closeDate,
      opportunityMeaning(state).label(),
      String(protection.daysLeft ?? ''),
      row.protectedUntil ?? '',
      quote ? quoteMeaning(quote.state).label() : '',
      row.quote?.validUntil ?? '',
    ];
  });
  const line = (cells: string[]): string => cells.map((cell) => csvField(guardFormula(cell), separator)).join(separator);
  return CSV_BOM + [header, ...lines].map(line).join('\r\n') + '\r\n';
}
