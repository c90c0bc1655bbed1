// The book's own words in each locale (widgets/locales/generated/book.ts, written by `npm run i18n`)
// come with its code: a page without a book never downloads them. Imported by each module of the
// book's chunk that speaks, so each works on its own.
import { addMessages } from '../i18n/localization.ts';
import { templates } from '../locales/generated/book.ts';

addMessages(templates);
