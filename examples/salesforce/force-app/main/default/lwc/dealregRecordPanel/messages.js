// What the record page says, in the user's language (en, fr): its title, and why the account and its
// opportunities could not be read. The toasts are c/dealregHost's, shared with the book.

const TEXT = {
  en: {
    title: 'Opportunity protection',
    noAccess:
      'You cannot read this account’s opportunities and their products. Ask your Salesforce administrator for read ' +
      'access to accounts, opportunities, opportunity products and products.',
    unknownField: (field) =>
      `${field}, set for this component in Lightning App Builder, is not an Account field. ` +
      'Ask your Salesforce administrator to correct it.',
    noAccount: 'This opportunity has no account: link it to one to see whether it can be protected.',
    notFound: 'This record could not be read: it may have been deleted, or it is not shared with you.',
    readFailed: 'The account and its opportunities could not be read from Salesforce. Reload the page to try again.',
  },
  fr: {
    title: 'Protection des opportunités',
    noAccess:
      'Vous n’avez pas accès aux opportunités de ce compte et à leurs produits. Demandez à votre administrateur ' +
      'Salesforce l’accès en lecture aux comptes, aux opportunités, aux produits d’opportunité et aux produits.',
    unknownField: (field) =>
      `${field}, indiqué pour ce composant dans le Lightning App Builder, n’est pas un champ du compte. ` +
      'Demandez à votre administrateur Salesforce de le corriger.',
    noAccount:
      'Cette opportunité n’est rattachée à aucun compte : rattachez-la à un compte pour savoir si elle peut être protégée.',
    notFound: 'Impossible de lire cet enregistrement : il a peut-être été supprimé, ou ne vous est pas partagé.',
    readFailed: 'Impossible de lire le compte et ses opportunités dans Salesforce. Rechargez la page pour réessayer.',
  },
};

export function cardTitle(locale) {
  return (TEXT[locale] || TEXT.en).title;
}

/**
 * Why the records could not be read, from the wire's error: DealRegCrmRecords answers a code
 * (`no-access`, `unknown-field:<setting>`, `no-account`, `not-found`); anything else, a network
 * failure or an unexpected server error, is the general sentence.
 */
export function readFailure(error, locale) {
  const t = TEXT[locale] || TEXT.en;
  const body = error && error.body;
  const message = body && typeof body.message === 'string' ? body.message : '';
  const [, code, detail] = /^([a-z-]+)(?::(.+))?$/.exec(message) || [];
  switch (code) {
    case 'no-access':
      return t.noAccess;
    case 'unknown-field':
      return detail ? t.unknownField(detail) : t.readFailed;
    case 'no-account':
      return t.noAccount;
    case 'not-found':
      return t.notFound;
    default:
      return t.readFailed;
  }
}
