// What opening a book row does in Salesforce, from dealreg-open-record's detail. Its ids are the
// vendor's, read here for what Salesforce can know of them (widgets/book/book-view.ts, src/domain/book.ts):
// - `partnerOpportunityId` is the CRM's id of the deal as the partner sent it when registering it: an
//   Opportunity id (006…) for a deal registered from this org's panel (c/crmRecords sends Opportunity.Id),
//   but `typed-…` for a deal typed into a panel without records, and another CRM's id for a deal
//   registered there; absent for a deal registered outside any CRM;
// - `accountId` is the vendor's own id of the customer (BookRow.customer.id), which the vendor finds by
//   SIREN, VAT number or DUNS and never by a Salesforce id: it names no Account in this org, even
//   when it looks like one (a vendor on Salesforce has its own 001… ids).
// So a row opens its Opportunity when its CRM id is an Opportunity id, and no Account page ever.

/** An Opportunity's id: its key prefix, then 12 characters (15 in all), or 15 and a 3-character checksum. */
const OPPORTUNITY_ID = /^006[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

/**
 * `page`: the PageReference to navigate to, or null; `cancel`: whether to cancel the event, so the
 * element follows no link of its own. A click that asks for a new tab or window (`newTab`: Ctrl, ⌘ or
 * Shift held) goes on to the link record-href made, which opens the same Opportunity. A link made of
 * an id Salesforce does not know is never followed; a row with no CRM id has no link (no account-href:
 * it would hold the vendor's id) and the event goes on, opening nothing.
 */
export function openingOf(detail, { newTab = false } = {}) {
  const id = detail ? detail.partnerOpportunityId : null;
  if (typeof id !== 'string' || !OPPORTUNITY_ID.test(id)) return { page: null, cancel: Boolean(detail && detail.href) };
  if (newTab) return { page: null, cancel: false };
  return {
    page: { type: 'standard__recordPage', attributes: { recordId: id, objectApiName: 'Opportunity', actionName: 'view' } },
    cancel: true,
  };
}
