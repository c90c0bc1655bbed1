// Why the records could not be read, in the user's words (en, fr): each code DealRegCrmRecords
// answers, and the general sentence for anything else.
import { readFailure } from '../messages';

const apexError = (message) => ({ body: { message }, ok: false, status: 500, statusText: 'Server Error' });

describe('readFailure', () => {
  it('puts each code from Apex into words, in French too', () => {
    const codes = ['no-access', 'unknown-field:Account.SIRN__c', 'no-account', 'not-found'];
    expect(codes.map((code) => readFailure(apexError(code), 'fr'))).toEqual([
      'Vous n’avez pas accès aux opportunités de ce compte et à leurs produits. Demandez à votre administrateur ' +
        'Salesforce l’accès en lecture aux comptes, aux opportunités, aux produits d’opportunité et aux produits.',
      'Account.SIRN__c, indiqué pour ce composant dans le Lightning App Builder, n’est pas un champ du compte. ' +
        'Demandez à votre administrateur Salesforce de le corriger.',
      'Cette opportunité n’est rattachée à aucun compte : rattachez-la à un compte pour savoir si elle peut être protégée.',
      'Impossible de lire cet enregistrement : il a peut-être été supprimé, ou ne vous est pas partagé.',
    ]);
    expect(readFailure(apexError('not-found'), 'en')).toBe(
      'This record could not be read: it may have been deleted, or it is not shared with you.',
    );
  });

  it('says the general sentence for anything else, never the server’s own message', () => {
    const general = 'The account and its opportunities could not be read from Salesforce. Reload the page to try again.';
    expect(readFailure(apexError('An internal server error has occurred'), 'en')).toBe(general);
    expect(readFailure(apexError('unknown-field'), 'en')).toBe(general);
    expect(readFailure({ body: [{ errorCode: 'NOT_FOUND', message: 'not-found' }], status: 404 }, 'en')).toBe(general);
    expect(readFailure(undefined, 'de')).toBe(general);
  });
});
