// Paging cursors and keyset pages on their own: a cursor opens only for the partner and account it
// was minted for, by the backend that minted it, untouched; a page starts right after its key.
import { expect } from '@open-wc/testing';
import {
  constantTimeEqual,
  createCursorCodec,
  createHandleCursors,
  MAX_CURSOR_LENGTH,
  type CursorCodec,
} from '../../mocks/core/cursor.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageAfter } from '../../mocks/core/paging.ts';
import type { UrgencyKey } from '../../src/program/opportunity-state.ts';

const ALPHA_LARGE = { partnerId: 'alpha', accountId: 'acc-large' };
const KEY: UrgencyKey = [2, '2017-03-01', 'opp-large-0020'];

/** The same string with the character at `i` changed. */
const flip = (text: string, i: number) => `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;

function codecPromises(name: string, make: () => CursorCodec): void {
  describe(`${name} cursors`, () => {
    it('open to the key they were minted with, for the same partner and account', async () => {
      const codec = make();
      expect(await codec.open(await codec.mint(KEY, ALPHA_LARGE), ALPHA_LARGE)).to.deep.equal(KEY);
    });

    it('open to nothing for another partner, another account, or another backend', async () => {
      const codec = make();
      const cursor = await codec.mint(KEY, ALPHA_LARGE);
      expect(await codec.open(cursor, { partnerId: 'beta', accountId: 'acc-large' })).to.equal(null);
      expect(await codec.open(cursor, { partnerId: 'alpha', accountId: 'acc-nextgen' })).to.equal(null);
      expect(await make().open(cursor, ALPHA_LARGE)).to.equal(null);
    });

    it('open to nothing once any character is changed, or when not a cursor at all', async () => {
      const codec = make();
      const cursor = await codec.mint(KEY, ALPHA_LARGE);
      for (let i = 0; i < cursor.length; i += 1)
        expect(await codec.open(flip(cursor, i), ALPHA_LARGE), `character ${i}`).to.equal(null);
      for (const junk of ['', '.', 'a.b', `${cursor}.`, cursor.slice(1), `${'A'.repeat(MAX_CURSOR_LENGTH)}.${cursor}`]) {
        expect(await codec.open(junk, ALPHA_LARGE), JSON.stringify(junk.slice(0, 40))).to.equal(null);
      }
    });
  });
}

codecPromises('HMAC-SHA-256', () => createCursorCodec());
codecPromises('handle (no Web Crypto)', () => createHandleCursors());

describe('HMAC cursors', () => {
  it('carry a place and a signature, base64url: nothing names the partner or the account', async () => {
    const cursor = await createCursorCodec().mint(KEY, ALPHA_LARGE);
    expect(cursor).to.match(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const place = atob(cursor.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'));
    expect(JSON.parse(place)).to.deep.equal(KEY);
    expect(cursor).not.to.contain('alpha');
  });

  it('a signed payload that is not a key is refused too (a future format, say)', async () => {
    // Same signer, a payload the backend never mints: only possible with its secret, so checked in code.
    const codec = createCursorCodec();
    const cursor = await codec.mint(['x', 'y'] as unknown as UrgencyKey, ALPHA_LARGE);
    expect(await codec.open(cursor, ALPHA_LARGE)).to.equal(null);
  });

  it('without Web Crypto the backend falls back to handles rather than unsigned cursors', async () => {
    const cursor = await createCursorCodec(null).mint(KEY, ALPHA_LARGE);
    expect(cursor).to.match(/^c-[0-9a-f]{32}$/);
  });

  it('signatures compare equal only when every character is', () => {
    expect(constantTimeEqual('abc', 'abc')).to.equal(true);
    expect(constantTimeEqual('abc', 'abd')).to.equal(false);
    expect(constantTimeEqual('abc', 'ab')).to.equal(false);
    expect(constantTimeEqual('', '')).to.equal(true);
  });
});

describe('keyset pages', () => {
  const rows = Array.from({ length: 60 }, (_, i) => ({
    key: [i < 30 ? 1 : 2, '2017-03-01', `o-${String(i).padStart(2, '0')}`] as UrgencyKey,
  }));

  it('start at the first row, or right after the cursor’s key, and say whether more follow', () => {
    expect(pageAfter(rows, null, 25)).to.deep.equal({ page: rows.slice(0, 25), more: true });
    expect(pageAfter(rows, rows[24]!.key, 25)).to.deep.equal({ page: rows.slice(25, 50), more: true });
    expect(pageAfter(rows, rows[49]!.key, 25)).to.deep.equal({ page: rows.slice(50), more: false });
    expect(pageAfter(rows, rows[59]!.key, 25)).to.deep.equal({ page: [], more: false });
  });

  it('resume after a key that is no longer there (its row moved) at the next key, skipping nothing', () => {
    const gone: UrgencyKey = [1, '2017-03-01', 'o-24x']; // between o-24 and o-25
    expect(pageAfter(rows, gone, 3).page.map((r) => r.key[2])).to.deep.equal(['o-25', 'o-26', 'o-27']);
    expect(pageAfter(rows, [0, '2099-01-01', 'z'], 2).page).to.deep.equal(rows.slice(0, 2));
    expect(pageAfter(rows, [3, '2000-01-01', 'a'], 2)).to.deep.equal({ page: [], more: false });
  });

  it('following them reaches every row once, whatever the page size', () => {
    for (const size of [1, 7, 25, 59, 60, 100]) {
      const seen: string[] = [];
      let after: UrgencyKey | null = null;
      for (;;) {
        const { page, more }: { page: typeof rows; more: boolean } = pageAfter(rows, after, size);
        seen.push(...page.map((r) => r.key[2]));
        if (!more) break;
        after = page.at(-1)!.key;
      }
      expect(seen, `size ${size}`).to.deep.equal(rows.map((r) => r.key[2]));
    }
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).to.deep.equal([25, 100]);
  });
});
