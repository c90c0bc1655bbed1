// The Node every script runs on. The `node` dev dependency puts a supported LTS in node_modules/.bin,
// npm puts that folder first on PATH for `npm test`, `npm run …` and `npm exec`, and every tool the
// scripts start is a `#!/usr/bin/env node` bin, so all of them run on it whatever Node the machine has.
// `devEngines.runtime` names that Node and claims none that an installed package refuses (`engines`
// speaks to the package's consumers: test/node/package.test.mjs installs the tarball on Node 20).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';
import { ROOT } from './browser.mjs';
import { node20, withoutProjectBins } from './packed.mjs';

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const pkg = readJson('package.json');
const pinned = readJson('node_modules/node/package.json').version;
const devRange = pkg.devEngines.runtime.version;

describe('the Node the scripts run on', () => {
  it('is the project’s own Node, a supported LTS (22 or later) inside devEngines', () => {
    assert.ok(semver.major(process.versions.node) >= 22, `Node ${process.versions.node}`);
    assert.ok(semver.satisfies(process.versions.node, devRange), `${process.versions.node} in ${devRange}`);
    assert.equal(process.versions.node, pinned, 'the Node suite runs on the `node` dev dependency, not the system Node');
    assert.equal(process.execPath, join(ROOT, 'node_modules/node/bin/node'));
  });

  it('npm exec runs the project’s Node even with another Node first on PATH', () => {
    // The machine's Node first on PATH, as in a shell: npm must still put node_modules/.bin before it.
    const systemFirst = ['/usr/bin', '/usr/local/bin', process.env.PATH].join(delimiter);
    const version = execFileSync('npm', ['exec', '--', 'node', '-p', 'process.versions.node'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: systemFirst },
    }).trim();
    assert.equal(version, pinned);
  });

  it('every tool an npm script starts is a bin that runs the Node found on PATH', () => {
    const tools = new Set();
    for (const command of Object.values(pkg.scripts)) {
      for (const step of command.split(/&&|\|\||;/)) {
        const tool = step.trim().split(/\s+/)[0];
        if (tool && tool !== 'npm') tools.add(tool);
      }
    }
    assert.ok(tools.has('node') && tools.has('vite') && tools.has('tsx'), [...tools].join(' '));
    for (const tool of tools) {
      const bin = join(ROOT, 'node_modules/.bin', tool);
      assert.ok(existsSync(bin), `${tool} is in node_modules/.bin`);
      if (tool === 'node') continue;
      assert.match(readFileSync(bin, 'utf8').split('\n', 1)[0], /^#!\/usr\/bin\/env node\b/, `${tool}'s first line`);
    }
    // The web-test-runner that scripts/test.mjs starts with npx, too.
    assert.match(readFileSync(join(ROOT, 'node_modules/.bin/web-test-runner'), 'utf8'), /^#!\/usr\/bin\/env node\b/);
  });

  it('devEngines claims no Node that an installed package refuses, and accepts the pinned one', () => {
    assert.ok(semver.satisfies(pinned, devRange), `${pinned} in ${devRange}`);
    assert.deepEqual(refusing(devRange), []);
  });

  it('npm on an older Node (the machine’s) still runs the scripts: devEngines asks npm to check nothing', (t) => {
    // npm checks devEngines against the Node npm itself runs on and, by default, refuses `npm ci`,
    // `npm install` and `npm run` outside the range: scripts/supported-node.mjs checks the scripts' Node.
    assert.equal(pkg.devEngines.runtime.onFail, 'ignore');
    const node = node20();
    if (!node) return t.skip('no Node 20 on this machine (which -a node)');
    // `npm run` with no script lists them: through npm's devEngines check (the one `npm ci` and
    // `npm install` make too), without running one.
    const result = spawnSync('npm', ['run'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: [dirname(node), withoutProjectBins(process.env.PATH)].join(delimiter) },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /EBADDEVENGINES/);
    assert.match(result.stdout, /\bbuild:lib\b/);
  });
});

/** The locked packages whose `engines.node` refuses part of `range`. */
function refusing(range) {
  const lock = readJson('package-lock.json');
  const found = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const wanted = entry.engines?.node;
    if (!path || typeof wanted !== 'string' || !semver.validRange(wanted)) continue;
    if (!semver.subset(range, wanted)) found.push(`${path.replace(/^.*node_modules\//, '')} wants ${wanted}`);
  }
  return found;
}
