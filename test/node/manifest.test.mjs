// custom-elements.json (made by `npm run build:manifest` from the elements' JSDoc) documents every
// element with its attributes, properties, events, parts and custom properties, and stays in step
// with the source: every tag registered, every event dispatched, every part rendered and every
// --dealreg-* custom property read is listed. docs/theming.md names them all. And it is valid against
// the official schema (the custom-elements-manifest package), which IDEs, Storybook and docs tools read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { assertBuilt, ROOT } from './browser.mjs';

/** The public surface (docs/embedding.md, docs/events.md), with the attributes each element must take. */
const CONTRACT = {
  'dealreg-panel': ['account-id', 'locale'],
  'dealreg-status': ['account-id', 'locale'],
  'dealreg-eligibility': ['account-id', 'opportunity-id', 'locale'],
  'dealreg-quote-button': ['registration-id', 'account-id', 'locale'],
  'dealreg-provider': ['locale'],
};

const read = (path) => readFileSync(join(ROOT, path), 'utf8');

function widgetFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) out.push(path);
    }
  };
  walk('widgets');
  return out;
}

/** The static tokens of every `part="…"` in a source file (bound expressions left out). */
function partsIn(source) {
  const tokens = new Set();
  for (const m of source.matchAll(/\spart="([^"]*)"/g)) {
    for (const token of m[1].replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (token) tokens.add(token);
  }
  return tokens;
}

describe('custom-elements.json', () => {
  let manifest;
  let elements;
  const eventNames = new Map();
  /** event name → its class and detail type, read from widgets/events/events.ts */
  const eventClasses = new Map();

  before(() => {
    assertBuilt('custom-elements.json');
    manifest = JSON.parse(read('custom-elements.json'));
    elements = new Map();
    for (const mod of manifest.modules ?? []) {
      for (const decl of mod.declarations ?? []) {
        if (decl.customElement && decl.tagName) elements.set(decl.tagName, { decl, path: mod.path });
      }
    }
    for (const m of read('widgets/events/events.ts').matchAll(
      /class\s+(\w+)\s+extends\s+(?:Event|DealRegEvent<(\w+)>)\s*\{[^}]*?static\s+readonly\s+eventName\s*=\s*'([^']+)'/gs,
    )) {
      eventNames.set(m[1], m[3]);
      eventClasses.set(m[3], { className: m[1], detail: m[2] });
    }
  });

  it('is valid against the custom-elements-manifest schema', () => {
    const schema = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve('custom-elements-manifest/schema.json'), 'utf8'),
    );
    // Ajv's default class reads draft-07; another draft needs another class (ajv/dist/2020…).
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', 'the schema is draft-07');
    // The schema types `deprecated` as boolean | string.
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    assert.deepEqual(errors, [], 'custom-elements.json fails the schema');
    assert.equal(valid, true);
  });

  it('lists every tag the widgets register, and every element of the public surface', () => {
    const registered = new Set();
    for (const file of widgetFiles()) {
      for (const m of read(file).matchAll(/defineElement\(\s*'(dealreg-[a-z-]+)'/g)) registered.add(m[1]);
    }
    for (const tag of Object.keys(CONTRACT)) assert.ok(registered.has(tag), `${tag} is registered by widgets/`);
    for (const tag of registered) assert.ok(elements.has(tag), `${tag} is in custom-elements.json`);
  });

  it("lists each element's attributes (documented) and its adapter property", () => {
    for (const [tag, attributes] of Object.entries(CONTRACT)) {
      const { decl } = elements.get(tag);
      const listed = new Map((decl.attributes ?? []).map((a) => [a.name, a]));
      for (const name of attributes) assert.ok(listed.has(name), `${tag} lists the ${name} attribute`);
      for (const [name, attr] of listed) assert.ok(attr.description, `${tag}'s ${name} attribute has a description`);
      const adapter = (decl.members ?? []).find((m) => m.kind === 'field' && m.name === 'adapter');
      assert.ok(adapter, `${tag} lists the adapter property`);
      assert.ok(adapter.description, `${tag}'s adapter property has a description`);
    }
  });

  it('lists every event each element dispatches, by name, with a description', () => {
    for (const [tag, { decl, path }] of elements) {
      const listed = new Map((decl.events ?? []).map((e) => [e.name, e]));
      for (const [name, event] of listed) {
        assert.ok(name, `${tag} has an event without a name`);
        assert.match(name, /^dealreg-/, `${tag}'s event ${name} is prefixed`);
        assert.ok(event.description, `${tag}'s ${name} event has a description`);
      }
      for (const m of read(path).matchAll(/dispatchEvent\(\s*new\s+(\w+)\(/g)) {
        const name = eventNames.get(m[1]);
        assert.ok(name, `${m[1]} (dispatched in ${path}) is an event class of widgets/events/events.ts`);
        assert.ok(listed.has(name), `${tag} lists the ${name} event it dispatches`);
      }
    }
    const panelEvents = (elements.get('dealreg-panel').decl.events ?? []).map((e) => e.name);
    for (const name of ['dealreg-registered', 'dealreg-quote-requested', 'dealreg-error']) {
      assert.ok(panelEvents.includes(name), `the panel documents ${name} (docs/events.md)`);
    }
  });

  it('types every event of every element: its class and its detail type, both exported by the library', () => {
    const exported = new Set();
    for (const m of read('widgets/index.ts').matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const name of m[1].split(',')) if (name.trim()) exported.add(name.trim());
    }
    assert.ok(eventClasses.size >= 4, 'the event classes were read from widgets/events/events.ts');
    let events = 0;
    for (const [tag, { decl }] of elements) {
      for (const event of decl.events ?? []) {
        events += 1;
        const expected = eventClasses.get(event.name);
        assert.ok(expected, `${tag}'s ${event.name} is an event class of widgets/events/events.ts`);
        assert.equal(event.type?.text, expected.className, `${tag}'s ${event.name} has the type ${expected.className}`);
        assert.ok(expected.detail, `${expected.className} names its detail type (extends DealRegEvent<…Detail>)`);
        assert.equal(event.detail?.text, expected.detail, `${tag}'s ${event.name} has the detail type ${expected.detail}`);
        for (const name of [event.type.text, event.detail.text]) {
          assert.ok(exported.has(name), `${name} (${tag}'s ${event.name}) is exported by widgets/index.ts`);
        }
      }
    }
    assert.ok(events >= 11, `every element's events were checked (${events})`);
    for (const [name, { className, detail }] of eventClasses) {
      const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === className);
      const member = decl?.members?.find((m) => m.name === 'detail');
      assert.equal(
        member?.type?.text,
        detail,
        `${className}'s detail field (${name}) is typed ${detail}, not the base's parameter`,
      );
    }
  });

  it('lists every part each element renders', () => {
    const missing = [];
    for (const [tag, { decl, path }] of elements) {
      const listed = new Set((decl.cssParts ?? []).map((p) => p.name));
      for (const part of partsIn(read(path))) if (!listed.has(part)) missing.push(`${tag}: @csspart ${part} (${path})`);
      for (const p of decl.cssParts ?? []) assert.ok(p.description, `${tag}'s part ${p.name} has a description`);
    }
    assert.deepEqual(missing, [], `parts rendered but not documented:\n${missing.join('\n')}`);
    for (const tag of Object.keys(CONTRACT)) {
      if (tag === 'dealreg-provider') continue; // renders only a slot
      assert.ok(
        elements.get(tag).decl.cssParts?.some((p) => p.name === 'base'),
        `${tag} documents its base part`,
      );
    }
  });

  it('lists every --dealreg-* custom property the styles read', () => {
    const documented = new Set();
    for (const { decl } of elements.values()) {
      for (const p of decl.cssProperties ?? []) {
        assert.ok(p.description, `${p.name} has a description`);
        documented.add(p.name);
      }
    }
    const read_ = new Set();
    for (const file of widgetFiles()) for (const m of read(file).matchAll(/var\((--dealreg-[a-z0-9-]+)/g)) read_.add(m[1]);
    assert.ok(read_.size > 0);
    const missing = [...read_].filter((name) => !documented.has(name)).sort();
    assert.deepEqual(missing, [], `custom properties read by the styles but not documented: ${missing.join(', ')}`);
  });

  it('docs/theming.md names every documented custom property and part', () => {
    const doc = read('docs/theming.md');
    for (const [tag, { decl }] of elements) {
      for (const p of decl.cssProperties ?? []) assert.ok(doc.includes(`\`${p.name}\``), `theming.md documents ${p.name}`);
      for (const p of decl.cssParts ?? [])
        assert.ok(doc.includes(`\`${p.name}\``), `theming.md documents ${tag}'s part ${p.name}`);
    }
  });
});
