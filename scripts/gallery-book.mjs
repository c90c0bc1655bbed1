// The gallery's pictures of the rep's book (the demo's home page, `page=home`): which views and
// states, in which language, theme and width. Read by `npm run screenshot`, which shoots them, and by
// test/node/demo-gallery.test.mjs, which checks docs/gallery.md lists them all.

/** The book's width (its content box): a Lightning page's sidebar, and a home page's full width. */
export const BOOK_PLACEMENTS = [
  { id: 'sidebar', width: 360, label: 'sidebar (360 px)' },
  { id: 'full', width: 1200, label: 'full width (1200 px)' },
];

/** Two pictures that between them show both languages, both themes and both widths (a view's 25 rows make tall pictures). */
const TWO_VARIANTS = [
  { lang: 'en', theme: 'light', placement: 'full' },
  { lang: 'fr', theme: 'dark', placement: 'sidebar' },
];
const TWO_OTHER_VARIANTS = [
  { lang: 'en', theme: 'light', placement: 'sidebar' },
  { lang: 'fr', theme: 'dark', placement: 'full' },
];

/**
 * Each picture of the book: `view` is the tab selected, `act` what the rep does first (`search`,
 * `export`), `params` what the demo URL adds (`fail=1`: every request fails), `top` the height the
 * picture keeps of the card (what the shot is about is at its top). `title` and `caption` are
 * docs/gallery.md's words.
 */
export const BOOK_SHOTS = [
  {
    name: 'book-expiring-soon',
    title: 'Expiring soon (the first view)',
    caption:
      "Alpha's protections with 14 days or fewer left, the soonest first, each with its days left and Extend; every tab with its count; Show more with the number not shown.",
    view: 'expiring-soon',
    variants: [...TWO_VARIANTS, ...TWO_OTHER_VARIANTS],
  },
  {
    name: 'book-action-required',
    title: 'Action required',
    caption: 'The registrations the vendor sent back, the longest waiting first, each with the day it came back.',
    view: 'action-required',
    variants: TWO_VARIANTS,
  },
  {
    name: 'book-submitted',
    title: 'Awaiting the vendor',
    caption: 'The registrations submitted and not yet decided, the longest waiting first.',
    view: 'submitted',
    variants: TWO_VARIANTS,
  },
  {
    name: 'book-quoted',
    title: 'Quotes',
    caption: 'The protections with a restricted price still valid, the soonest to lapse first, each with its last day.',
    view: 'quoted',
    variants: TWO_VARIANTS,
  },
  {
    name: 'book-rejected',
    title: 'Rejected',
    caption: 'The rejected registrations, with their reasons.',
    view: 'rejected',
    variants: TWO_VARIANTS,
  },
  {
    name: 'book-active',
    title: 'All active',
    caption: 'Every protection that holds, expiring soon included; Request quote where no valid price is held.',
    view: 'active',
    variants: TWO_VARIANTS,
  },
  {
    name: 'book-search-empty',
    title: 'A search that finds nothing',
    caption: 'All active, searched for "Zola": the book says nothing matches, what to check, and offers Clear search.',
    view: 'active',
    act: 'search',
    search: 'Zola',
    variants: TWO_OTHER_VARIANTS,
  },
  {
    name: 'book-error',
    title: 'The book cannot be loaded (`fail=1`)',
    caption:
      'Every request fails (the mock answers 503): the book says the service is busy and to retry in a moment, with Retry, and offers no download.',
    view: 'expiring-soon',
    params: { fail: '1' },
    variants: TWO_OTHER_VARIANTS,
  },
  {
    name: 'book-export-done',
    title: 'Download CSV, done',
    caption:
      "Expiring soon exported: the file saved, and the status says how many rows it holds, the tab's count (the card's top).",
    view: 'expiring-soon',
    act: 'export',
    top: 640,
    variants: TWO_VARIANTS,
  },
  {
    name: 'book-as-beta',
    title: "Beta's book (`partner=beta`)",
    caption: "The same page signed in as Beta: Beta's own registrations and counts, never Alpha's.",
    view: 'expiring-soon',
    params: { partner: 'beta' },
    variants: TWO_VARIANTS,
  },
];

export const bookFile = (name, { lang, theme, placement }) => `${name}-${lang}-${theme}-${placement}.png`;
