// dist/embed.js (`dealreg/embed`): the host side of the framed panel, for CRMs and portals that
// cannot host custom elements (or prefer a frame): mountDealRegFrame and the protocol's types.
// No Lit and no elements inside: the panel runs in the frame (dist/embed/), see docs/framed-panel.md.
export {
  mountDealRegFrame,
  type DealRegBookFrame,
  type DealRegBookFrameOptions,
  type DealRegFrame,
  type DealRegFrameOpenRecordEvent,
  type DealRegFrameOptions,
} from '../embed/host/mount.ts';
export { PROTOCOL, PROTOCOL_VERSION, RELAYED_EVENTS } from '../embed/protocol.ts';
export type {
  DealRegDealState,
  DealRegFrameEvent,
  DealRegOpenRecordIds,
  FrameView,
  PlainDealRegError,
  RelayedEventName,
  ThemeTokens,
} from '../embed/protocol.ts';
// The records a host passes (docs/crm-records.md), and what the frame says of invalid ones.
export type { CrmAccount, CrmOpportunity, CrmOpportunityLine, CrmRecords } from '../src/domain/crm.ts';
export type { CrmRecordProblem } from '../src/schemas/crm-records.ts';
