// The toast for each outcome of a dealreg element's actions, in the user's language (en, fr): the
// record page components and the book say the same thing for the same event. Failed loads are not
// toasted: the elements already show them in place, with a Retry.

const TEXT = {
  en: {
    approved: (until) => ['Opportunity protected', until ? `Protected until ${until}.` : ''],
    rejected: (reasons) => ['Registration rejected', reasons],
    quote: () => ['Restricted quote requested', 'You will see the quote here once the vendor has answered.'],
    extended: (until) => ['Protection extended', until ? `Protected until ${until}.` : ''],
    failed: (code) => ['The action did not go through', `Reason: ${code}.`],
  },
  fr: {
    approved: (until) => ['Opportunité protégée', until ? `Protégée jusqu’au ${until}.` : ''],
    rejected: (reasons) => ['Déclaration refusée', reasons],
    quote: () => ['Cotation restreinte demandée', 'La cotation s’affichera ici dès la réponse du constructeur.'],
    extended: (until) => ['Protection prolongée', until ? `Protégée jusqu’au ${until}.` : ''],
    failed: (code) => ['L’action n’a pas abouti', `Motif : ${code}.`],
  },
};

const USER_ACTIONS = new Set(['register', 'request-quote', 'extend']);

/** { title, message, variant } for ShowToastEvent, or null when the event needs no toast. */
export function toastFor(name, detail, locale) {
  const t = TEXT[locale] || TEXT.en;
  const toast = (variant, [title, message]) => ({ title, message, variant });
  switch (name) {
    case 'registered': {
      const registration = detail.registration || {};
      return registration.status === 'approved'
        ? toast('success', t.approved(registration.protectedUntil))
        : toast('warning', t.rejected((registration.reasons || []).join(', ')));
    }
    case 'quoterequested':
      return toast('success', t.quote());
    case 'extended':
      return toast('success', t.extended((detail.registration || {}).protectedUntil));
    case 'error':
      return USER_ACTIONS.has(detail.operation) ? toast('error', t.failed(detail.error.code)) : null;
    default:
      return null;
  }
}
