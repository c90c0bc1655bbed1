// The frame's getToken: asks the parent by message, one numbered request per call, and resolves
// with the parent's answer. The token is handed to the HTTP adapter and kept nowhere else: no
// cache, no storage. A parent that does not answer in time fails the request ('unauthorized').
import { message, type TokenMessage, type TokenRequestMessage } from '../protocol.ts';

export interface TokenBrokerOptions {
  /** How long the parent has to answer (default 10 000 ms). */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface TokenBroker {
  getToken(): Promise<string>;
  /** Settles the request the parent answered; unknown or already settled ids are ignored. */
  settle(answer: TokenMessage): void;
}

export function createTokenBroker(send: (m: TokenRequestMessage) => void, options: TokenBrokerOptions = {}): TokenBroker {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const pending = new Map<number, { resolve: (token: string) => void; reject: (e: Error) => void; timer: unknown }>();
  let lastId = 0;

  return {
    getToken() {
      const requestId = (lastId += 1);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimer(() => {
          pending.delete(requestId);
          reject(new Error('the parent did not answer the token request'));
        }, timeoutMs);
        pending.set(requestId, { resolve, reject, timer });
        send(message<TokenRequestMessage>({ type: 'token-request', requestId }));
      });
    },
    settle(answer) {
      const request = pending.get(answer.requestId);
      if (!request) return;
      pending.delete(answer.requestId);
      clearTimer(request.timer);
      if (typeof answer.token === 'string') request.resolve(answer.token);
      else request.reject(new Error('the parent has no token'));
    },
  };
}
