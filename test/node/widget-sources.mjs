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

/**
 * Every element's component module (`widgets/<dir>/<name>.component.ts`): its folder, its path, its
 * source, and the sources of the template modules beside it.
 */
export function componentModules() {
  const out = [];
  for (const dir of readdirSync(join(ROOT, 'widgets'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(ROOT, 'widgets', dir.name))) {
      if (!name.endsWith('.component.ts')) continue;
      const file = `widgets/${dir.name}/${name}`;
      out.push({
        dir: dir.name,
        file,
        source: readFileSync(join(ROOT, file), 'utf8'),
        siblings: siblingTemplates(dir.name, name),
      });
    }
  }
  return out;
}
