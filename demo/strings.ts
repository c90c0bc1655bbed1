// Every word the demo's host page says (the CRM around the panel), one table per language. The
// panel localizes itself (widgets/locales/); this is the host's own side, so a French demo has no
// English label outside the data. Errors and outcomes are words here, never machine codes.
import type { CrmAccount } from '../src/domain/crm.ts';
import type { OpportunityState, RegistrationStatus, RejectionReason } from '../src/domain/status.ts';
import type { DealRegErrorCode } from '../src/errors.ts';
import type { DealStatus, DraftField } from './crm-records.ts';
import type { RecordsMode } from './params.ts';

export type HostLang = 'en' | 'fr';

/** The demo rows of docs/program.md §6, one key each (acc-conflict twice: as Alpha and as Beta). */
export type ScenarioKey =
  | 'nextgen'
  | 'dormant'
  | 'installed'
  | 'other-installed'
  | 'conflict'
  | 'conflict-as-beta'
  | 'protected'
  | 'expiring'
  | 'quoted'
  | 'empty'
  | 'large'
  | 'broken';

/** The scenario list's rows for the CRM's home page (the partner's book), one per partner. */
export type HomeKey = 'home' | 'home-as-beta';

/** A scenario in one line: what is going on at the account, and what the signed-in partner should see. */
export interface ScenarioWords {
  situation: string;
  expect: string;
}

const LABELS_EN = {
  'app-name': 'Sales',
  search: 'Search…',
  'search-label': 'Search (decorative)',
  'signed-in-title': 'Signed-in partner',
  'nav-label': 'App navigation',
  'nav-home': 'Home',
  'nav-accounts': 'Accounts',
  'nav-opportunities': 'Opportunities',
  'nav-reports': 'Reports',
  'controls-label': 'Demo scenario',
  'demo-badge': 'Demo',
  'ctl-account': 'Account',
  'ctl-partner': 'Partner',
  'ctl-clock': 'Clock',
  'ctl-latency': 'Latency',
  'ctl-failures': 'Failures',
  'ctl-language': 'Language',
  'ctl-dark': 'Dark theme',
  'ctl-records': 'CRM records',
  'records-crm': 'From the CRM',
  'records-portal': 'None (vendor portal)',
  'records-invalid': 'With errors',
  'ctl-reset': 'Reset data',
  'ctl-link': 'Link to this scenario',
  'record-type': 'Account',
  follow: '+ Follow',
  edit: 'Edit',
  'new-contact': 'New Contact',
  'hl-id': 'Account ID',
  'hl-country': 'Country',
  'hl-opps': 'Opportunities',
  'hl-partner': 'Signed-in partner',
  'details-title': 'Details',
  'dt-name': 'Account name',
  'dt-country': 'Billing country',
  'dt-last-order': 'Last infrastructure order (any partner)',
  'dt-last-order-you': 'Last infrastructure order (yours)',
  'dt-installed': 'Your installed base',
  'dt-asof': 'Server clock',
  'dt-ids': 'Company identifiers',
  'opps-title': 'Opportunities',
  'new-opportunity': 'New opportunity',
  'th-name': 'Opportunity name',
  'th-amount': 'Amount',
  'th-close': 'Close date',
  'th-stage': 'Stage',
  'th-registration': 'Registration',
  'f-currency': 'Currency',
  'f-products': 'Products',
  'th-product': 'Product',
  'th-quantity': 'Quantity',
  'f-save': 'Save',
  'f-cancel': 'Cancel',
  'scenarios-title': 'Demo scenarios',
  'sidebar-label': 'Opportunity protection',
  'book-title': 'My registrations',
};

/** The keys of index.html's `data-text`, `data-label` (aria-label), `data-placeholder` and `data-title`. */
export type LabelKey = keyof typeof LABELS_EN;

export interface HostStrings {
  labels: Record<LabelKey, string>;
  /** The tab's title: the account's name, or none while it loads. */
  pageTitle(accountName: string | null): string;
  /** The tab's title on the CRM's home page. */
  homeTitle: string;
  /** The installed base in the record's details; the numbers come formatted. */
  installedBase(assets: number, units: number, lang: HostLang): string;
  viewAll(total: string): string;
  loadFailed(error: DealRegErrorCode): string;
  /** Why something failed, in words (the host's own, beside the panel's). */
  errors: Record<DealRegErrorCode, string>;
  registration: Record<RegistrationStatus, string>;
  rejectionReasons: Record<RejectionReason, string>;
  /** A rejected registration's toast, its reasons in words. */
  rejected(reasons: readonly string[]): string;
  quoteRequested: string;
  /** The extension's toast, with the new end of protection when the backend gave it. */
  extended(until: string | null): string;
  /** The scenario list's tag for a row signed in as another partner. */
  asPartner(partnerName: string): string;
  scenarios: Record<ScenarioKey, ScenarioWords>;
  /** The scenario list's rows for the panel without CRM records, and with invalid ones. */
  recordsModes: Record<Exclude<RecordsMode, 'crm'>, ScenarioWords>;
  /** The scenario list's rows for the home page: its name in the list, and each partner's book. */
  home: { page: string } & Record<HomeKey, ScenarioWords>;
  /** The CRM account's SIREN, VAT number and DUNS, as the details show them. */
  identifiers(account: Pick<CrmAccount, 'siren' | 'vatNumber' | 'duns'>): string;
  /** The related list's registration column: a deal's status as the panel's events told it (dates come formatted). */
  dealStatus(status: DealStatus | undefined, date: (iso: string) => string): string;
  /** "New opportunity": what is wrong with each field. */
  draftProblems: Record<DraftField, string>;
  /** The accessible name of a product's quantity field. */
  quantityOf(product: string): string;
  opportunityCreated(name: string): string;
}

/**
 * A field of a record, as a problem names it (`amount.value` → amount), in the host's column words. A
 * problem names an opportunity by its id only when it has one, so an `id` problem there is a duplicate.
 */
type RecordField = 'id' | 'name' | 'amount' | 'closeDate' | 'lines';
const recordField = (path: string): RecordField | null => {
  const top = path.split('.')[0];
  return top === 'id' || top === 'name' || top === 'amount' || top === 'closeDate' || top === 'lines' ? top : null;
};

/** The status column's words for a deal's standing, in one language. */
function statusWords(
  states: Record<OpportunityState, string>,
  until: { approved: (date: string) => string; 'expiring-soon': (date: string) => string },
  invalid: (field: RecordField | null) => string,
): HostStrings['dealStatus'] {
  return (status, date) => {
    if (status === undefined) return '—';
    if (status.kind === 'invalid') return invalid(recordField(status.field));
    const { state, protectedUntil } = status;
    if (protectedUntil !== null && (state === 'approved' || state === 'expiring-soon')) return until[state](date(protectedUntil));
    return states[state];
  };
}

const identifiersIn =
  (vat: string): HostStrings['identifiers'] =>
  (account) =>
    [
      account.siren === undefined ? null : `SIREN ${account.siren}`,
      account.vatNumber === undefined ? null : `${vat} ${account.vatNumber}`,
      account.duns === undefined ? null : `DUNS ${account.duns}`,
    ]
      .filter((part) => part !== null)
      .join(' · ') || '—';

const count = (n: number, lang: HostLang, one: string, other: string): string =>
  `${new Intl.NumberFormat(lang).format(n)} ${new Intl.PluralRules(lang).select(n) === 'one' ? one : other}`;

const EN: HostStrings = {
  labels: LABELS_EN,
  pageTitle: (name) => (name ? `${name} | Account | Sales` : 'Account | Sales (dealreg demo)'),
  homeTitle: 'Home | Sales',
  installedBase: (assets, units, lang) => `${count(assets, lang, 'asset', 'assets')}, ${count(units, lang, 'unit', 'units')}`,
  viewAll: (total) => `View all (${total})`,
  loadFailed(error) {
    return `This account could not be loaded: ${this.errors[error]}`;
  },
  errors: {
    network: 'the service cannot be reached.',
    offline: 'you are offline.',
    timeout: 'the service took too long to answer.',
    aborted: 'the request was cancelled.',
    'invalid-response': 'the service sent data that cannot be read.',
    'service-unavailable': 'the service is unavailable for the moment. Try again shortly.',
    'rate-limited': 'too many requests; try again in a moment.',
    unauthorized: 'your session has expired. Sign in again.',
    forbidden: 'you are not allowed to see this account.',
    'not-found': 'the account does not exist.',
    'bad-request': 'the request was refused.',
    'idempotency-key-reused': 'the same request was sent twice with different content.',
    'request-in-flight': 'the same request is still being processed.',
    'already-registered': 'this opportunity is already registered.',
    'not-protection-holder': 'you do not hold this protection.',
    'quote-already-open': 'a quote is already open.',
    'protection-not-active': 'the protection is not active.',
    'extension-not-allowed': 'this protection cannot be extended.',
    'illegal-transition': 'this change is not allowed in the current state.',
    'invalid-request': 'the request was refused.',
    'invalid-cursor': 'the list was out of date; reload the page.',
    'invalid-records': 'some CRM records are invalid; they are named in the panel.',
    unknown: 'something went wrong.',
  },
  registration: {
    submitted: 'Registration sent',
    approved: 'Registration approved',
    rejected: 'Registration rejected',
    'action-required': 'Registration needs your action',
    expired: 'Registration expired',
    withdrawn: 'Registration withdrawn',
    won: 'Opportunity won',
    lost: 'Opportunity lost',
  },
  rejectionReasons: {
    'already-protected': 'another partner already protects this deal',
    'not-eligible': 'the deal does not meet the program’s eligibility rules',
    'opportunity-closed': 'the opportunity is closed',
    'missing-presales-activity': 'no presales activity was given',
  },
  rejected(reasons) {
    const words = reasons.map((r) => this.rejectionReasons[r as RejectionReason]).filter(Boolean);
    return words.length > 0 ? `Registration rejected: ${words.join('; ')}` : this.registration.rejected;
  },
  quoteRequested: 'Restricted quote requested',
  extended: (until) => (until ? `Protection extended until ${until}` : 'Protection extended'),
  asPartner: (name) => `(as ${name})`,
  recordsModes: {
    portal: {
      situation: 'No CRM records: the vendor portal, the account by its id',
      expect: "The vendor's deals, and a form to register one by typing it",
    },
    invalid: {
      situation: 'CRM records with a wrong SIREN check digit, a duplicated id and a close date that does not exist',
      expect: 'Each invalid record named and never sent; the valid ones shown',
    },
  },
  home: {
    page: 'Home',
    home: {
      situation: "The rep's book: Alpha's registrations across its customers, some 400",
      expect: 'A tab per view with its count; "Extend protection" and "Request quote" on the row; each deal opens its account',
    },
    'home-as-beta': {
      situation: "The same page signed in as Beta: Beta's own book",
      expect: "Beta's registrations only, never Alpha's",
    },
  },
  identifiers: identifiersIn('VAT'),
  dealStatus: statusWords(
    {
      'not-registered': 'Not registered',
      submitted: 'Submitted',
      'action-required': 'Action required',
      approved: 'Approved',
      'expiring-soon': 'Expiring soon',
      expired: 'Expired',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
      won: 'Won',
      lost: 'Lost',
      'protected-by-other': 'Protected by another partner',
    },
    { approved: (date) => `Protected until ${date}`, 'expiring-soon': (date) => `Expiring ${date}` },
    (field) => {
      const what = {
        id: 'duplicate ID',
        name: 'invalid name',
        amount: 'invalid amount',
        closeDate: 'invalid close date',
        lines: 'invalid products',
      };
      return `Not sent: ${field === null ? 'invalid record' : what[field]}`;
    },
  ),
  draftProblems: {
    name: 'Enter a name.',
    amount: 'Enter an amount of 0 or more.',
    currency: 'Choose a currency.',
    closeDate: 'Enter a close date.',
    lines: 'Enter a whole quantity for at least one product.',
  },
  quantityOf: (product) => `Quantity of ${product}`,
  opportunityCreated: (name) => `Opportunity “${name}” created`,
  scenarios: {
    nextgen: {
      situation: "Beta's installed base; open deal with a Synergy line",
      expect: 'Eligible: latest-generation technology',
    },
    dormant: { situation: 'Last vendor infrastructure order 30 months ago', expect: 'Eligible: dormant account' },
    installed: {
      situation: 'Alpha sold servers here 5 and 11 months ago; classic server refresh',
      expect: 'Eligible only under the installed-base extension (move the clock before it to see the hint)',
    },
    'other-installed': {
      situation: 'Beta sold here 6 months ago; classic deal',
      expect: 'Not eligible; hint: add latest-generation technology',
    },
    conflict: {
      situation: 'Beta holds an approved protection on the deal',
      expect: '"Protected by another partner"; registering is rejected',
    },
    'conflict-as-beta': { situation: 'The same deal, signed in as Beta', expect: "Beta's own approved protection" },
    protected: { situation: 'Alpha holds an approved protection, 60 days left', expect: 'One-click "Request quote"' },
    expiring: { situation: "Alpha's protection ends in 5 days", expect: 'Expiring-soon warning, extension offered' },
    quoted: { situation: 'Alpha has a quote in state quoted', expect: 'Net price, discount and validity shown' },
    empty: { situation: 'New logo: no orders, no deals', expect: 'Empty state that invites a registration' },
    large: { situation: '1,000 opportunities, 10,000 installed-base assets', expect: 'Stays fast' },
    broken: { situation: 'The backend answers with a malformed payload', expect: 'Clear error state with Retry' },
  },
};

const FR: HostStrings = {
  labels: {
    'app-name': 'Ventes',
    search: 'Rechercher…',
    'search-label': 'Recherche (décorative)',
    'signed-in-title': 'Partenaire connecté',
    'nav-label': 'Navigation de l’application',
    'nav-home': 'Accueil',
    'nav-accounts': 'Comptes',
    'nav-opportunities': 'Opportunités',
    'nav-reports': 'Rapports',
    'controls-label': 'Scénario de démonstration',
    'demo-badge': 'Démo',
    'ctl-account': 'Compte',
    'ctl-partner': 'Partenaire',
    'ctl-clock': 'Date du jour',
    'ctl-latency': 'Latence',
    'ctl-failures': 'Échecs',
    'ctl-language': 'Langue',
    'ctl-dark': 'Thème sombre',
    'ctl-records': 'Fiches du CRM',
    'records-crm': 'Celles du CRM',
    'records-portal': 'Aucune (portail du constructeur)',
    'records-invalid': 'Avec des erreurs',
    'ctl-reset': 'Réinitialiser les données',
    'ctl-link': 'Lien vers ce scénario',
    'record-type': 'Compte',
    follow: '+ Suivre',
    edit: 'Modifier',
    'new-contact': 'Nouveau contact',
    'hl-id': 'ID du compte',
    'hl-country': 'Pays',
    'hl-opps': 'Opportunités',
    'hl-partner': 'Partenaire connecté',
    'details-title': 'Détails',
    'dt-name': 'Nom du compte',
    'dt-country': 'Pays de facturation',
    'dt-last-order': 'Dernière commande d’infrastructure (tous partenaires)',
    'dt-last-order-you': 'Dernière commande d’infrastructure (la vôtre)',
    'dt-installed': 'Votre base installée',
    'dt-asof': 'Date du serveur',
    'dt-ids': 'Identifiants de l’entreprise',
    'opps-title': 'Opportunités',
    'new-opportunity': 'Nouvelle opportunité',
    'th-name': 'Nom de l’opportunité',
    'th-amount': 'Montant',
    'th-close': 'Date de clôture',
    'th-stage': 'Étape',
    'th-registration': 'Déclaration',
    'f-currency': 'Devise',
    'f-products': 'Produits',
    'th-product': 'Produit',
    'th-quantity': 'Quantité',
    'f-save': 'Enregistrer',
    'f-cancel': 'Annuler',
    'scenarios-title': 'Scénarios de démonstration',
    'sidebar-label': 'Protection des opportunités',
    'book-title': 'Mes déclarations',
  },
  pageTitle: (name) => (name ? `${name} | Compte | Ventes` : 'Compte | Ventes (démo dealreg)'),
  homeTitle: 'Accueil | Ventes',
  installedBase: (assets, units, lang) =>
    `${count(assets, lang, 'équipement', 'équipements')}, ${count(units, lang, 'unité', 'unités')}`,
  viewAll: (total) => `Afficher tout (${total})`,
  loadFailed(error) {
    return `Impossible de charger ce compte : ${this.errors[error]}`;
  },
  errors: {
    network: 'le service est injoignable.',
    offline: 'vous êtes hors ligne.',
    timeout: 'le service a mis trop de temps à répondre.',
    aborted: 'la demande a été annulée.',
    'invalid-response': 'le service a envoyé des données illisibles.',
    'service-unavailable': 'le service est momentanément indisponible. Réessayez dans un instant.',
    'rate-limited': 'trop de demandes ; réessayez dans un instant.',
    unauthorized: 'votre session a expiré. Reconnectez-vous.',
    forbidden: 'vous n’avez pas accès à ce compte.',
    'not-found': 'ce compte n’existe pas.',
    'bad-request': 'la demande a été refusée.',
    'idempotency-key-reused': 'la même demande a été envoyée deux fois avec un contenu différent.',
    'request-in-flight': 'la même demande est encore en cours.',
    'already-registered': 'cette opportunité est déjà déclarée.',
    'not-protection-holder': 'vous n’êtes pas titulaire de cette protection.',
    'quote-already-open': 'une cotation est déjà ouverte.',
    'protection-not-active': 'la protection n’est pas active.',
    'extension-not-allowed': 'cette protection ne peut pas être prolongée.',
    'illegal-transition': 'ce changement n’est pas permis dans l’état actuel.',
    'invalid-request': 'la demande a été refusée.',
    'invalid-cursor': 'la liste n’était plus à jour ; rechargez la page.',
    'invalid-records': 'des enregistrements du CRM sont invalides ; le panneau les nomme.',
    unknown: 'une erreur est survenue.',
  },
  registration: {
    submitted: 'Déclaration envoyée',
    approved: 'Déclaration approuvée',
    rejected: 'Déclaration refusée',
    'action-required': 'Déclaration en attente de votre action',
    expired: 'Déclaration expirée',
    withdrawn: 'Déclaration retirée',
    won: 'Opportunité gagnée',
    lost: 'Opportunité perdue',
  },
  rejectionReasons: {
    'already-protected': 'un autre partenaire protège déjà cette affaire',
    'not-eligible': 'l’affaire ne remplit pas les règles d’éligibilité du programme',
    'opportunity-closed': 'l’opportunité est clôturée',
    'missing-presales-activity': 'aucune activité d’avant-vente n’a été indiquée',
  },
  rejected(reasons) {
    const words = reasons.map((r) => this.rejectionReasons[r as RejectionReason]).filter(Boolean);
    return words.length > 0 ? `Déclaration refusée : ${words.join(' ; ')}` : this.registration.rejected;
  },
  quoteRequested: 'Cotation restreinte demandée',
  extended: (until) => (until ? `Protection prolongée jusqu’au ${until}` : 'Protection prolongée'),
  asPartner: (name) => `(en tant que ${name})`,
  recordsModes: {
    portal: {
      situation: 'Sans fiches CRM : le portail du constructeur, le compte par son identifiant',
      expect: 'Les affaires connues du constructeur, et un formulaire pour en déclarer une en la saisissant',
    },
    invalid: {
      situation: 'Fiches CRM avec un SIREN à la clé fausse, un identifiant en double et une date de clôture inexistante',
      expect: 'Chaque fiche invalide signalée et jamais envoyée ; les fiches valides affichées',
    },
  },
  home: {
    page: 'Accueil',
    home: {
      situation: 'Le portefeuille du commercial : les déclarations d’Alpha chez tous ses clients, quelque 400',
      expect:
        'Un onglet par vue avec son total ; « Prolonger la protection » et « Demander une cotation » sur la ligne ; chaque affaire ouvre son compte',
    },
    'home-as-beta': {
      situation: 'La même page, connecté en tant que Beta : le portefeuille de Beta',
      expect: 'Les seules déclarations de Beta, jamais celles d’Alpha',
    },
  },
  identifiers: identifiersIn('TVA'),
  dealStatus: statusWords(
    {
      'not-registered': 'Non déclarée',
      submitted: 'Envoyée',
      'action-required': 'Action requise',
      approved: 'Approuvée',
      'expiring-soon': 'Expire bientôt',
      expired: 'Expirée',
      rejected: 'Refusée',
      withdrawn: 'Retirée',
      won: 'Gagnée',
      lost: 'Perdue',
      'protected-by-other': 'Protégée par un autre partenaire',
    },
    { approved: (date) => `Protégée jusqu’au ${date}`, 'expiring-soon': (date) => `Expire le ${date}` },
    (field) => {
      const what = {
        id: 'identifiant en double',
        name: 'nom invalide',
        amount: 'montant invalide',
        closeDate: 'date de clôture invalide',
        lines: 'produits invalides',
      };
      return `Non envoyée : ${field === null ? 'fiche invalide' : what[field]}`;
    },
  ),
  draftProblems: {
    name: 'Saisissez un nom.',
    amount: 'Saisissez un montant positif ou nul.',
    currency: 'Choisissez une devise.',
    closeDate: 'Saisissez une date de clôture.',
    lines: 'Indiquez une quantité entière pour au moins un produit.',
  },
  quantityOf: (product) => `Quantité de ${product}`,
  opportunityCreated: (name) => `Opportunité « ${name} » créée`,
  scenarios: {
    nextgen: {
      situation: 'Base installée de Beta ; affaire ouverte avec une ligne Synergy',
      expect: 'Éligible : technologie de dernière génération',
    },
    dormant: {
      situation: 'Dernière commande d’infrastructure du constructeur il y a 30 mois',
      expect: 'Éligible : compte dormant',
    },
    installed: {
      situation: 'Alpha a vendu des serveurs ici il y a 5 et 11 mois ; renouvellement de serveurs classiques',
      expect: 'Éligible seulement avec l’extension base installée (reculez la date du jour pour voir l’indice)',
    },
    'other-installed': {
      situation: 'Beta a vendu ici il y a 6 mois ; affaire classique',
      expect: 'Non éligible ; indice : ajouter une technologie de dernière génération',
    },
    conflict: {
      situation: 'Beta détient une protection approuvée sur l’affaire',
      expect: '« Protégée par un autre partenaire » ; la déclaration est refusée',
    },
    'conflict-as-beta': { situation: 'La même affaire, connecté en tant que Beta', expect: 'La protection approuvée de Beta' },
    protected: {
      situation: 'Alpha détient une protection approuvée, 60 jours restants',
      expect: '« Demander une cotation » en un clic',
    },
    expiring: {
      situation: 'La protection d’Alpha se termine dans 5 jours',
      expect: 'Alerte d’expiration, prolongation proposée',
    },
    quoted: { situation: 'Alpha a une cotation à l’état coté', expect: 'Prix net, remise et validité affichés' },
    empty: { situation: 'Nouveau client : ni commande ni affaire', expect: 'État vide qui invite à déclarer' },
    large: { situation: '1 000 opportunités, 10 000 équipements en base installée', expect: 'Reste rapide' },
    broken: { situation: 'Le backend répond avec des données malformées', expect: 'Erreur claire avec « Réessayer »' },
  },
};

export const HOST_STRINGS: Record<HostLang, HostStrings> = { en: EN, fr: FR };

/** Puts a language's labels on the static page: `data-text` (text), `data-label`, `data-placeholder`, `data-title`. */
export function localizeStaticLabels(root: ParentNode, strings: HostStrings): void {
  const label = (key: string | undefined): string | null =>
    key !== undefined && Object.hasOwn(strings.labels, key) ? strings.labels[key as LabelKey] : null;
  for (const el of root.querySelectorAll<HTMLElement>('[data-text], [data-label], [data-placeholder], [data-title]')) {
    const text = label(el.dataset.text);
    if (text !== null) el.textContent = text;
    const aria = label(el.dataset.label);
    if (aria !== null) el.setAttribute('aria-label', aria);
    const placeholder = label(el.dataset.placeholder);
    if (placeholder !== null) el.setAttribute('placeholder', placeholder);
    const title = label(el.dataset.title);
    if (title !== null) el.setAttribute('title', title);
  }
}
