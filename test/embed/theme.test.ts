// Theme tokens from a parent reach the panel as --dealreg-* custom properties only, with values
// that cannot load a resource or reach another property.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { applyTheme, isSafeThemeValue, sanitizeTheme } from '../../embed/frame/theme.ts';

describe('theme tokens for the framed panel', () => {
  it('keeps --dealreg-* tokens with colours, lengths, font names and colour functions', () => {
    const tokens = {
      '--dealreg-color-brand': '#12355b',
      '--dealreg-color-text': 'rgb(24 24 24 / 90%)',
      '--dealreg-font-family': "'Inter', system-ui, sans-serif",
      '--dealreg-radius': 'calc(0.25rem + 1px)',
      '--dealreg-color-surface': 'color-mix(in srgb, white 90%, black)',
    };
    expect(sanitizeTheme(tokens)).to.deep.equal(Object.entries(tokens));
  });

  it('drops other property names and every value that could load, escape or inject', () => {
    const dropped = sanitizeTheme({
      color: 'red',
      '--other-brand': 'red',
      '--dealreg-Color': 'red',
      '--dealreg-a': 'url(https://evil.example/x.png)',
      '--dealreg-b': 'image-set("x.png" 1x)',
      '--dealreg-c': 'red; background: url(x)',
      '--dealreg-d': 'red} body{display:none',
      '--dealreg-e': '\\75 rl(x)',
      '--dealreg-f': 'attr(data-x)',
      '--dealreg-g': 'red !important',
      '--dealreg-h': '/* */red',
      '--dealreg-i': 'x'.repeat(201),
      '--dealreg-j': '   ',
      '--dealreg-k': 'env(safe-area-inset-top)',
      '--dealreg-l': '<script>',
    });
    expect(dropped).to.deep.equal([]);
  });

  it('whatever a value is, applying it sets that one custom property and nothing else', () => {
    const el = document.createElement('div');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        el.removeAttribute('style');
        applyTheme(el, { '--dealreg-color-brand': value });
        for (let i = 0; i < el.style.length; i += 1) expect(el.style.item(i)).to.equal('--dealreg-color-brand');
        if (el.style.length > 0) expect(isSafeThemeValue(value)).to.equal(true);
      }),
    );
  });

  it('a new theme replaces the tokens the previous one set', () => {
    const el = document.createElement('div');
    const first = applyTheme(el, { '--dealreg-color-brand': 'red', '--dealreg-radius': '0' });
    const second = applyTheme(el, { '--dealreg-radius': '1rem' }, first);
    expect(second).to.deep.equal(['--dealreg-radius']);
    expect(el.style.getPropertyValue('--dealreg-color-brand')).to.equal('');
    expect(el.style.getPropertyValue('--dealreg-radius')).to.equal('1rem');
  });
});
