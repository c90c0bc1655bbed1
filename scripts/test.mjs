// `npm test`: the browser suites in the system Chromium (web-test-runner), then the Node-side
// suites (built bundle under a strict CSP, manifest, mock server over real HTTP), and one closing
// line `N passed, N failed` summed from both runners' own counts.
// With arguments (`npm test -- "test/widgets/**/*.test.ts"`) only those browser files run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';

findChromium();
const args = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'dealreg-test-'));
const total = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function add(file) {
  if (!existsSync(file)) {
    total.failed += 1; // a runner that died before counting is a failure, never a silent zero
    return;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop());
  for (const k of Object.keys(total)) total[k] += counts[k] ?? 0;
}

function run(cmd, cmdArgs, env = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

const wtrCounts = join(dir, 'wtr.json');
run('npx', ['web-test-runner', ...args], { WTR_COUNTS_FILE: wtrCounts });
add(wtrCounts);

const nodeTests = existsSync('test/node') ? readdirSync('test/node').filter((f) => /\.test\.m?[jt]s$/.test(f)) : [];
if (args.length === 0 && nodeTests.length > 0) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const built = pkg.scripts?.build ? run('npm', ['run', '-s', 'build']) : true;
  if (!built) {
    total.failed += 1;
  } else {
    const nodeCounts = join(dir, 'node.json');
    run('node', [
      '--import', 'tsx',
      '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-count-reporter.mjs', `--test-reporter-destination=${nodeCounts}`,
      ...nodeTests.map((f) => join('test/node', f)),
    ]);
    add(nodeCounts);
  }
}

const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
process.exit(ok && total.failed === 0 ? 0 : 1);
