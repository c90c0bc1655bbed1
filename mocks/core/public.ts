// Partner privacy (docs/program.md §4 rule 5): every response is built from an ALLOWLIST of named fields,
// copied one by one. An internal record is never spread, filtered or sent as it is, so a field added
// to a record later (partnerId, timers, …) cannot leak by accident.
import type {
  Account,
  Asset,
  Opportunity,
  OrderFacts,
  QuoteRequest,
  Registration,
  StatusChange,
} from '../../src/domain/types.ts';
import type { ProgramDefinition, ProtectionTerms } from '../../src/domain/program.ts';
import type { ClassifiedLine, DealSnapshot } from '../../src/domain/deal.ts';
import type { BookRegistration, BookRow } from '../../src/domain/book.ts';
import type { ExtensionStanding } from '../../src/program/protection.ts';
import type {
  InternalAccount,
  InternalAsset,
  InternalOpportunity,
  InternalQuote,
  InternalRegistration,
  Partner,
} from './model.ts';

function toPublicChange<S extends string>(change: StatusChange<S>): StatusChange<S> {
  const out: StatusChange<S> = { from: change.from, to: change.to, at: change.at, by: change.by };
  if (change.reason !== undefined) out.reason = change.reason;
  return out;
}

export function toPublicRegistration(reg: InternalRegistration): Registration {
  const out: Registration = {
    id: reg.id,
    accountId: reg.accountId,
    opportunityId: reg.opportunityId,
    status: reg.status,
    submittedAt: reg.submittedAt,
    reasons: [...reg.reasons],
    history: reg.history.map((h) => toPublicChange(h)),
    extensionsUsed: reg.extensionsUsed,
    presalesActivities: [...reg.presalesActivities],
  };
  if (reg.approvedAt !== undefined) out.approvedAt = reg.approvedAt;
  if (reg.protectedUntil !== undefined) out.protectedUntil = reg.protectedUntil;
  if (reg.note !== undefined) out.note = reg.note;
  if (reg.ruleSetId !== undefined) out.ruleSetId = reg.ruleSetId;
  if (reg.partnerOpportunityId !== undefined) out.partnerOpportunityId = reg.partnerOpportunityId;
  if (reg.deal !== undefined) out.deal = toPublicDealSnapshot(reg.deal);
  if (reg.unknownSkus !== undefined) out.unknownSkus = [...reg.unknownSkus];
  return out;
}

export function toPublicClassifiedLine(line: ClassifiedLine): ClassifiedLine {
  return { sku: line.sku, quantity: line.quantity, family: line.family, generation: line.generation };
}

function toPublicDealSnapshot(deal: DealSnapshot): DealSnapshot {
  return {
    name: deal.name,
    amount: { value: deal.amount.value, currency: deal.amount.currency },
    closeDate: deal.closeDate,
    lines: deal.lines.map(toPublicClassifiedLine),
  };
}

export function toPublicQuote(quote: InternalQuote): QuoteRequest {
  const out: QuoteRequest = {
    id: quote.id,
    registrationId: quote.registrationId,
    status: quote.status,
    requestedAt: quote.requestedAt,
  };
  if (quote.listPrice !== undefined) out.listPrice = quote.listPrice;
  if (quote.discountPercent !== undefined) out.discountPercent = quote.discountPercent;
  if (quote.netPrice !== undefined) out.netPrice = quote.netPrice;
  if (quote.currency !== undefined) out.currency = quote.currency;
  if (quote.validUntil !== undefined) out.validUntil = quote.validUntil;
  if (quote.reasons !== undefined) out.reasons = [...quote.reasons];
  if (quote.history !== undefined) out.history = quote.history.map((h) => toPublicChange(h));
  return out;
}

export function toPublicAsset(asset: InternalAsset): Asset {
  return {
    id: asset.id,
    family: asset.family,
    generation: asset.generation,
    quantity: asset.quantity,
    purchasedAt: asset.purchasedAt,
    endOfSupportAt: asset.endOfSupportAt,
  };
}

/** Another partner's protection shows only as the opaque boolean, never who or since when. */
export function toPublicOpportunity(opp: InternalOpportunity, protectedByAnotherPartner: boolean): Opportunity {
  return {
    id: opp.id,
    name: opp.name,
    amount: { value: opp.amount.value, currency: opp.amount.currency },
    closeDate: opp.closeDate,
    lines: opp.lines.map((line) => ({ family: line.family, sku: line.sku, quantity: line.quantity })),
    protectedByAnotherPartner,
  };
}

/** A customer first heard of in a registration is named to each partner as that partner named it. */
export function toPublicAccount(account: InternalAccount, partnerId?: string): Account {
  if (account.namedBy) {
    const named = partnerId === undefined ? undefined : account.namedBy.get(partnerId);
    return { id: account.id, name: named?.name ?? '', country: named?.country ?? '' };
  }
  return { id: account.id, name: account.name, country: account.country };
}

export function toPublicPartner(partner: Partner): { id: string; name: string } {
  return { id: partner.id, name: partner.name };
}

export function toPublicOrderFacts(facts: OrderFacts): OrderFacts {
  return { lastInfraOrderAt: facts.lastInfraOrderAt, lastInfraOrderByYouAt: facts.lastInfraOrderByYouAt };
}

/** The program is public vendor data; a deep copy keeps callers from mutating the backend's own. */
export function toPublicProgram(program: ProgramDefinition): ProgramDefinition {
  return structuredClone(program);
}

export function toPublicProtectionTerms(terms: ProtectionTerms): ProtectionTerms {
  return {
    periodDays: terms.periodDays,
    extensionDays: terms.extensionDays,
    maxExtensions: terms.maxExtensions,
    extensionWindowDays: terms.extensionWindowDays,
    expiringSoonDays: terms.expiringSoonDays,
    sameOpportunityCloseDateDays: terms.sameOpportunityCloseDateDays,
  };
}

/**
 * A row of the partner's book: its own registration (without its history), the customer as that
 * partner knows it, the deal's headline, the extension's standing (the engine's) and its latest quote.
 */
export function toPublicBookRow(
  reg: InternalRegistration,
  customer: Account,
  deal: Pick<Opportunity, 'name' | 'amount' | 'closeDate'>,
  quote: InternalQuote | undefined,
  extension: ExtensionStanding,
): BookRow {
  const registration: BookRegistration = {
    id: reg.id,
    opportunityId: reg.opportunityId,
    submittedAt: reg.submittedAt,
    updatedAt: reg.history.at(-1)?.at ?? reg.submittedAt,
    extensionsUsed: reg.extensionsUsed,
    reasons: [...reg.reasons],
  };
  if (reg.partnerOpportunityId !== undefined) registration.partnerOpportunityId = reg.partnerOpportunityId;
  return {
    registration,
    customer: { id: customer.id, name: customer.name },
    deal: { name: deal.name, amount: { value: deal.amount.value, currency: deal.amount.currency }, closeDate: deal.closeDate },
    status: reg.status,
    protectedUntil: reg.protectedUntil ?? null,
    extension: { ...extension },
    quote: quote ? { id: quote.id, status: quote.status, validUntil: quote.validUntil ?? null } : null,
  };
}
