// What an element renders may sit in a module of its own folder that it loads on demand (the
// registration form's fields): the Node tests that read templates read those modules too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The sources of the other template modules beside `widgets/<dir>/<component>` (not styles, definitions or loaders). */
export function siblingTemplates(dir, component) {
  return readdirSync(join(ROOT, 'widgets', dir))
    .filter((name) => name !== component && name.endsWith('.ts') && !name.endsWith('.styles.ts'))
    .map((name) => readFileSync(join(ROOT, 'widgets', dir, name), 'utf8'))
    .filter((source) => /\bhtml`/.test(source));
}
