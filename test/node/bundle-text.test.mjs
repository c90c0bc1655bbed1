// The BUILT bundle renders what the source renders (issue 12): the HTML-literal minifier of the
// library build (@lit-labs/rollup-plugin-minify-html-literals) once ate the space of
// "Mar 16, 2017 (30 days left)" (then "(valid 30 more days)"); and its minified CSS keeps every text at 12px or more.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertBuilt, launchChromium, openWatchedPage, startSite } from './browser.mjs';

const TIMEOUT = 15_000;

/** The text of the quote's last <dd> (its validity) inside the panel's shadow trees, once shown. */
function validityText(page) {
  return page
    .waitForFunction(
      () => {
        const find = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.matches('[part~="quote"] dd:last-of-type') && /\(/.test(el.textContent)) return el.textContent.trim();
            if (el.shadowRoot) {
              const found = find(el.shadowRoot);
              if (found) return found;
            }
          }
          return undefined;
        };
        return find(document);
      },
      { timeout: TIMEOUT },
    )
    .then((handle) => handle.jsonValue());
}

describe('the built bundle (dist/dealreg.js) renders its text as the source does', { timeout: 60_000 }, () => {
  let browser;
  let site;

  before(async () => {
    assertBuilt('dist/dealreg.js');
    site = await startSite();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.server.close();
  });

  it('"2017 (… days left)": the space before the quote validity survives the minifier, in English and French', async () => {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(`${site.server.url}/examples/portal.html?api=/api&account=acc-quoted`);
    const en = await validityText(page);
    // The date's own spaces are non-breaking (a date never breaks across lines); the one before "(" is not.
    assert.match(en, /^\w{3}\u00a0\d{1,2},\u00a02017 \(\d+ days? left\)$/, `got "${en}"`);
    assert.ok(en.includes('2017 ('), `got "${en}"`);

    await page.evaluate(() => {
      document.getElementById('panel').locale = 'fr';
    });
    await page.waitForFunction(
      () => {
        const find = (root) =>
          [...root.querySelectorAll('*')].some(
            (el) => (el.matches('dd') && el.textContent.includes('restant')) || (el.shadowRoot && find(el.shadowRoot)),
          );
        return find(document);
      },
      { timeout: TIMEOUT },
    );
    const fr = await validityText(page);
    assert.match(fr, /2017 \(\d+ jours? restants?\)$/, `got "${fr}"`);
    const { violations, pageErrors } = await problems.collect();
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('no text in the built panel is below 12px (the minified CSS keeps the floor), on a 16px-root, 13px-body page', async () => {
    const { page } = await openWatchedPage(browser);
    await page.goto(`${site.server.url}/examples/portal.html?api=/api&account=acc-quoted`);
    await validityText(page);
    const sizes = await page.evaluate(() => {
      document.documentElement.style.fontSize = '16px';
      document.body.style.fontSize = '13px';
      const panel = document.getElementById('panel');
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          const text = [...el.childNodes]
            .filter((n) => n.nodeType === 3 && n.textContent.trim())
            .map((n) => n.textContent.trim())
            .join(' ');
          if (text && !el.closest('style')) out.push([text.slice(0, 40), Number.parseFloat(getComputedStyle(el).fontSize)]);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(panel.shadowRoot);
      return out;
    });
    assert.ok(sizes.length > 20, `the panel shows text (${sizes.length})`);
    const small = sizes.filter(([, size]) => size < 12);
    assert.deepEqual(small, [], 'texts below 12px');
    // Body text at the host's size; labels (a quote figure's name) at 12px, never below.
    const base = sizes.find(([text]) => text.startsWith('Protected until'));
    assert.equal(base?.[1], 13, "body text at the host's 13px");
    assert.equal(sizes.find(([text]) => text.startsWith('Net price'))?.[1], 12, 'a label at 12px');
    await page.close();
  });
});
