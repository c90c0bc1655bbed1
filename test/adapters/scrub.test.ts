// scrubText / scrubError: what is left of a server's text before it may enter a DealRegError.
import { expect } from '@open-wc/testing';
import { DealRegError } from '../../src/errors.ts';
import { MAX_ERROR_TEXT, scrubError, scrubText } from '../../src/adapters/scrub.ts';
import { parseRegistration } from '../../src/schemas/parse.ts';
import { aRegistration } from './fixtures.ts';
import { pieces, tokenEncodings } from '../support/token-encodings.ts';

const TOKEN = 'sk_live_SECRET-7f3a9c';
const ENCODINGS = Object.entries(tokenEncodings(TOKEN));

describe('scrubText', () => {
  it('removes each secret, raw and URL-encoded, wherever it appears', () => {
    expect(scrubText('a s3cr+t b s3cr%2Bt c s3cr+t', ['s3cr+t'])).to.equal('a [redacted] b [redacted] c [redacted]');
  });

  it('redacts Bearer fragments and JWT-looking strings it was not told about', () => {
    expect(scrubText('Authorization: bearer old-token-123, next')).to.equal('Authorization: Bearer [redacted] next');
    expect(scrubText('jwt eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl here')).to.equal('jwt [redacted] here');
  });

  it('replaces control and bidi-override characters with spaces', () => {
    expect(scrubText('a\u0000b\nc\u202ed\u0085e')).to.equal('a b c d e');
  });

  it('scrubs before capping, so a secret across the cap leaves no prefix', () => {
    const secret = 'SECRETSECRETSECRET';
    const text = `${'x'.repeat(MAX_ERROR_TEXT - 5)}${secret}`;
    const out = scrubText(text, [secret]);
    expect(out.length).to.be.at.most(MAX_ERROR_TEXT);
    expect(out).not.to.contain('SECR');
  });

  it('never cuts a surrogate pair in half', () => {
    const out = scrubText('😀'.repeat(MAX_ERROR_TEXT));
    expect(out.length).to.be.at.most(MAX_ERROR_TEXT);
    expect(out.endsWith('…')).to.equal(true);
    expect(/[\ud800-\udbff]…$/.test(out)).to.equal(false);
  });

  it('is idempotent and leaves ordinary text alone', () => {
    const text = 'The registration reg-123 is already protected until 2017-04-10.';
    expect(scrubText(text, ['tok'])).to.equal(text);
    const long = scrubText('y'.repeat(5000));
    expect(scrubText(long)).to.equal(long);
  });
});

describe('scrubError', () => {
  it('keeps code, status and retryable; scrubs detail, path and message; drops the cause', () => {
    const error = new DealRegError('service-unavailable', {
      status: 503,
      detail: 'echo tok-1',
      path: 'x.tok-1',
      cause: new Error('tok-1'),
    });
    const clean = scrubError(error, ['tok-1']);
    expect([clean.code, clean.status, clean.retryable]).to.deep.equal(['service-unavailable', 503, true]);
    expect([clean.detail, clean.path, clean.message]).to.deep.equal([
      'echo [redacted]',
      'x.[redacted]',
      'service-unavailable: echo [redacted]',
    ]);
    expect(clean.cause).to.equal(undefined);
  });

  it('returns the same error when there is nothing to scrub', () => {
    const error = new DealRegError('not-found', { status: 404, detail: 'no such account' });
    expect(scrubError(error, ['tok-1'])).to.equal(error);
  });
});

describe('an encoded token', () => {
  it('scrubText alone misses an encoded token: the reason the adapter keeps no free text of a server', () => {
    const missed = ENCODINGS.filter(([, text]) => scrubText(`echo ${text}`, [TOKEN]).includes(text)).map(([name]) => name);
    expect(missed).to.include.members(['base64', 'hex', 'upper-cased', 'split in two']);
  });

  it('a validation message keeps what was expected and where, not the string it received, in any form', () => {
    for (const [name, text] of ENCODINGS) {
      let detail = '';
      try {
        parseRegistration({ ...aRegistration(), status: text });
      } catch (error) {
        detail = (error as DealRegError).detail ?? '';
      }
      expect(detail, name).to.contain(text);
      const kept = scrubText(detail, [TOKEN]);
      expect(kept, name).to.match(/^registration at status: expected "submitted" \| .*, received a string$/);
      for (const piece of pieces(text)) expect(kept, `${name}: ${piece}`).not.to.contain(piece);
    }
    expect(scrubText('registration at extensionsUsed: expected number, received string')).to.equal(
      'registration at extensionsUsed: expected number, received string',
    );
  });
});
