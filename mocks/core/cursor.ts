// Paging cursors: opaque to the client, a keyset position to the backend. A cursor is the sort key
// of the last row a page showed, base64url, followed by an HMAC-SHA-256 under a secret only this
// backend holds. The partner and the list (an account's opportunities, or the book under its
// filters) are part of the MAC's input, not of the cursor: the cursor says nothing about whom it was
// minted for, and fails for any other partner or list exactly as a tampered one does.
// Web APIs only (Web Crypto, TextEncoder, atob/btoa): this runs in the browser under MSW as in Node.
import type { UrgencyKey } from '../../src/program/opportunity-state.ts';
import { randomId } from './ids.ts';

/** Whom a cursor is for, and which list it pages: one account's opportunities, or the partner's book. */
export interface CursorBinding {
  partnerId: string;
  /** The account whose opportunities the cursor pages (the overview's pages). */
  accountId?: string;
  /** The book's filters and sort in their canonical form (the book's pages). */
  filters?: string;
}

/** The list a binding names, as the MAC reads it: an account's pages and the book's can never be mistaken. */
const listOf = ({ partnerId, accountId, filters }: CursorBinding) => [partnerId, accountId ?? null, filters ?? null];

export interface CursorCodec {
  mint(key: UrgencyKey, binding: CursorBinding): Promise<string>;
  /** The position, or null for anything but a cursor this backend minted for this partner and list. */
  open(cursor: string, binding: CursorBinding): Promise<UrgencyKey | null>;
}

/** Longer strings are refused before any decoding (a real cursor is about 100 characters). */
export const MAX_CURSOR_LENGTH = 512;

/** Part of the MAC's input: a later format makes every older cursor invalid instead of misread. */
const FORMAT = 'dealreg-cursor/1';
/** base64url of the payload, a dot, base64url of the 32-byte MAC (43 characters, unpadded). */
const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Equal strings in a time that depends on their length only, never on where they first differ: a
 * client timing the answers must not learn the MAC one character at a time.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The MAC's input: JSON, so no partner id, account id or filters can be crafted to collide with others. */
function signedText(payload: string, binding: CursorBinding): string {
  return JSON.stringify([FORMAT, ...listOf(binding), payload]);
}

/** MACs this backend minted, kept (at most this many, all forgotten at once past it): a list's first page mints the same cursor again and again. */
const MAX_MINTED = 4_096;

/** More groups than any list sorts by: a position is [group, date, id], whichever list it is of. */
const MAX_GROUPS = 8;

function isUrgencyKey(value: unknown): value is UrgencyKey {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [group, date, id] = value as unknown[];
  return (
    Number.isInteger(group) &&
    (group as number) >= 0 &&
    (group as number) < MAX_GROUPS &&
    typeof date === 'string' &&
    ISO_DATE.test(date) &&
    typeof id === 'string' &&
    id !== ''
  );
}

function decodePayload(payload: string): UrgencyKey | null {
  try {
    const key: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(payload)));
    return isUrgencyKey(key) ? key : null;
  } catch {
    return null;
  }
}

/**
 * HMAC-SHA-256 cursors under a random, non-extractable key made once per codec (once per backend):
 * cursors do not survive a restart of the backend, which is what a client's "start again from the
 * overview" is for. Without Web Crypto (`subtle` null: a plain-http page, where only the in-page
 * core can run), see `createHandleCursors`.
 */
export function createCursorCodec(
  subtle: SubtleCrypto | null = (globalThis.crypto?.subtle as SubtleCrypto | undefined) ?? null,
): CursorCodec {
  if (subtle === null) return createHandleCursors();
  let secret: Promise<CryptoKey> | undefined;
  const key = () =>
    (secret ??= subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']) as Promise<CryptoKey>);
  const sign = async (text: string) =>
    toBase64Url(new Uint8Array(await subtle.sign('HMAC', await key(), new TextEncoder().encode(text))));
  // Only what mint signed is kept: what a client sends is signed afresh, and fills nothing.
  const minted = new Map<string, string>();

  return {
    async mint(position, binding) {
      const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(position)));
      const text = signedText(payload, binding);
      let mac = minted.get(text);
      if (mac === undefined) {
        mac = await sign(text);
        if (minted.size >= MAX_MINTED) minted.clear();
        minted.set(text, mac);
      }
      return `${payload}.${mac}`;
    },
    async open(cursor, binding) {
      if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !SHAPE.test(cursor)) return null;
      const [payload, mac] = cursor.split('.') as [string, string];
      // The MAC is checked before the payload is decoded: nothing a client made up is ever parsed.
      const text = signedText(payload, binding);
      if (!constantTimeEqual(minted.get(text) ?? (await sign(text)), mac)) return null;
      return decodePayload(payload);
    },
  };
}

/** Handles kept at most, oldest forgotten first (a forgotten one is answered like a tampered one). */
const MAX_HANDLES = 10_000;

/**
 * The fallback without Web Crypto: a cursor is a random 128-bit handle (getRandomValues needs no
 * secure context) remembered with its position and binding. Unforgeable and bound just the same,
 * but stateful and bounded.
 */
export function createHandleCursors(): CursorCodec {
  const issued = new Map<string, { binding: string; position: UrgencyKey }>();
  const bindingOf = (binding: CursorBinding) => JSON.stringify(listOf(binding));
  return {
    mint(position, binding) {
      const handle = randomId('c', (id) => issued.has(id));
      issued.set(handle, { binding: bindingOf(binding), position });
      if (issued.size > MAX_HANDLES) issued.delete(issued.keys().next().value!);
      return Promise.resolve(handle);
    },
    open(cursor, binding) {
      const entry = typeof cursor === 'string' && cursor.length <= MAX_CURSOR_LENGTH ? issued.get(cursor) : undefined;
      return Promise.resolve(entry && entry.binding === bindingOf(binding) ? entry.position : null);
    },
  };
}
