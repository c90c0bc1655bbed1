// The library entry (dist/dealreg.js): the DOM-free core (types, errors, program rules, the
// HTTP and memory adapters) and the elements, registered once each. No mock code.
export * from '../src/index.ts';
export * from '../widgets/index.ts';
