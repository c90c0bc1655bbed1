// The React 19 and Vue 3 typings as a consumer meets them (`dealreg/react`, `dealreg/vue`, generated
// from custom-elements.json by scripts/framework-types.mjs), and an Angular template as the
// ahead-of-time compiler checks it: small apps under test/node/fixtures/frameworks/ type-check under
// `strict` (tsc for TSX, vue-tsc for a single-file component, ngc with strictTemplates); the correct
// ones compile clean and every marked line of the wrong ones fails with its own error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import ts from 'typescript';
import { assertBuilt, ROOT } from './browser.mjs';

const FIXTURES = join(ROOT, 'test/node/fixtures/frameworks');
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/** `file(line,col): error TSnnnn: message` plus its indented continuation lines. */
function diagnostics(output) {
  const found = [];
  for (const line of output.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error ((?:TS|NG)\d+): (.*)$/.exec(line);
    if (m) found.push({ file: join(ROOT, m[1]), line: Number(m[2]), code: m[3], message: m[4] });
    else if (found.length > 0 && /^\s+\S/.test(line)) found.at(-1).message += `\n${line.trim()}`;
  }
  return found;
}

/** The errors a wrong fixture promises: `✗ TSnnnn "text"` at the end of a line. */
function expectedErrors(file) {
  const expected = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /(?:\/\/|<!--)\s*✗\s*((?:TS|NG)\d+)(?:\s+"([^"]+)")?/.exec(text);
      if (m) expected.push({ file, line: i + 1, code: m[1], text: m[2] });
    });
  return expected;
}

/** Runs a command-line compiler (tsc, vue-tsc) on a fixture project: its diagnostics. */
function compile(compiler, project) {
  const run = spawnSync(process.execPath, [join(ROOT, compiler), '-p', join(FIXTURES, project)], { cwd: ROOT, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  const found = diagnostics(output);
  assert.ok(run.status === 0 || found.length > 0, `${compiler} failed without a diagnostic:\n${output}`);
  return found;
}

/** Angular's ahead-of-time compiler (ngc's API: its command line prints only coloured text). */
async function compileAngular(project) {
  const ng = await import('@angular/compiler-cli');
  const config = ng.readConfiguration(join(FIXTURES, project));
  assert.deepEqual(config.errors, []);
  const result = ng.performCompilation({ rootNames: config.rootNames, options: config.options });
  return result.diagnostics.map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    // Angular's own codes are TypeScript codes -99nnnn, printed NGnnnn.
    code: d.code < 0 ? `NG${String(-d.code).slice(2)}` : `TS${d.code}`,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

/** Checks a compiler's diagnostics against the fixtures: `ok` compiles clean, `wrong` fails as marked. */
function checkAgainstFixtures(found, { ok, wrong }) {
  const where = (d) => `${relative(ROOT, d.file)}:${d.line}`;

  const okErrors = found.filter((d) => d.file === join(FIXTURES, ok));
  assert.deepEqual(
    okErrors.map((d) => `${where(d)} ${d.code} ${d.message}`),
    [],
    `${ok} must compile clean`,
  );

  const expected = expectedErrors(join(FIXTURES, wrong));
  assert.ok(expected.length >= 3, `${wrong} marks its wrong lines`);
  const unexpected = found.filter((d) => !expected.some((e) => e.file === d.file && e.line === d.line));
  assert.deepEqual(
    unexpected.map((d) => `${where(d)} ${d.code} ${d.message}`),
    [],
    'no error outside the marked lines',
  );
  for (const e of expected) {
    const at = found.filter((d) => d.file === e.file && d.line === e.line);
    assert.ok(at.length > 0, `${where(e)} must fail with ${e.code}, and compiled`);
    const match = at.find((d) => d.code === e.code && (!e.text || d.message.includes(e.text)));
    assert.ok(
      match,
      `${where(e)} must fail with ${e.code} "${e.text ?? ''}"; got:\n${at.map((d) => `${d.code} ${d.message}`).join('\n')}`,
    );
  }
}

describe('the React, Vue and Angular typings', { timeout: 120_000 }, () => {
  let manifest;

  before(() => {
    assertBuilt('dist/types/react.d.ts', 'dist/types/vue.d.ts', 'dist/types/lib/dealreg.d.ts', 'custom-elements.json');
    manifest = JSON.parse(read('custom-elements.json'));
  });

  it('dealreg/react and dealreg/vue are types-only exports of the generated files', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.deepEqual(pkg.exports['./react'], { types: './dist/types/react.d.ts' });
    assert.deepEqual(pkg.exports['./vue'], { types: './dist/types/vue.d.ts' });
    assert.ok(
      pkg.files.some((f) => f === 'dist/types' || f === 'dist'),
      'dist/types is published',
    );
    assert.equal(fileURLToPath(import.meta.resolve('dealreg/custom-elements.json')), join(ROOT, 'custom-elements.json'));
  });

  it('list every tag of the manifest with its attributes, adapter property and typed events', () => {
    const react = read('dist/types/react.d.ts');
    const vue = read('dist/types/vue.d.ts');
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    assert.ok(elements.length >= 6);
    for (const el of elements) {
      assert.ok(
        react.includes(`'${el.tagName}': DealRegProps<${el.name}, ${el.name}ReactProps>;`),
        `react.d.ts types <${el.tagName}>`,
      );
      assert.match(
        vue,
        new RegExp(`'${el.tagName}': DealRegComponent<${el.name}, [^>]*'adapter'`),
        `vue.d.ts types <${el.tagName}> with its adapter`,
      );
      const reactProps = react.slice(react.indexOf(`interface ${el.name}ReactProps {`));
      const reactOwn = reactProps.slice(0, reactProps.indexOf('\n}'));
      for (const a of el.attributes ?? [])
        assert.match(
          reactOwn,
          new RegExp(`\\n  '?${a.name}'?\\?: ${el.name}\\['${a.fieldName}'\\]`),
          `<${el.tagName}> ${a.name}`,
        );
      assert.match(reactOwn, new RegExp(`\\n  adapter\\?: ${el.name}\\['adapter'\\];`), `<${el.tagName}> adapter`);
      const vueEvents = vue.slice(vue.indexOf(`type ${el.name}VueEvents = {`));
      const vueOwn = vueEvents.slice(0, vueEvents.indexOf('\n};'));
      for (const e of el.events ?? []) {
        assert.ok(reactOwn.includes(`'on${e.name}'?: (event: ${e.type.text}) => void;`), `<${el.tagName}> on${e.name}`);
        assert.ok(vueOwn.includes(`'${e.name}': ${e.type.text};`), `<${el.tagName}> @${e.name}`);
      }
    }
  });

  it('React 19 (tsc, strict): correct use compiles; each wrong prop, handler or tag fails with its error', () => {
    const found = compile('node_modules/typescript/bin/tsc', 'tsconfig.react.json');
    checkAgainstFixtures(found, { ok: 'react-ok.tsx', wrong: 'react-wrong.tsx' });
  });

  it('Vue 3 (vue-tsc, strict): correct use compiles; each wrong binding or listener fails with its error', () => {
    const found = compile('node_modules/vue-tsc/bin/vue-tsc.js', 'tsconfig.vue.json');
    checkAgainstFixtures(found, { ok: 'VueOk.vue', wrong: 'VueWrong.vue' });
  });

  it('Angular (ngc, strictTemplates): compiles with CUSTOM_ELEMENTS_SCHEMA, $event typed from the events; NG8001 without the schema', async () => {
    const found = await compileAngular('tsconfig.angular.json');
    checkAgainstFixtures(found, { ok: 'angular-ok.ts', wrong: 'angular-wrong.ts' });
  });
});
