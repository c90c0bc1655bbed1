// Indexes over the store, so a request touches the records of its own account, opportunity or
// registration and never scans the whole store: a POST costs the same with 20,000 registrations
// stored as with 20. They hold ids (records are replaced on every transition) and are kept up to date
// by the put* functions, the only way the backend writes the maps they index (a registration of a
// CRM deal adds a customer and an opportunity). Assets are never written at run time: their index
// is built once.
import type { RegistrationStatus } from '../../src/domain/status.ts';
import { MAY_BLOCK_STATUSES } from '../../src/program/registrability.ts';
import { customerKeysOf } from './customers.ts';
import type { InternalAccount, InternalAsset, InternalOpportunity, InternalQuote, InternalRegistration, Store } from './model.ts';

/** The program's statuses a registration may still block a new one from (its partner's, or a competitor's). */
const MAY_BE_LIVE: ReadonlySet<RegistrationStatus> = new Set(MAY_BLOCK_STATUSES);

export interface StoreIndexes {
  /** Every registration of an account, in insertion order. */
  registrationsOfAccount(accountId: string): readonly string[];
  /** Every registration of a partner, across its accounts, in insertion order (the partner's book). */
  registrationsOfPartner(partnerId: string): readonly string[];
  /** How many writes went through these indexes: a read kept from before the last write is stale. */
  changes(): number;
  /** The registrations of an opportunity that may still block a new one (the program's MAY_BLOCK_STATUSES). */
  mayBeLiveRegistrationsOf(opportunityId: string): Iterable<string>;
  quotesOfRegistration(registrationId: string): readonly string[];
  /** One partner's rejected registrations of one opportunity, in insertion order (a rejection is final). */
  rejectedOf(opportunityId: string, partnerId: string): readonly string[];
  opportunitiesOfAccount(accountId: string): readonly string[];
  /** What one partner sold at one account: the overview never scans other accounts' assets. */
  assetsOf(accountId: string, partnerId: string): readonly InternalAsset[];
  /** The customer master: the account a `siren:…` or `duns:…` reference names. */
  customerOf(key: string): string | undefined;
  /** The vendor's record of one partner's CRM deal (its own opportunity, or the vendor's it registered). */
  dealRecordOf(partnerId: string, partnerOpportunityId: string): string | undefined;
  putRegistration(reg: InternalRegistration): void;
  putQuote(quote: InternalQuote): void;
  putAccount(account: InternalAccount): void;
  putOpportunity(opp: InternalOpportunity): void;
}

const NONE: readonly string[] = Object.freeze([]);
const NO_ASSETS: readonly InternalAsset[] = Object.freeze([]);

function push(index: Map<string, string[]>, key: string, id: string): void {
  const list = index.get(key);
  if (list) list.push(id);
  else index.set(key, [id]);
}

/** Indexes `store` as it is, then keeps them in step with every write made through them. */
export function indexStore(store: Store): StoreIndexes {
  const byAccount = new Map<string, string[]>();
  const byPartner = new Map<string, string[]>();
  let changes = 0;
  const mayBeLive = new Map<string, Set<string>>();
  const quotesByRegistration = new Map<string, string[]>();
  const opportunitiesByAccount = new Map<string, string[]>();
  const assetsByAccountAndPartner = new Map<string, InternalAsset[]>();
  const rejected = new Map<string, string[]>();
  const assetKey = (accountId: string, partnerId: string) => JSON.stringify([accountId, partnerId]);
  const rejectedKey = (opportunityId: string, partnerId: string) => JSON.stringify([opportunityId, partnerId]);
  const customers = new Map<string, string>();
  const dealRecords = new Map<string, string>();
  const dealKey = (partnerId: string, partnerOpportunityId: string) => JSON.stringify([partnerId, partnerOpportunityId]);
  const trackDeal = (partnerId: string | undefined, partnerOpportunityId: string | undefined, opportunityId: string) => {
    if (partnerId === undefined || partnerOpportunityId === undefined) return;
    const key = dealKey(partnerId, partnerOpportunityId);
    if (!dealRecords.has(key)) dealRecords.set(key, opportunityId);
  };
  const trackCustomer = (account: InternalAccount) => {
    for (const key of customerKeysOf(account)) if (!customers.has(key)) customers.set(key, account.id);
  };

  function trackLiveness(reg: InternalRegistration): void {
    let live = mayBeLive.get(reg.opportunityId);
    if (MAY_BE_LIVE.has(reg.status)) {
      if (!live) mayBeLive.set(reg.opportunityId, (live = new Set()));
      live.add(reg.id);
    } else if (live) {
      live.delete(reg.id);
      if (live.size === 0) mayBeLive.delete(reg.opportunityId);
    }
  }

  for (const account of store.accounts.values()) trackCustomer(account);
  for (const opp of store.opportunities.values()) {
    push(opportunitiesByAccount, opp.accountId, opp.id);
    trackDeal(opp.partnerId, opp.partnerOpportunityId, opp.id);
  }
  for (const reg of store.registrations.values()) {
    push(byAccount, reg.accountId, reg.id);
    push(byPartner, reg.partnerId, reg.id);
    trackDeal(reg.partnerId, reg.partnerOpportunityId, reg.opportunityId);
    trackLiveness(reg);
    if (reg.status === 'rejected') push(rejected, rejectedKey(reg.opportunityId, reg.partnerId), reg.id);
  }
  for (const quote of store.quotes.values()) push(quotesByRegistration, quote.registrationId, quote.id);
  for (const asset of store.assets) {
    const key = assetKey(asset.accountId, asset.partnerId);
    const list = assetsByAccountAndPartner.get(key);
    if (list) list.push(asset);
    else assetsByAccountAndPartner.set(key, [asset]);
  }

  return {
    registrationsOfAccount: (accountId) => byAccount.get(accountId) ?? NONE,
    registrationsOfPartner: (partnerId) => byPartner.get(partnerId) ?? NONE,
    changes: () => changes,
    mayBeLiveRegistrationsOf: (opportunityId) => mayBeLive.get(opportunityId) ?? NONE,
    quotesOfRegistration: (registrationId) => quotesByRegistration.get(registrationId) ?? NONE,
    rejectedOf: (opportunityId, partnerId) => rejected.get(rejectedKey(opportunityId, partnerId)) ?? NONE,
    opportunitiesOfAccount: (accountId) => opportunitiesByAccount.get(accountId) ?? NONE,
    assetsOf: (accountId, partnerId) => assetsByAccountAndPartner.get(assetKey(accountId, partnerId)) ?? NO_ASSETS,
    customerOf: (key) => customers.get(key),
    dealRecordOf: (partnerId, partnerOpportunityId) => dealRecords.get(dealKey(partnerId, partnerOpportunityId)),
    putRegistration(reg) {
      changes += 1;
      const before = store.registrations.get(reg.id);
      if (!before) {
        push(byAccount, reg.accountId, reg.id);
        push(byPartner, reg.partnerId, reg.id);
      }
      trackDeal(reg.partnerId, reg.partnerOpportunityId, reg.opportunityId);
      if (reg.status === 'rejected' && before?.status !== 'rejected') {
        push(rejected, rejectedKey(reg.opportunityId, reg.partnerId), reg.id);
      }
      store.registrations.set(reg.id, reg);
      trackLiveness(reg);
    },
    putQuote(quote) {
      changes += 1;
      if (!store.quotes.has(quote.id)) push(quotesByRegistration, quote.registrationId, quote.id);
      store.quotes.set(quote.id, quote);
    },
    putAccount(account) {
      changes += 1;
      store.accounts.set(account.id, account);
      trackCustomer(account);
    },
    putOpportunity(opp) {
      changes += 1;
      if (!store.opportunities.has(opp.id)) push(opportunitiesByAccount, opp.accountId, opp.id);
      store.opportunities.set(opp.id, opp);
      trackDeal(opp.partnerId, opp.partnerOpportunityId, opp.id);
    },
  };
}
