// A web-test-runner plugin that serves chosen entry files bundled as ESM by esbuild, so browser tests
// can import CommonJS-only packages (Ajv). Add `bundleCjsPlugin()` to the `plugins` of the wtr config.
import { build } from 'esbuild';
import path from 'node:path';

const ENTRIES = ['/test/contract/ajv.ts'];

export function bundleCjsPlugin({ entries = ENTRIES, rootDir = process.cwd() } = {}) {
  const cache = new Map();
  return {
    name: 'dealreg-bundle-cjs',
    async serve(context) {
      if (!entries.includes(context.path)) return undefined;
      if (!cache.has(context.path)) {
        const result = await build({
          entryPoints: [path.join(rootDir, context.path)],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          write: false,
          logLevel: 'silent',
        });
        cache.set(context.path, result.outputFiles[0].text);
      }
      return { body: cache.get(context.path), type: 'js' };
    },
  };
}
