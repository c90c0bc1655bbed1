import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SAMPLE_PROGRAM } from '../src/program/definition.ts';

@customElement('x-probe')
class XProbe extends LitElement {
  @property() name = 'a';
  override render() { return html`<button>${this.name}</button>`; }
}

describe('toolchain', () => {
  it('renders a decorated element', async () => {
    const el = await fixture<XProbe>(html`<x-probe name="b"></x-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('b');
    expect(SAMPLE_PROGRAM.ruleSets).to.have.length(2);
    await expect(el).to.be.accessible();
  });
});
