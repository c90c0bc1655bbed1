// `npm run build:manifest`: custom-elements.json from the elements' JSDoc (@tag, @event,
// @csspart, @cssproperty, property docs), read by IDEs, Storybook and docs sites.
import { readFileSync } from 'node:fs';

/**
 * The analyzer also records `this.dispatchEvent(new DealRegErrorEvent(…))` as an event with a type
 * and no name. Each event class declares its name (`static readonly eventName = 'dealreg-…'`):
 * name those entries from widgets/shared/events.ts and merge them into the JSDoc-documented ones.
 */
function nameTypedEvents() {
  const source = readFileSync(new URL('./widgets/shared/events.ts', import.meta.url), 'utf8');
  const names = new Map(
    [...source.matchAll(/class\s+(\w+)\s+extends\s+Event\s*\{[^}]*?static\s+readonly\s+eventName\s*=\s*'([^']+)'/gs)].map(
      (m) => [m[1], m[2]],
    ),
  );
  return {
    name: 'dealreg-name-typed-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.events) continue;
          const byName = new Map();
          for (const event of decl.events) {
            const name = event.name ?? names.get(event.type?.text ?? '');
            if (!name) continue;
            const typeText = event.type?.text ?? [...names].find(([, n]) => n === name)?.[0];
            const merged = { ...byName.get(name), ...event, name };
            if (typeText) merged.type = { text: typeText };
            if (!merged.description) merged.description = byName.get(name)?.description ?? event.description;
            byName.set(name, merged);
          }
          decl.events = [...byName.values()];
        }
      }
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/*.test.ts', 'widgets/locales/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [nameTypedEvents()],
};
