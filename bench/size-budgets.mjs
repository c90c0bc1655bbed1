// The size budgets, read from .size-limit.json (the one place they are written; `npm run size`
// checks the same entries) and measured the way @size-limit/file measures them: each entry's
// `path` (a file, a glob, or a list of them) is expanded with node:fs's glob, every file is
// compressed on its own (gzip level 9 when `gzip: true`, raw bytes when `brotli: false`, brotli
// quality 11 otherwise) and the sizes are summed; `limit` is parsed like size-limit does
// ("28 kB" = 28,000 bytes, "4 KiB" = 4,096).
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const UNIT = /^([+-]?\d+(?:\.\d+)?) *(?:([kmgtpezy])?(i)?b)?$/i;

/** size-limit's parseBytes: '28 kB' → 28000, '4 KiB' → 4096, a number as is; null when unreadable. */
export function parseLimit(value) {
  if (typeof value === 'number') return value;
  const match = UNIT.exec(String(value).trim());
  if (!match) return null;
  const [, number, prefix, iec] = match;
  const power = prefix ? 'kmgtpezy'.indexOf(prefix.toLowerCase()) + 1 : 0;
  return Math.floor(parseFloat(number) * (iec ? 1024 : 1000) ** power);
}

function compression(entry) {
  if (entry.gzip === true) return 'gzip';
  if (entry.brotli === false) return 'raw';
  return 'brotli';
}

function compressedSize(bytes, how) {
  if (how === 'gzip') return gzipSync(bytes, { level: 9 }).length;
  if (how === 'raw') return bytes.length;
  return brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

function filesOf(patterns, root) {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const find = (globs) =>
    new Set(
      globs
        .flatMap((g) => [g, `${g}/**`])
        .flatMap((g) => globSync(g, { cwd: root, withFileTypes: true }))
        .filter((d) => d.isFile())
        .map((d) => relative(root, join(d.parentPath, d.name))),
    );
  const included = find(list.filter((p) => !p.startsWith('!')));
  const excluded = find(list.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  return [...included].filter((f) => !excluded.has(f)).sort();
}

/**
 * Every entry of .size-limit.json, measured: { name, path, compression, limitBytes, bytes,
 * files: [{ file, bytes }] }. An entry whose path matches no file measures null (a missed budget:
 * the build did not produce what the budget is about).
 */
export function measureSizeBudgets(root) {
  const entries = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8'));
  return entries.map((entry) => {
    const how = compression(entry);
    const files = filesOf(entry.path, root).map((file) => ({ file, bytes: compressedSize(readFileSync(join(root, file)), how) }));
    return {
      name: entry.name ?? String(entry.path),
      path: entry.path,
      compression: how,
      limit: entry.limit,
      limitBytes: entry.limit === undefined ? null : parseLimit(entry.limit),
      bytes: files.length ? files.reduce((sum, f) => sum + f.bytes, 0) : null,
      files,
    };
  });
}
