// `npm test`: checks for Chromium first so a missing browser is one clear line, then runs web-test-runner.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

findChromium();
const args = ['web-test-runner', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
