// The host side (dist/embed.js): what mountDealRegFrame puts on the page, and what it refuses.
import { expect } from '@open-wc/testing';
import { mountDealRegFrame } from '../../embed/host/mount.ts';

describe('mountDealRegFrame', () => {
  const getToken = (): string => 'secret-token';

  it('puts one titled, sandboxed, full-width frame in the container, with neither account nor token in its URL', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const mounted = mountDealRegFrame(container, { src: 'https://partners.vendor.example/embed/', accountId: 'acc-1', getToken });
    const { frame } = mounted;
    expect(container.children.length).to.equal(1);
    expect(frame.title).to.equal('Deal registration');
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-forms');
    expect(frame.style.width).to.equal('100%');
    expect(frame.src).to.equal('https://partners.vendor.example/embed/');
    mounted.destroy();
    expect(container.children.length).to.equal(0);
    container.remove();
  });

  it('refuses a src that is not an http(s) URL', () => {
    for (const src of ['javascript:alert(1)', 'data:text/html,hi', 'about:blank']) {
      expect(() => mountDealRegFrame(document.body, { src, accountId: 'acc-1', getToken }), src).to.throw(TypeError);
    }
  });
});
