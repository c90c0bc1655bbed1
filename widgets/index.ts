// The widgets library: importing this module defines every dealreg-* tag (guarded) and exposes the
// classes, events and configuration.
import './provider/provider.ts';
import './status/status.ts';
import './eligibility/eligibility.ts';
import './register-form/register-form.ts';
import './quote-button/quote-button.ts';
import './panel/panel.ts';
import './book/book.ts';

export { DealRegProvider } from './provider/provider.component.ts';
export { DealRegStatus } from './status/status.component.ts';
export { DealRegEligibility } from './eligibility/eligibility.component.ts';
export { DealRegRegisterForm } from './register-form/register-form.component.ts';
export { DealRegQuoteButton } from './quote-button/quote-button.component.ts';
export { DealRegPanel } from './panel/panel.component.ts';
export { DealRegBook } from './book/book.component.ts';
export type { PanelAppearance } from './panel/panel.component.ts';
// Defined by its chunk, the first time a panel gets records: only its type here, never its code.
export type { DealRegCrmDeals } from './crm-deals/crm-deals.component.ts';
export { DealRegElement, configureDealReg } from './element/base.ts';
export type { DealRegConfig } from './element/base.ts';
export { adapterContext, localeContext, recordsContext } from './element/context.ts';
export { defineElement } from './element/define.ts';
export {
  DealRegRegisteredEvent,
  DealRegQuoteRequestedEvent,
  DealRegExtendedEvent,
  DealRegRegisterRequestEvent,
  DealRegErrorEvent,
  DealRegDealStatesEvent,
  DealRegOpenRecordEvent,
  DEALREG_OPERATIONS,
} from './events/events.ts';
export type {
  DealRegRegisteredDetail,
  DealRegQuoteRequestedDetail,
  DealRegExtendedDetail,
  DealRegRegisterRequestDetail,
  DealRegErrorDetail,
  DealRegDealStatesDetail,
  DealRegOpenRecordDetail,
  DealRegDealState,
  DealRegOperation,
} from './events/events.ts';
export { overviewStoreFor, OverviewStore } from './state/overview-store.ts';
export type { OverviewSnapshot, OverviewStatus } from './state/overview-store.ts';
export { LOCALES, normalizeLocale } from './i18n/localization.ts';
export type { DealRegLocale } from './i18n/localization.ts';
