// Every class a template sets is read by a rule of the sheets its element adopts (or by its own
// script), and every class selector of a sheet matches a class its element renders. A shadow root
// sees only its own element's sheets: a class styled by another element's sheet (status once set
// `.decision`, styled only in eligibility's) is dead weight, and so is a rule nothing renders.
// A host themes the elements through parts (docs/theming.md), never through classes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { componentModules, siblingTemplates } from './widget-sources.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

const BASE_SHEET = 'widgets/templates/base.styles.ts';
/** Templates every DealRegElement may render: the shared ones, and the base class's failure panel. */
const SHARED_TEMPLATES = ['widgets/templates/templates.ts', 'widgets/templates/icons.ts', 'widgets/element/base.ts'];

/** Class expressions whose values the test cannot read from the template: where they come from. */
const DYNAMIC = {
  // badge() and the eligibility hints: `class="… ${variant}"`, a Variant of status-meaning.ts.
  'meaning.variant': variants(),
  variant: variants(),
};

function variants() {
  const m = /export const VARIANTS = \[([^\]]*)\]/.exec(read('widgets/i18n/status-meaning.ts'));
  assert.ok(m, 'VARIANTS is declared in widgets/i18n/status-meaning.ts');
  return [...m[1].matchAll(/'([\w-]+)'/g)].map((v) => v[1]);
}

/** The classes one expression inside a class attribute can give: its string literals, or a known dynamic value. */
function classesOfExpression(expression, file) {
  const literals = [...expression.matchAll(/'([^']*)'|"([^"]*)"/g)].flatMap((l) => (l[1] ?? l[2]).split(/\s+/));
  if (literals.length > 0) return literals;
  const values = DYNAMIC[expression.trim()];
  assert.ok(values, `${file}: class from \${${expression}}: add what it may hold to DYNAMIC`);
  return values;
}

/** Every class a module's templates set: `class="…"`, `class=${…}` and classMap({ … }) keys. */
/** Template modules an element's code imports and renders (a row's standing, the forms' shared parts). */
const IMPORTED_TEMPLATES = ['widgets/templates/standing.ts', 'widgets/register-form/form-parts.ts'];

function importedTemplates(source) {
  return IMPORTED_TEMPLATES.filter((t) => new RegExp(`from '[./\\w-]*/${t.split('/').pop().replace('.', '\\.')}'`).test(source))
    .map(read)
    .join('\n');
}

function classesIn(file) {
  const own = read(file) + siblingsOf(file);
  const source = own + importedTemplates(own);
  const out = [];
  for (const m of source.matchAll(/\sclass="([^"]*)"/g)) {
    out.push(...m[1].replace(/\$\{([^}]*)\}/g, (_, e) => ` ${classesOfExpression(e, file).join(' ')} `).split(/\s+/));
  }
  for (const m of source.matchAll(/\sclass=\$\{([^}]*)\}/g)) out.push(...classesOfExpression(m[1], file));
  for (const m of source.matchAll(/classMap\(\{([^}]*)\}\)/g)) {
    for (const key of m[1].matchAll(/(?:^|,)\s*(?:'([^']+)'|"([^"]+)"|([\w-]+))\s*:/g)) out.push(key[1] ?? key[2] ?? key[3]);
  }
  return new Set(out.filter(Boolean));
}

/** `import … from './x.styles.ts'` or `'../dir/x.styles.ts'`: [, dir, file]. */
const SHEET_IMPORT = /(?:import|export)\s+(?:\w+|\{[^}]*\})\s+from\s+'\.(?:\.\/([\w-]+))?\/([\w.-]+\.styles\.ts)'/g;

/** The class selectors of every css`…` sheet in a module, and of the sheets it composes (comments and declarations left out). */
function selectorsIn(file) {
  const dir = file.split('/')[1];
  const out = new Set();
  for (const m of read(file).matchAll(SHEET_IMPORT)) for (const c of selectorsIn(`widgets/${m[1] ?? dir}/${m[2]}`)) out.add(c);
  for (const sheet of read(file).matchAll(/\bcss`([^`]*)`/g)) {
    const text = sheet[1].replace(/\/\*[\s\S]*?\*\//g, '');
    for (const prelude of text.matchAll(/([^{};]*)\{/g)) {
      if (prelude[1].trim().startsWith('@')) continue;
      for (const m of prelude[1].matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) out.add(m[1]);
    }
  }
  return out;
}

/** Classes the module's script looks elements up by (querySelector): a hook, not a style. */
function scriptHooksIn(file) {
  const out = new Set();
  for (const m of read(file).matchAll(/querySelector(?:All)?(?:<[^>]*>)?\(\s*(['"`])(.*?)\1/g)) {
    for (const c of m[2].matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) out.add(c[1]);
  }
  return out;
}

/** A component's template modules beside it (the registration form's fields, loaded on demand). */
function siblingsOf(file) {
  const m = /^widgets\/([\w-]+)\/([\w.-]+\.component\.ts)$/.exec(file);
  return m ? siblingTemplates(m[1], m[2]).join('\n') : '';
}

/** Each element: its component module, the sheets it adopts, the classes it can render. */
function elements() {
  const out = [];
  for (const { dir, file, source } of componentModules()) {
    const isDealRegElement = /extends DealRegElement\b/.test(source);
    // Its own sheets, and another element's it adopts too (the CRM deals take the status list's row styles).
    // …and those its template modules beside it adopt with their code (the forms' fields).
    const ownSheets = [
      ...new Set(
        [source, ...siblingTemplates(dir, file.slice(file.lastIndexOf('/') + 1))].flatMap((text) =>
          [...text.matchAll(SHEET_IMPORT)].map((m) => `widgets/${m[1] ?? dir}/${m[2]}`),
        ),
      ),
    ];
    if (/\bcss`/.test(source)) ownSheets.push(file);
    const shared = isDealRegElement ? SHARED_TEMPLATES : [];
    out.push({
      file,
      ownSheets,
      selectors: new Set([
        ...(isDealRegElement ? selectorsIn(BASE_SHEET) : []),
        ...ownSheets.flatMap((s) => [...selectorsIn(s)]),
      ]),
      own: classesIn(file),
      rendered: new Set([...classesIn(file), ...shared.flatMap((t) => [...classesIn(t)])]),
      hooks: scriptHooksIn(file),
    });
  }
  return out;
}

describe('classes and rules', () => {
  const all = elements();

  it('finds the elements, their sheets and their classes', () => {
    assert.ok(all.length >= 6, `the elements' modules were found (${all.length})`);
    for (const e of all) assert.ok(e.own.size > 0 || e.ownSheets.length > 0, `${e.file}: classes or a sheet read`);
    assert.ok(selectorsIn(BASE_SHEET).has('badge'), 'the class selectors of base.styles.ts were read');
  });

  it("sets no class that no rule of the element's own sheets reads", () => {
    const unread = [];
    for (const e of all) {
      for (const c of e.own) if (!e.selectors.has(c) && !e.hooks.has(c)) unread.push(`${e.file}: .${c}`);
    }
    const base = selectorsIn(BASE_SHEET);
    for (const t of SHARED_TEMPLATES) {
      const hooks = scriptHooksIn(t);
      for (const c of classesIn(t)) if (!base.has(c) && !hooks.has(c)) unread.push(`${t}: .${c} (not in ${BASE_SHEET})`);
    }
    assert.deepEqual(unread, [], `classes no rule of their element reads:\n${unread.join('\n')}`);
  });

  it('has no rule for a class its element never renders', () => {
    const unused = [];
    for (const e of all) {
      for (const sheet of e.ownSheets) {
        for (const c of selectorsIn(sheet)) if (!e.rendered.has(c)) unused.push(`${sheet}: .${c}`);
      }
    }
    const everywhere = new Set([...all.flatMap((e) => [...e.rendered])]);
    for (const c of selectorsIn(BASE_SHEET)) if (!everywhere.has(c)) unused.push(`${BASE_SHEET}: .${c}`);
    assert.deepEqual(unused, [], `rules whose class no template sets:\n${unused.join('\n')}`);
  });
});
