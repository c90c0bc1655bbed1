// The framed panel (dist/embed/index.html): <dealreg-panel> full-width, driven by its parent
// window over postMessage (../protocol.ts). It reads config.json, says `ready` to its parent, and
// mounts the panel on the parent's `init`. The token is asked of the parent on every request and
// never kept. The parent's CRM records are read here first (./records.ts): the panel gets only
// their valid part.
import '../../widgets/panel/panel.ts';
import type { DealRegPanel } from '../../widgets/panel/panel.component.ts';
import { createHttpAdapter } from '../../src/adapters/http.ts';
import { normalizeLocale } from '../../widgets/i18n/localization.ts';
import { message, type EventMessage, type InitMessage, type ParentMessage, type ResizeMessage } from '../protocol.ts';
import { loadFrameConfig, type FrameConfig } from './config.ts';
import { createParentChannel, type ParentChannel } from './parent-channel.ts';
import { createTokenBroker } from './token-broker.ts';
import { relayEvents } from './relay.ts';
import { readFrameRecords } from './records.ts';
import { reportHeight } from './height.ts';
import { applyTheme } from './theme.ts';

const root = document.getElementById('dealreg-frame') as HTMLElement;
const notice = document.getElementById('dealreg-frame-notice') as HTMLElement;

function say(text: string): void {
  notice.textContent = text;
  notice.hidden = false;
}

function start(config: FrameConfig): void {
  let panel: DealRegPanel | undefined;
  let themed: string[] = [];
  const channel: ParentChannel = createParentChannel(window, config.parentOrigins, onMessage);
  const broker = createTokenBroker((m) => channel.post(m));

  function mount(): DealRegPanel {
    const el = document.createElement('dealreg-panel');
    el.adapter = createHttpAdapter({ baseUrl: config.apiBaseUrl, getToken: broker.getToken });
    relayEvents(el, (event) => channel.post(message<EventMessage>({ type: 'event', event })));
    root.append(el);
    reportHeight(root, (height) => channel.post(message<ResizeMessage>({ type: 'resize', height })));
    return el;
  }

  function init(m: InitMessage): void {
    const el = (panel ??= mount());
    const locale = normalizeLocale(m.locale ?? document.documentElement.lang);
    document.documentElement.lang = locale;
    el.locale = locale;
    themed = applyTheme(el, m.theme ?? {}, themed);
    if (m.accountId !== undefined) el.accountId = m.accountId;
    // init carries the parent's current records (none: the panel shows the account id's view).
    showRecords(el, m.records);
  }

  function showRecords(el: DealRegPanel, raw: unknown): void {
    const { records, report } = readFrameRecords(raw);
    el.records = records;
    if (report) channel.post(message<EventMessage>({ type: 'event', event: report }));
  }

  function onMessage(m: ParentMessage): void {
    if (m.type === 'init') init(m);
    else if (m.type === 'set-account' && panel) panel.accountId = m.accountId;
    else if (m.type === 'set-records' && panel) showRecords(panel, m.records);
    else if (m.type === 'token') broker.settle(m);
  }

  channel.post(message({ type: 'ready' }));
}

if (window.parent === window) {
  say('This page shows the deal-registration panel inside a CRM or portal frame; opened on its own it does nothing.');
} else {
  loadFrameConfig(new URL('config.json', document.baseURI)).then(start, (error: unknown) => {
    say('The deal-registration panel is not configured correctly.');
    console.error(error);
  });
}
