// What the book's card says, in the user's language (en, fr); the rows speak the element's own words.

const TEXT = {
  en: {
    title: 'My registered deals',
    loading: 'Loading your registered deals',
    loadFailed: 'Your registered deals could not be loaded. Reload the page to try again.',
  },
  fr: {
    title: 'Mes opportunités déclarées',
    loading: 'Chargement de vos opportunités déclarées',
    loadFailed: 'Impossible de charger vos opportunités déclarées. Rechargez la page pour réessayer.',
  },
};

export function bookText(locale) {
  return TEXT[locale] || TEXT.en;
}
