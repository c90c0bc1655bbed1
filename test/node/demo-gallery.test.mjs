// The review gallery (`npm run screenshot`): docs/gallery.md shows every demo scenario in both
// languages, both themes and both widths from files that exist, and the book's views and states
// (scripts/gallery-book.mjs), and the npm package ships none of the gallery's pictures (package.json
// `files` takes docs/*.md and the README's picture only).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEMO_SCENARIOS } from '../../demo/scenarios.ts';
import { BOOK_SHOTS, bookFile } from '../../scripts/gallery-book.mjs';
import { BOOK_VIEWS } from '../../src/domain/status.ts';

const ROOT = new URL('../../', import.meta.url);

describe('the demo gallery', () => {
  it('docs/gallery.md shows every scenario in en and fr, light and dark, sidebar and main column, and the CRM situations in light', () => {
    const page = readFileSync(new URL('docs/gallery.md', ROOT), 'utf8');
    const pictures = [...page.matchAll(/\]\((images\/gallery\/[^)]+\.png)\)/g)].map((m) => m[1]);
    for (const picture of pictures) assert.ok(existsSync(new URL(`docs/${picture}`, ROOT)), `${picture} exists`);
    for (const s of DEMO_SCENARIOS) {
      const name = `${s.accountId}${s.partner ? `-as-${s.partner}` : ''}`;
      for (const variant of ['en-light', 'en-dark', 'fr-light', 'fr-dark']) {
        for (const placement of ['sidebar', 'main']) {
          assert.ok(pictures.includes(`images/gallery/${name}-${variant}-${placement}.png`), `${name} ${variant} ${placement}`);
        }
      }
    }
    // The situations shot in light only: a deal just created in the CRM, invalid records, a portal.
    for (const name of ['acc-empty-new-deal', 'acc-nextgen-invalid-records', 'acc-empty-portal']) {
      for (const lang of ['en', 'fr']) {
        for (const placement of ['sidebar', 'main']) {
          assert.ok(pictures.includes(`images/gallery/${name}-${lang}-light-${placement}.png`), `${name} ${lang} ${placement}`);
        }
      }
    }
    const bookPictures = BOOK_SHOTS.flatMap((shot) =>
      shot.variants.map((variant) => `images/gallery/${bookFile(shot.name, variant)}`),
    );
    for (const picture of bookPictures) assert.ok(pictures.includes(picture), picture);
    assert.equal(pictures.length, DEMO_SCENARIOS.length * 8 + 3 * 4 + bookPictures.length);
  });

  it("pictures each of the book's views, its empty search, its error and an export, in both languages, themes and widths", () => {
    for (const view of BOOK_VIEWS)
      assert.ok(
        BOOK_SHOTS.some((shot) => shot.view === view && !shot.act && !shot.params),
        view,
      );
    const variants = BOOK_SHOTS.flatMap((shot) => shot.variants);
    for (const [key, values] of [
      ['lang', ['en', 'fr']],
      ['theme', ['light', 'dark']],
      ['placement', ['sidebar', 'full']],
    ]) {
      for (const value of values)
        assert.ok(
          variants.some((v) => v[key] === value),
          `${key} ${value}`,
        );
    }
    assert.ok(BOOK_SHOTS.some((shot) => shot.act === 'search'));
    assert.ok(BOOK_SHOTS.some((shot) => shot.params?.fail === '1'));
    assert.ok(BOOK_SHOTS.some((shot) => shot.act === 'export'));
  });

  it('the npm package ships docs but no gallery picture', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
    );
    const paths = packed.files.map((f) => f.path);
    assert.ok(paths.includes('docs/program.md'), 'docs are in the package');
    assert.ok(paths.includes('docs/images/panel.png'), "the README's picture is in the package");
    assert.deepEqual(
      paths.filter((p) => p.startsWith('docs/images/gallery/')),
      [],
    );
  });
});
