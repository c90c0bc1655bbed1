// The presales activities in words: only the registration form lists them, so they travel in its
// chunk (widgets/register-form/registration-form.ts), not in the entry.
import { msg } from './localization.ts';

/** Labels of the presales activities the program rewards. */
export function presalesActivityLabel(code: string): string {
  switch (code) {
    case 'workshop':
      return msg('Workshop');
    case 'proof-of-concept':
      return msg('Proof of concept');
    case 'sizing':
      return msg('Sizing');
    case 'demo':
      return msg('Demo');
    case 'architecture-design':
      return msg('Architecture design');
    default:
      return code;
  }
}
