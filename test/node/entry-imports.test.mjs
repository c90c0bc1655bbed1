// The default entry's two builds load nothing of their own at import: every chunk beside them (the
// locales, the HTTP adapter, the answers' checks, the forms, the CRM deals, what the bundler shares
// between them) is imported on demand. A chunk the entry imported statically would be one more
// request before anything shows, and would leave the entry's size budget measuring part of it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The specifiers of a module's static imports and re-exports (not `import()`). */
function staticImports(code) {
  return [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*$]+\s*(?:,\s*)?)?(?:\{[^}]*\}\s*)?(?:from\s*)?["'`]([^"'`]+)["'`]/g),
  ].map((m) => m[1]);
}

describe('the default entry imports no chunk of its own at load', () => {
  it('dist/npm/dealreg.js imports only its dependencies (lit, @lit/localize)', () => {
    const imports = staticImports(readFileSync(join(ROOT, 'dist/npm/dealreg.js'), 'utf8'));
    assert.ok(imports.includes('lit'), `the npm build's imports were read: ${imports.join(', ')}`);
    assert.deepEqual(
      imports.filter((s) => s.startsWith('.') || s.startsWith('/')),
      [],
    );
  });

  it('dist/dealreg.js imports nothing statically', () => {
    assert.deepEqual(staticImports(readFileSync(join(ROOT, 'dist/dealreg.js'), 'utf8')), []);
  });

  it('reads a static import when there is one (the reader itself)', () => {
    assert.deepEqual(staticImports('import{a as b}from"./locales/status.js";export{c}from"./x.js";import("./y.js")'), [
      './locales/status.js',
      './x.js',
    ]);
  });
});
