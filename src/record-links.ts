// How a row of the rep's book links to the host's record (docs/book.md): one rule for the element,
// which renders the link, and for the framed book's host page, which follows it (embed/host).

/** The ids a link template names. */
export interface RecordLinkIds {
  /** The vendor's id of the customer. */
  accountId: string;
  /** The CRM's id of the deal, as the partner registered it; null for a deal registered outside the CRM. */
  partnerOpportunityId: string | null;
}

/**
 * `recordHref` filled in with the row's ids when the row has a CRM id (or when the template needs
 * only the account), else `accountHref`; null when neither applies. Each id escaped for a URL.
 */
export function recordLink(ids: RecordLinkIds, recordHref = '', accountHref = ''): string | null {
  const crmId = ids.partnerOpportunityId;
  const template = recordHref && (crmId !== null || !recordHref.includes('{partnerOpportunityId}')) ? recordHref : accountHref;
  return template
    ? template
        .replaceAll('{accountId}', encodeURIComponent(ids.accountId))
        .replaceAll('{partnerOpportunityId}', encodeURIComponent(crmId ?? ''))
    : null;
}
