// A Vite/Rolldown output plugin for the library build: removes the `/* @__PURE__ */` and
// `/* @__NO_SIDE_EFFECTS__ */` annotations from the minified files, and shifts the source maps to
// match. The minifier needs them (they let it drop unused calls, so Rolldown's `comments` option
// cannot simply turn them off: the files grow), but nobody needs them after it: the elements
// are side effects, and a host's bundler re-shaking dist/dealreg.js has nothing left to drop.
// Dropping them makes dist/dealreg.js smaller even after gzip (the figure is in the commit that added this).

const ANNOTATION = /\/\* @__(?:PURE|NO_SIDE_EFFECTS)__ \*\/ ?/g;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One source-map segment's numbers (VLQ, base64). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`strip-annotations: bad VLQ digit "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeSegment(values) {
  let text = '';
  for (const number of values) {
    let vlq = number < 0 ? (-number << 1) | 1 : number << 1;
    do {
      let digit = vlq & 31;
      vlq >>>= 5;
      if (vlq > 0) digit |= 32;
      text += BASE64[digit];
    } while (vlq > 0);
  }
  return text;
}

/**
 * `mappings` with every generated column moved left by what was removed before it on its line.
 * `removed[line]` lists [column, length] of the removed spans, in order. A segment that starts
 * inside a removed span (it mapped the comment) is dropped; its source, line, column and name
 * deltas carry over to the next segment that has them (they are relative across the whole map).
 */
function shiftMappings(mappings, removed) {
  const carry = [0, 0, 0, 0];
  return mappings
    .split(';')
    .map((line, index) => {
      const spans = removed[index] ?? [];
      if (line === '') return line;
      let column = 0;
      let previous = 0;
      const kept = [];
      for (const segment of line.split(',')) {
        const [delta, ...rest] = decodeSegment(segment);
        column += delta;
        let shifted = column;
        let inside = false;
        for (const [at, length] of spans) {
          if (at + length <= column) shifted -= length;
          else if (at <= column) inside = true;
        }
        if (inside) {
          rest.forEach((value, i) => (carry[i] += value));
          continue;
        }
        const fields = rest.map((value, i) => value + carry[i]);
        for (let i = 0; i < rest.length; i++) carry[i] = 0;
        kept.push(encodeSegment([shifted - previous, ...fields]));
        previous = shifted;
      }
      return kept.join(',');
    })
    .join(';');
}

const WORD = /[\w$]/;

/**
 * Removes the annotations from `code`; returns the new code and the removed spans per line. A
 * comment can be the only thing between two words (`of/* @__PURE__ *\/ new Set`): it then
 * becomes one space, never nothing.
 */
function strip(code) {
  const removed = [];
  const lines = code.split('\n').map((line, index) =>
    line.replace(ANNOTATION, (match, offset) => {
      const between = WORD.test(line[offset - 1] ?? '') && WORD.test(line[offset + match.length] ?? '');
      (removed[index] ??= []).push(between ? [offset + 1, match.length - 1] : [offset, match.length]);
      return between ? ' ' : '';
    }),
  );
  return { code: lines.join('\n'), removed };
}

/** @returns {import('vite').Plugin} */
export function stripAnnotations() {
  return {
    name: 'dealreg-strip-annotations',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const { code, removed } = strip(chunk.code);
        if (code === chunk.code) continue;
        chunk.code = code;
        if (!chunk.map) continue;
        chunk.map.mappings = shiftMappings(chunk.map.mappings, removed);
        const asset = bundle[`${chunk.fileName}.map`];
        if (asset?.type === 'asset') {
          const map = JSON.parse(String(asset.source));
          map.mappings = chunk.map.mappings;
          asset.source = JSON.stringify(map);
        }
      }
    },
  };
}
