// One user intent, one idempotency key: the rules the elements' mutations rely on, on their own.
import { expect } from '@open-wc/testing';
import { DealRegError } from '../../src/errors.ts';
import { IntentKeys } from '../../widgets/controllers/idempotency.ts';

describe('one intent, one key', () => {
  it('a new intent after a success gets a new key', async () => {
    const intents = new IntentKeys();
    const keys: string[] = [];
    await intents.run('quote:r1', async (key) => keys.push(key));
    await intents.run('quote:r1', async (key) => keys.push(key));
    expect(keys).to.have.length(2);
    expect(keys[0]).not.to.equal(keys[1]);
  });

  it('a retry after a transient failure reuses the key; after a definitive answer the next try is a new intent', async () => {
    const intents = new IntentKeys();
    const keys: string[] = [];
    const fail = (code: 'network' | 'invalid-request') => (key: string) => {
      keys.push(key);
      return Promise.reject(new DealRegError(code));
    };
    await intents.run('register:x', fail('network')).catch(() => undefined);
    await intents.run('register:x', fail('invalid-request')).catch(() => undefined);
    await intents.run('register:x', fail('network')).catch(() => undefined);
    expect(keys[1], 'the retry after a network error').to.equal(keys[0]);
    expect(keys[2], 'after a definitive refusal').not.to.equal(keys[1]);
  });

  it('an aborted attempt keeps its key (the request may have reached the server)', async () => {
    const intents = new IntentKeys();
    const keys: string[] = [];
    await intents.run('extend:r', (key) => (keys.push(key), Promise.reject(new DealRegError('aborted')))).catch(() => undefined);
    await intents.run('extend:r', async (key) => keys.push(key));
    expect(keys[1]).to.equal(keys[0]);
  });

  it('while an intent runs, running it again returns the same promise and sends nothing', async () => {
    const intents = new IntentKeys();
    let sends = 0;
    let finish: () => void = () => undefined;
    const first = intents.run('quote:r2', () => (sends++, new Promise<void>((r) => (finish = r))));
    const second = intents.run('quote:r2', () => (sends++, Promise.resolve()));
    expect(second).to.equal(first);
    expect(intents.isRunning('quote:r2')).to.equal(true);
    finish();
    await first;
    expect(sends).to.equal(1);
    expect(intents.isRunning('quote:r2')).to.equal(false);
  });

  it('different intents never share a key', async () => {
    const intents = new IntentKeys();
    expect(intents.keyFor('quote:a')).not.to.equal(intents.keyFor('quote:b'));
    expect(intents.keyFor('quote:a')).to.equal(intents.keyFor('quote:a'));
  });
});
