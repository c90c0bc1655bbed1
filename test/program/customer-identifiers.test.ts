import { expect } from '@open-wc/testing';
import {
  canonicalDuns,
  canonicalSiren,
  canonicalVatNumber,
  frenchVatKey,
  sirenOf,
} from '../../src/program/customer-identifiers.ts';

describe('customer identifiers (exact matching: SIREN, VAT number, DUNS)', () => {
  it('a SIREN is 9 digits whose Luhn check holds; spaces and dots are only typing', () => {
    expect(canonicalSiren('404833048')).to.equal('404833048');
    expect(canonicalSiren('404 833 048')).to.equal('404833048');
    expect(canonicalSiren('732.829.320')).to.equal('732829320');
    expect(canonicalSiren('404833049'), 'wrong check digit').to.equal(null);
    expect(canonicalSiren('123456789'), 'wrong check digit').to.equal(null);
    expect(canonicalSiren('40483304'), 'eight digits').to.equal(null);
    expect(canonicalSiren('4048330480'), 'ten digits').to.equal(null);
    expect(canonicalSiren('40483304A')).to.equal(null);
  });

  it('a French VAT number is FR, the key of its SIREN, then a valid SIREN', () => {
    expect(frenchVatKey('404833048')).to.equal('83');
    expect(frenchVatKey('552100554')).to.equal('96');
    expect(canonicalVatNumber('FR83404833048')).to.equal('FR83404833048');
    expect(canonicalVatNumber('fr 83 404 833 048')).to.equal('FR83404833048');
    expect(canonicalVatNumber('FR84404833048'), 'wrong key').to.equal(null);
    expect(canonicalVatNumber('FR86404833049'), 'its SIREN fails the Luhn check').to.equal(null);
    expect(canonicalVatNumber('DE83404833048'), 'not French').to.equal(null);
  });

  it('a DUNS is 9 digits', () => {
    expect(canonicalDuns('15-048-3782')).to.equal('150483782');
    expect(canonicalDuns('15048378')).to.equal(null);
    expect(canonicalDuns('D15048378')).to.equal(null);
  });

  it('the SIREN of a customer comes from its SIREN, else from inside its VAT number', () => {
    expect(sirenOf({ siren: '404833048' })).to.equal('404833048');
    expect(sirenOf({ vatNumber: 'FR83404833048' })).to.equal('404833048');
    expect(sirenOf({ siren: '404833049', vatNumber: 'FR83404833048' }), 'a bad SIREN falls back to the VAT').to.equal(
      '404833048',
    );
    expect(sirenOf({ duns: '150483782' })).to.equal(null);
  });
});
