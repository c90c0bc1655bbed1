// `npm test`: the browser suites in the system Chromium (web-test-runner), the Salesforce example's
// LWC tests (jest, sfdx-lwc-jest), then the Node-side suites (built bundle under a strict CSP,
// framed panel across origins, manifest, mock server over real HTTP), and one closing line
// `N passed, N failed` summed from the runners' own counts.
// With arguments (`npm test -- "test/widgets/**/*.test.ts"`) only those browser files run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findChromium } from './find-chromium.mjs';
import { assertSupportedNode } from './supported-node.mjs';

assertSupportedNode('npm test');
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

/** Jest's --json report: its test counts, and a suite that failed to run (e.g. a template that
 * does not compile) counts as a failure, since its tests were never counted. */
function addJest(file) {
  if (!existsSync(file)) {
    total.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  total.passed += report.numPassedTests ?? 0;
  total.failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function run(cmd, cmdArgs, env = {}, cwd = undefined) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd, env: { ...process.env, ...env } });
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

const wtrCounts = join(dir, 'wtr.json');
run('npx', ['web-test-runner', ...args], { WTR_COUNTS_FILE: wtrCounts });
add(wtrCounts);

// The Salesforce DX example's LWC tests: sfdx-lwc-jest finds its project from the working directory.
const salesforce = 'examples/salesforce';
if (args.length === 0 && existsSync(join(salesforce, 'sfdx-project.json'))) {
  const jest = join(dirname(createRequire(import.meta.url).resolve('jest/package.json')), 'bin/jest.js');
  const jestReport = join(dir, 'jest.json');
  run(process.execPath, [jest, '--ci', '--json', `--outputFile=${jestReport}`], {}, salesforce);
  addJest(jestReport);
}

const nodeTests = existsSync('test/node') ? readdirSync('test/node').filter((f) => /\.test\.m?[jt]s$/.test(f)) : [];
if (args.length === 0 && nodeTests.length > 0) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const built = pkg.scripts?.build ? run('npm', ['run', '-s', 'build']) : true;
  if (!built) {
    total.failed += 1;
  } else {
    const nodeCounts = join(dir, 'node.json');
    run('node', [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-count-reporter.mjs',
      `--test-reporter-destination=${nodeCounts}`,
      ...nodeTests.map((f) => join('test/node', f)),
    ]);
    add(nodeCounts);
  }
}

const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
process.exit(ok && total.failed === 0 ? 0 : 1);
