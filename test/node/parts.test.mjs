// The parts a host can style are exactly the parts the templates render: each element's `@csspart`
// JSDoc (which custom-elements.json is made from) and its table in docs/theming.md list every part
// it renders or forwards with `exportparts`, and nothing else (a documented part that no template
// renders is a promise `::part()` cannot keep). Read from the source: no build needed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { componentModules } from './widget-sources.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/** Modules of template functions that elements import and render. */
const SHARED_TEMPLATE_MODULES = [
  'widgets/templates/templates.ts',
  'widgets/templates/standing.ts',
  'widgets/register-form/form-parts.ts',
];
/** Every DealRegElement may render the base class's view-failure panel. */
const BASE = 'widgets/element/base.ts';

/** The static tokens of every `part="…"` in a piece of source. */
function partsIn(source) {
  const out = new Set();
  for (const m of source.matchAll(/\spart="([^"]*)"/g)) {
    for (const token of m[1].replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (token) out.add(token);
  }
  return out;
}

/**
 * The shared template modules' functions (templates.ts, standing.ts, the forms' shared parts):
 * name → the parts it renders, with those of the functions of the same module it calls.
 */
function sharedTemplateParts() {
  const out = new Map();
  for (const file of SHARED_TEMPLATE_MODULES) {
    const bodies = new Map();
    const source = read(file);
    const starts = [...source.matchAll(/^export function (\w+)\(/gm)];
    starts.forEach((m, i) => bodies.set(m[1], source.slice(m.index, starts[i + 1]?.index)));
    const parts = (name, seen = new Set()) => {
      seen.add(name);
      const found = partsIn(bodies.get(name));
      for (const callee of bodies.keys()) {
        if (!seen.has(callee) && new RegExp(`\\b${callee}\\(`).test(bodies.get(name)))
          for (const p of parts(callee, seen)) found.add(p);
      }
      return found;
    };
    for (const name of bodies.keys()) out.set(name, parts(name));
  }
  return out;
}

/** The parts of the shared templates a module imports. */
function importedTemplateParts(source, shared) {
  const out = new Set();
  // Each module's import (an element's source comes with the template modules beside it).
  for (const m of source.matchAll(
    /import\s*\{([^}]*)\}\s*from\s*'\.\.?\/(?:templates\/|register-form\/)?(?:templates|standing|form-parts)\.ts'/g,
  )) {
    for (const name of m[1].split(',').map((n) => n.trim())) for (const p of shared.get(name) ?? []) out.add(p);
  }
  return out;
}

/** A `const NAME = \`…\`` of the module, its `${OTHER}` constants substituted. */
function constant(source, name) {
  const m = new RegExp(`const ${name} = (?:\`([^\`]*)\`|'([^']*)')`).exec(source);
  assert.ok(m, `exportparts=\${${name}}: ${name} is a string constant of the module`);
  return (m[1] ?? m[2]).replace(/\$\{(\w+)\}/g, (_, other) => constant(source, other));
}

/** Every `<dealreg-… exportparts=…>`: the child's tag and its `inner:outer` pairs. */
function exportsIn(source) {
  const out = [];
  for (const m of source.matchAll(/<(dealreg-[\w-]+)\s[^>]*?\bexportparts=(?:"([^"]*)"|\$\{(\w+)\})/g)) {
    const list = m[2] ?? constant(source, m[3]);
    for (const entry of list.split(',').map((e) => e.trim())) {
      const [inner, outer = inner] = entry.split(':').map((s) => s.trim());
      out.push({ child: m[1], inner, outer });
    }
  }
  return out;
}

/** Each element by tag: its module, its documented parts, and what its templates render. */
function elements() {
  const out = new Map();
  for (const { file, source, siblings } of componentModules()) {
    const tag = /@tag (dealreg-[\w-]+)/.exec(source)?.[1];
    assert.ok(tag, `${file} names its @tag`);
    out.set(tag, {
      file,
      source: [source, ...siblings].join('\n'),
      isDealRegElement: /extends DealRegElement\b/.test(source),
      documented: [...source.matchAll(/@csspart ([\w-]+)/g)].map((m) => m[1]),
    });
  }
  return out;
}

/** The parts an element renders itself, then those it forwards (each checked against its child). */
function renderedParts(all, tag, shared, problems, seen = new Set()) {
  const e = all.get(tag);
  assert.ok(!seen.has(tag), `${tag} forwards its own parts through a cycle`);
  seen.add(tag);
  const out = new Set([...partsIn(e.source), ...importedTemplateParts(e.source, shared)]);
  if (e.isDealRegElement) {
    const base = read(BASE);
    for (const p of [...partsIn(base), ...importedTemplateParts(base, shared)]) out.add(p);
  }
  for (const { child, inner, outer } of exportsIn(e.source)) {
    assert.ok(all.has(child), `${tag} forwards the parts of ${child}, an element of widgets/`);
    if (!renderedParts(all, child, shared, [], new Set(seen)).has(inner))
      problems.push(`${tag}: forwards ${inner}, which ${child} does not render`);
    out.add(outer);
  }
  return out;
}

/** The parts each table row of docs/theming.md's section on `tag` names in its first column. */
function themingParts(doc, tag) {
  const start = doc.indexOf(`### \`<${tag}>\``);
  if (start < 0) return [];
  const end = doc.slice(start + 1).search(/\n##/);
  const section = doc.slice(start, end < 0 ? undefined : start + 1 + end);
  const out = [];
  for (const row of section.matchAll(/^\|([^|\n]*)\|/gm)) {
    if (/^\s*(part|-+)\s*$/.test(row[1])) continue;
    for (const m of row[1].matchAll(/`([\w-]+)`/g)) out.push(m[1]);
  }
  return out;
}

const sorted = (values) => [...new Set(values)].sort();

describe('parts', () => {
  const all = elements();
  const shared = sharedTemplateParts();
  const doc = read('docs/theming.md');

  it('reads every element, the shared templates and the theming page', () => {
    assert.ok(all.size >= 6, `the elements were found (${all.size})`);
    assert.ok(shared.get('overviewError')?.has('retry-button'), "overviewError's parts include errorPanel's");
    assert.ok(themingParts(doc, 'dealreg-status').includes('opportunity'), "theming.md's status table was read");
  });

  it('forwards only parts the child renders', () => {
    const problems = [];
    for (const tag of all.keys()) renderedParts(all, tag, shared, problems);
    assert.deepEqual(problems, []);
  });

  /** `tag: missing x, not rendered y` for each element whose list differs from what it renders. */
  function mismatches(listed) {
    const out = [];
    for (const tag of all.keys()) {
      const rendered = renderedParts(all, tag, shared, []);
      const names = listed(tag);
      const missing = sorted([...rendered].filter((p) => !names.includes(p)));
      const phantom = sorted(names.filter((p) => !rendered.has(p)));
      const twice = sorted(names.filter((p, i) => names.indexOf(p) !== i));
      if (missing.length) out.push(`${tag}: not listed ${missing.join(', ')}`);
      if (phantom.length) out.push(`${tag}: listed but not rendered ${phantom.join(', ')}`);
      if (twice.length) out.push(`${tag}: listed twice ${twice.join(', ')}`);
    }
    return out;
  }

  it('documents (@csspart) exactly the parts each element renders or forwards', () => {
    assert.deepEqual(
      mismatches((tag) => all.get(tag).documented),
      [],
    );
  });

  it('lists in docs/theming.md exactly the parts each element renders or forwards', () => {
    assert.deepEqual(
      mismatches((tag) => themingParts(doc, tag)),
      [],
    );
  });
});
