// Hostile world: the host page. A CRM or portal with aggressive global CSS cannot break the
// panel (its styles live in shadow roots behind a reset), and a page that loads the bundle twice
// (two apps, two versions) does not throw.
import { expect } from '@open-wc/testing';
import { createMockBackend } from '../../mocks/index.ts';
import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import '../../widgets/index.ts';
import { deepElements, mount, settled, unmount, until, watchTrouble } from './helpers.ts';

const TOKEN = 'demo-alpha';

// What a careless host stylesheet does to everything it can reach.
const HOSTILE_CSS = `
  * { all: unset; }
  button { display: none; }
  div, section, p, span, li, ul { margin: 0; padding: 0; line-height: 0; }
`;

describe('hostile world: host pages', function () {
  this.timeout(20_000);

  it('a host with aggressive global CSS (* { all: unset }, button { display: none }) still shows a visible "Register opportunity" button', async () => {
    const trouble = watchTrouble();
    const style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    const adapter = createMemoryAdapter(createMockBackend(), { token: TOKEN });
    const panel = mount('dealreg-panel', adapter, { 'account-id': 'acc-nextgen', locale: 'en' });
    try {
      // The deal's own Register (the panel has none of its own beside the rows).
      const openButton = (): HTMLButtonElement | undefined =>
        deepElements(panel).find((el): el is HTMLButtonElement => el.matches('button[part~="register-button"]'));
      await until(() => settled(panel) && openButton() !== undefined, 'the register button');
      const button = openButton()!;
      expect(button.textContent).to.match(/^\s*register opportunity\s*$/i);
      const box = button.getBoundingClientRect();
      expect(box.width, 'button width').to.be.greaterThan(0);
      expect(box.height, 'button height').to.be.greaterThan(0);
      const computed = getComputedStyle(button);
      expect(computed.display).not.to.equal('none');
      expect(computed.visibility).to.equal('visible');
      expect(Number.parseFloat(computed.fontSize), 'its label has a size').to.be.greaterThan(0);
      // It still works: the form opens, and can be seen.
      button.click();
      await until(() => settled(panel) && deepElements(panel).some((el) => el.matches('[part~="form"]')), 'the form');
      const form = deepElements(panel).find((el) => el.matches('[part~="form"]'))!;
      expect(form.getBoundingClientRect().height, 'the form has a height').to.be.greaterThan(0);
    } finally {
      unmount(panel);
      style.remove();
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
  });

  it('loading the elements a second time (a second copy of the bundle) does not throw and the first definitions stay', async () => {
    const trouble = watchTrouble();
    const before = customElements.get('dealreg-panel');
    expect(before, 'the panel is defined').to.exist;
    try {
      // Bundled by the test runner (see second-copy.ts): new element classes for every tag. The built
      // dist/dealreg.js loaded twice is checked by the Node suite (test/node/csp.test.mjs), after the build.
      await import(/* @vite-ignore */ new URL('./second-copy.ts', import.meta.url).href);
      await trouble.reported();
    } finally {
      trouble.stop();
    }
    expect(trouble.all()).to.deep.equal([]);
    expect(customElements.get('dealreg-panel')).to.equal(before);
    for (const tag of [
      'dealreg-provider',
      'dealreg-status',
      'dealreg-eligibility',
      'dealreg-quote-button',
      'dealreg-register-form',
    ]) {
      expect(customElements.get(tag), tag).to.exist;
    }
  });
});
