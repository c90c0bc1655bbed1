// The two hashes of the messages: the runtime key (widgets/i18n/message-key.ts, FNV-1a 32 in base 36)
// and the catalogue id (scripts/i18n/extract.mjs, @lit/localize's FNV-1a 64), and `npm run i18n`
// refusing two messages that would share one runtime key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { messageKey } from '../../widgets/i18n/message-key.ts';
import { extractMessages, messageId } from '../../scripts/i18n/extract.mjs';
import { generateModule } from '../../scripts/i18n/catalogue.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('messageKey', () => {
  it('is FNV-1a 32 (the published test vectors), unsigned, in base 36', () => {
    const vectors = { '': 0x811c9dc5, a: 0xe40c292c, foobar: 0xbf9cf968 };
    for (const [text, hash] of Object.entries(vectors)) {
      const key = messageKey(text);
      assert.match(key, /^[0-9a-z]{1,7}$/, `${JSON.stringify(text)} → ${key}`);
      assert.equal(parseInt(key, 36), hash, `${JSON.stringify(text)} → ${key}`);
    }
    assert.equal(messageKey('a'), (0xe40c292c).toString(36));
  });

  it('hashes UTF-16 code units, as @lit/localize does, not UTF-8 bytes', () => {
    // One unit 0x20ac, xored in whole: FNV-1a 32 of the UTF-8 bytes e2 82 ac is another number.
    let hash = 0x811c9dc5;
    hash = Math.imul(hash ^ 0x20ac, 0x01000193) >>> 0;
    assert.equal(messageKey('€'), hash.toString(36));
  });

  it('joins a template’s literal parts with U+001E: a placeholder is not the empty string', () => {
    assert.equal(messageKey(['Protected until ', '.']), messageKey('Protected until \x1e.'));
    assert.notEqual(messageKey(['Protected until ', '.']), messageKey('Protected until .'));
    assert.notEqual(messageKey(['a', 'b']), messageKey(['ab']));
    assert.equal(messageKey(['only']), messageKey('only'));
  });
});

describe('the catalogue ids', () => {
  it('are the ids @lit/localize’s public runtime computes for every message of the widgets', async () => {
    // Its runtime announces locale changes on `window`: Node has none.
    globalThis.window ??= new EventTarget();
    const localize = await import('@lit/localize');
    const { messages } = extractMessages(ROOT);
    assert.ok(messages.size > 100, `${messages.size} messages`);
    const templates = Object.fromEntries([...messages.keys()].map((id) => [id, `#${id}`]));
    const { setLocale } = localize.configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['xx'],
      loadLocale: async () => ({ templates }),
    });
    await setLocale('xx');
    for (const [id, { strings, expressions }] of messages) {
      const template =
        expressions.length === 0 && strings.length === 1 ? strings[0] : { strTag: true, strings, values: expressions };
      // localize.msg, not a copy taken before configureLocalization installed the runtime's.
      assert.equal(localize.msg(template), `#${id}`, `${JSON.stringify(strings)} has the id @lit/localize computes`);
    }
  });
});

/**
 * Two texts of eight random letters with one FNV-1a 32 key: a birthday search (about 80,000 texts
 * for even odds). Random, not counted: texts that differ only in their last few characters, as
 * counters do, hardly ever collide under FNV-1a.
 */
function collision() {
  let seed = 0x2545f491; // xorshift32, seeded: the same pair on every run
  const letter = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return String.fromCharCode(97 + ((seed >>> 0) % 26));
  };
  const seen = new Map();
  for (let i = 0; i < 1_000_000; i++) {
    const text = Array.from({ length: 8 }, letter).join('');
    const key = messageKey(text);
    const other = seen.get(key);
    if (other !== undefined && other !== text) return [other, text];
    seen.set(key, text);
  }
  throw new Error('no collision found');
}

describe('npm run i18n and runtime keys', () => {
  const [a, b] = collision();
  const message = (text) => ({ source: text, strings: [text], expressions: [], variants: [[]], where: ['x.ts:1'] });
  const catalogue = (texts) => Object.fromEntries(texts.map((t) => [messageId({ strings: [t] }), { en: t, fr: `fr ${t}` }]));

  it('refuses two messages that share a runtime key, naming both', () => {
    assert.notEqual(a, b);
    assert.equal(messageKey(a), messageKey(b));
    const messages = new Map([a, b].map((t) => [messageId({ strings: [t] }), message(t)]));
    assert.throws(
      () => generateModule(messages, catalogue([a, b]), 'fr'),
      (error) =>
        error.message.includes('one runtime key') &&
        [...messages.keys()].every((id) => error.message.includes(id)) &&
        error.message.includes(messageKey(a)),
    );
  });

  it('writes the same two texts apart once they no longer collide', () => {
    const texts = [a, `${b}.`];
    const messages = new Map(texts.map((t) => [messageId({ strings: [t] }), message(t)]));
    const module = generateModule(messages, catalogue(texts), 'fr');
    for (const t of texts) assert.ok(module.includes(`${JSON.stringify(messageKey(t))}: ${JSON.stringify(`fr ${t}`)}`));
  });
});
