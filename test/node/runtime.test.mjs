// The Node every script runs on. The `node` dev dependency puts a supported LTS in node_modules/.bin,
// npm puts that folder first on PATH for `npm test`, `npm run …` and `npm exec`, and every tool the
// scripts start is a `#!/usr/bin/env node` bin, so all of them run on it whatever Node the machine has.
// `engines` tells the truth: it claims no Node that an installed package refuses.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';
import { ROOT } from './browser.mjs';

const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const pkg = readJson('package.json');
const pinned = readJson('node_modules/node/package.json').version;

describe('the Node the scripts run on', () => {
  it('is the project’s own Node, a supported LTS (22 or later) inside engines', () => {
    assert.ok(semver.major(process.versions.node) >= 22, `Node ${process.versions.node}`);
    assert.ok(semver.satisfies(process.versions.node, pkg.engines.node), `${process.versions.node} in ${pkg.engines.node}`);
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

  it('engines claims no Node that an installed package refuses, and accepts the pinned one', () => {
    assert.ok(semver.satisfies(pinned, pkg.engines.node), `${pinned} in ${pkg.engines.node}`);
    const lock = readJson('package-lock.json');
    const refusing = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines?.node;
      if (!path || typeof range !== 'string' || !semver.validRange(range)) continue;
      if (!semver.subset(pkg.engines.node, range)) refusing.push(`${path.replace(/^.*node_modules\//, '')} wants ${range}`);
    }
    assert.deepEqual(refusing, []);
  });
});
