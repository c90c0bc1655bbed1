// The frame's life once config.json is read: say `ready` to the parent, and on its `init` show the
// view it asks for, <dealreg-panel> (the default) or <dealreg-book>, full-width in `root`. Events,
// height and theme go the same way for both. The page (main.ts) gives it the window, the config
// and the HTTP adapter; a test gives it a stand-in window or a mock adapter.
import '../../widgets/panel/panel.ts';
import '../../widgets/book/book.ts';
import type { DealRegAdapter } from '../../src/adapter.ts';
import type { DealRegBook } from '../../widgets/book/book.component.ts';
import type { DealRegPanel } from '../../widgets/panel/panel.component.ts';
import { normalizeLocale } from '../../widgets/i18n/localization.ts';
import {
  FRAME_VIEWS,
  message,
  type EventMessage,
  type FrameEvent,
  type FrameView,
  type InitMessage,
  type ParentMessage,
  type ResizeMessage,
} from '../protocol.ts';
import type { FrameConfig } from './config.ts';
import { createParentChannel, type ChannelWindow } from './parent-channel.ts';
import { createTokenBroker } from './token-broker.ts';
import { relayEvents } from './relay.ts';
import { readFrameRecords } from './records.ts';
import { reportHeight } from './height.ts';
import { applyTheme } from './theme.ts';

export interface FrameStart {
  win: ChannelWindow;
  /** Wraps all content: the elements go in it, its height is reported. */
  root: HTMLElement;
  config: FrameConfig;
  /** The adapter the element calls, asking the parent for the token through `getToken`. */
  adapter(getToken: () => Promise<string>): DealRegAdapter;
  /** Shows a sentence in place of the view. */
  say(text: string): void;
}

type Shown = { view: 'panel'; el: DealRegPanel } | { view: 'book'; el: DealRegBook };

const isFrameView = (view: string): view is FrameView => (FRAME_VIEWS as readonly string[]).includes(view);

/**
 * A link template the book may show: it fills in to an absolute http(s) URL (the host sends them
 * resolved against its own page). Anything else is dropped: the row's name is then a button, and
 * the host still opens the record with its own template.
 */
export function linkTemplate(template: string | undefined): string {
  if (!template) return '';
  try {
    const { protocol } = new URL(template.replaceAll('{partnerOpportunityId}', 'x').replaceAll('{accountId}', 'x'));
    return protocol === 'https:' || protocol === 'http:' ? template : '';
  } catch {
    return '';
  }
}

export function startFrame({ win, root, config, adapter, say }: FrameStart): () => void {
  let shown: Shown | undefined;
  let themed: string[] = [];
  const channel = createParentChannel(win, config.parentOrigins, onMessage);
  const broker = createTokenBroker((m) => channel.post(m));
  const send = (event: FrameEvent): void => channel.post(message<EventMessage>({ type: 'event', event }));
  // On the root, once: the events bubble up to it from either view, and its height is the frame's
  // (measured from the first view on: before the parent's init, the channel would drop it).
  const stopRelay = relayEvents(root, send);
  let stopHeight: (() => void) | undefined;

  function show(view: FrameView): Shown {
    if (shown?.view === view) return shown;
    shown?.el.remove();
    stopHeight ??= reportHeight(root, (height) => channel.post(message<ResizeMessage>({ type: 'resize', height })));
    const el = document.createElement(view === 'book' ? 'dealreg-book' : 'dealreg-panel');
    el.adapter = adapter(broker.getToken);
    root.append(el);
    return (shown = { view, el } as Shown);
  }

  function init(m: InitMessage): void {
    const view = m.view ?? 'panel';
    if (!isFrameView(view)) return refuse(view);
    const next = show(view);
    const locale = normalizeLocale(m.locale ?? document.documentElement.lang);
    document.documentElement.lang = locale;
    next.el.locale = locale;
    themed = applyTheme(next.el, m.theme ?? {}, themed);
    if (next.view === 'book') {
      next.el.recordHref = linkTemplate(m.recordHref);
      next.el.accountHref = linkTemplate(m.accountHref);
      return;
    }
    if (m.accountId !== undefined) next.el.accountId = m.accountId;
    // init carries the parent's current records (none: the panel shows the account id's view).
    showRecords(next.el, m.records);
  }

  /** A view this frame does not know (a newer host, an older deployment): said on screen and to the host. */
  function refuse(view: string): void {
    shown?.el.remove();
    shown = undefined;
    const known = FRAME_VIEWS.join(' or ');
    say(
      `This frame cannot show the view "${view}" (it shows ${known}): deploy the frame of the same dealreg version as the page.`,
    );
    send({
      type: 'dealreg-error',
      detail: {
        operation: 'init',
        error: { code: 'invalid-request', status: null, detail: `unknown view "${view}" (${known})`, retryable: false },
      },
    });
  }

  function showRecords(el: DealRegPanel, raw: unknown): void {
    const { records, report } = readFrameRecords(raw);
    el.records = records;
    if (report) send(report);
  }

  function onMessage(m: ParentMessage): void {
    const panel = shown?.view === 'panel' ? shown.el : undefined;
    if (m.type === 'init') init(m);
    else if (m.type === 'set-account' && panel) panel.accountId = m.accountId;
    else if (m.type === 'set-records' && panel) showRecords(panel, m.records);
    else if (m.type === 'token') broker.settle(m);
  }

  channel.post(message({ type: 'ready' }));
  return () => {
    channel.close();
    stopRelay();
    stopHeight?.();
  };
}
