// The one place that decides which Chromium the tests, the bench and the screenshots use.
import { existsSync } from 'node:fs';

export const INSTALL_HINT =
  'No Chromium found: set CHROME_PATH, or install it with `apt-get install -y chromium` (Debian).';

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  return found;
}
