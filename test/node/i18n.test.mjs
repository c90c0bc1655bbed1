// The catalogue check (`npm run i18n -- --check`): passes on the repository, and fails on a copy
// where a French string is missing, stale (its English changed) or its module is out of date.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { i18n } from '../../scripts/i18n.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const copies = [];

/** A copy of widgets/ to break. */
function copy() {
  const root = mkdtempSync(join(tmpdir(), 'dealreg-i18n-'));
  cpSync(join(ROOT, 'widgets'), join(root, 'widgets'), { recursive: true });
  copies.push(root);
  return root;
}

function edit(path, from, to) {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${path} has ${from}`);
  writeFileSync(path, text.replace(from, to));
}

describe('the French catalogue check', () => {
  after(() => {
    for (const root of copies) rmSync(root, { recursive: true, force: true });
  });

  it('passes on the repository: every message translated, nothing stale, the module up to date', () => {
    const { ok, report } = i18n(ROOT, { check: true });
    assert.equal(ok, true, report.join('\n'));
  });

  it('fails when a French string is missing', () => {
    const root = copy();
    const path = join(root, 'widgets', 'locales', 'fr.json');
    const catalogue = JSON.parse(readFileSync(path, 'utf8'));
    const [id, entry] = Object.entries(catalogue).find(([, e]) => e.en === 'Request quote');
    delete catalogue[id];
    writeFileSync(path, JSON.stringify(catalogue));
    const { ok, report } = i18n(root, { check: true });
    assert.equal(ok, false);
    assert.ok(
      report.some((l) => l.includes(`missing translation of "${entry.en}"`)),
      report.join('\n'),
    );
  });

  it('fails when the English changed (the French is stale) and names both', () => {
    const root = copy();
    edit(join(root, 'widgets', 'quote-button', 'quote-button.component.ts'), "msg('Request quote')", "msg('Request a quote')");
    const { ok, report } = i18n(root, { check: true });
    assert.equal(ok, false);
    assert.ok(
      report.some((l) => l.includes('missing translation of "Request a quote"')),
      report.join('\n'),
    );
    assert.ok(
      report.some((l) => l.includes('stale translation of "Request quote"')),
      report.join('\n'),
    );
  });

  it('fails on a placeholder the code does not have, an explicit id, or a module not regenerated', () => {
    const root = copy();
    const path = join(root, 'widgets', 'locales', 'fr.json');
    edit(path, '${n} jours restants', '${days} jours restants');
    edit(join(root, 'widgets', 'templates', 'templates.ts'), "msg('Retry')", "msg('Retry', { id: 'action.retry' })");
    const { ok, report } = i18n(root, { check: true });
    assert.equal(ok, false);
    assert.ok(
      report.some((l) => l.includes('has unknown ${days}')),
      report.join('\n'),
    );
    assert.ok(
      report.some((l) => l.includes('explicit message id')),
      report.join('\n'),
    );
    assert.ok(
      report.some((l) => l.includes('generated/fr.ts is out of date')),
      report.join('\n'),
    );
  });
});
