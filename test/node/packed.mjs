// The package as a consumer gets it: `npm pack` of the repo (dist/ as built), then the tarball
// installed into an empty project with ONLY its declared dependencies, by the machine's npm on
// Node 20 when there is one (a consumer's npm, not the project's Node 22). Shared by
// package.test.mjs and lit-once.test.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from './browser.mjs';

export function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** PATH without the project's node_modules/.bin folders (npm puts them first for its scripts). */
export function withoutProjectBins(path = '') {
  return path
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
}

/** A Node 20 other than the one running the tests (the system Node: npm scripts run on Node 22). */
export function node20() {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const path of found) {
    if (path.includes('node_modules')) continue;
    const version = spawnSync(path, ['-v'], { encoding: 'utf8' }).stdout.trim();
    if (version.startsWith('v20.')) return path;
  }
  return null;
}

/**
 * Packs the repo into a temporary folder and installs the tarball into `<work>/consumer`.
 * Returns the folders, the tarball's file list, the Node 20 whose npm installed it, and npm's
 * output (warnings included, whatever log level the calling npm script set).
 */
export function packAndInstall(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT).stdout);
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const node = node20();
  const env = node
    ? { ...process.env, PATH: [dirname(node), withoutProjectBins(process.env.PATH)].join(delimiter) }
    : process.env;
  const install = run(
    'npm',
    [
      'install',
      join(work, packed[0].filename),
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=warn',
    ],
    consumer,
    env,
  );
  return {
    work,
    consumer,
    installed: join(consumer, 'node_modules', 'dealreg'),
    tarballFiles: packed[0].files.map((f) => f.path),
    /** The Node 20 whose npm installed it, or null (none on this machine: the project's Node did). */
    installedWith: node,
    installLog: `${install.stdout}\n${install.stderr}`,
  };
}
