// The frame's only line to the outside: postMessage with its parent window. A message counts only
// if it comes from window.parent (not a sibling frame, not an opener, not a popup), from an origin
// listed in config.json, and is of the protocol. The first valid `init` binds the channel to that
// origin: from then on every message goes to it alone (an exact targetOrigin, never '*') and only
// its messages are heard.
import { message, parseParentMessage, type FrameMessage, type ParentMessage, type ReadyMessage } from '../protocol.ts';

/** The parts of `window` the channel uses (a test passes a stand-in). */
export interface ChannelWindow {
  readonly parent: { postMessage(data: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface ParentChannel {
  /** Sends to the bound parent origin; before the parent's `init`, only `ready` goes out (to each allowed origin). */
  post(m: FrameMessage): void;
  /** The origin the channel is bound to, once the parent's `init` arrived. */
  readonly origin: string | undefined;
  close(): void;
}

export function createParentChannel(
  win: ChannelWindow,
  parentOrigins: readonly string[],
  onMessage: (m: ParentMessage) => void,
): ParentChannel {
  let bound: string | undefined;

  const listener = (event: MessageEvent): void => {
    if (event.source !== win.parent) return;
    if (bound === undefined ? !parentOrigins.includes(event.origin) : event.origin !== bound) return;
    const m = parseParentMessage(event.data);
    if (!m) return;
    if (bound === undefined) {
      if (m.type !== 'init') return;
      bound = event.origin;
    }
    onMessage(m);
  };
  win.addEventListener('message', listener);

  return {
    post(m) {
      if (bound !== undefined) return win.parent.postMessage(m, bound);
      // Not bound yet: `ready` carries nothing, and postMessage drops it for every origin but the
      // parent's real one. Nothing else leaves before the parent has identified itself.
      if (m.type !== 'ready') return;
      const ready = message<ReadyMessage>({ type: 'ready' });
      for (const origin of parentOrigins) win.parent.postMessage(ready, origin);
    },
    get origin() {
      return bound;
    },
    close() {
      win.removeEventListener('message', listener);
    },
  };
}
