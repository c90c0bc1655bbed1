// The library files carry no /* @__PURE__ */ annotations (scripts/strip-annotations.mjs removes
// them after minification), and their source maps still point where they did: the columns after
// each removed comment were shifted, so a stack trace from a CRM still names the right source line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertBuilt, ROOT } from './browser.mjs';

const FILES = ['dist/dealreg.js', 'dist/dealreg.closed.js', 'dist/core.js', 'dist/mock.js'];

/** Where `needle` (its first occurrence) in a built file comes from, per the file's own source map. */
function origin(file, needle) {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const at = code.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${file}`);
  const before = code.slice(0, at).split('\n');
  const map = new SourceMap(JSON.parse(readFileSync(join(ROOT, `${file}.map`), 'utf8')));
  const entry = map.findEntry(before.length - 1, before.at(-1).length);
  return { source: entry.originalSource, line: entry.originalLine + 1, column: entry.originalColumn };
}

describe('the built files without annotations', () => {
  it('carry no /* @__PURE__ */ or /* @__NO_SIDE_EFFECTS__ */ comment', () => {
    assertBuilt(...FILES);
    for (const file of FILES)
      assert.ok(!/@__(PURE|NO_SIDE_EFFECTS)__/.test(readFileSync(join(ROOT, file), 'utf8')), `${file} has annotations`);
  });

  it('still parse: a comment that separated two words became a space (`of/* @__PURE__ */ new` → `of new`)', () => {
    for (const file of FILES) {
      const check = spawnSync(process.execPath, ['--check', join(ROOT, file)], { encoding: 'utf8' });
      assert.equal(check.status, 0, `${file}: ${check.stderr.split('\n').slice(-4).join(' ').slice(0, 300)}`);
    }
    assert.match(readFileSync(join(ROOT, 'dist/core.js'), 'utf8'), /\bof new Set\(/);
  });

  it('map each element definition, late in the file, to its own source line', () => {
    // The tag names sit after most of the removed comments, so an unshifted map would miss them.
    for (const [tag, source] of [
      ['dealreg-panel', 'widgets/panel/panel.ts'],
      ['dealreg-quote-button', 'widgets/quote-button/quote-button.ts'],
      ['dealreg-status', 'widgets/status/status.ts'],
    ]) {
      const found = origin('dist/dealreg.js', `\`${tag}\``);
      assert.ok(found.source.endsWith(source), `${tag} maps to ${found.source}`);
      const line = readFileSync(join(ROOT, source), 'utf8').split('\n')[found.line - 1];
      assert.ok(line.slice(found.column).startsWith(`'${tag}'`), `${tag} maps to line ${found.line}:${found.column}: ${line}`);
    }
  });
});
