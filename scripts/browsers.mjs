// The browsers dealreg asks of a host: ES2022 (class static blocks among others) and CSS container
// queries (the panel's wide layout). The library builds target exactly these, so the built files use
// nothing they lack; docs/embedding.md states the same list for consumers.
export const BROWSERS = [
  ['Chrome', 'chrome', '105'],
  ['Edge', 'edge', '105'],
  ['Firefox', 'firefox', '110'],
  ['Safari', 'safari', '16.4'],
  ['Safari on iOS', 'ios', '16.4'],
];

/** Vite's `build.target`: `chrome105`, `safari16.4`, … */
export const BUILD_TARGET = BROWSERS.map(([, id, version]) => `${id}${version}`);
