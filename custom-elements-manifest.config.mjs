// `npm run build:manifest`: custom-elements.json from the elements' JSDoc (@tag, @event,
// @csspart, @cssproperty, property docs), read by IDEs, Storybook and docs sites, and by
// scripts/framework-types.mjs, which writes the React and Vue typings from it.

/**
 * Gives every event its class and its detail type. The elements document their events by name
 * (`@event dealreg-error - …`) and the analyzer sees some `dispatchEvent(new DealRegErrorEvent(…))`
 * calls as a type without a name; neither says which class carries which name, nor what `detail`
 * holds, because the classes inherit `detail` from the generic `DealRegEvent<Detail>` base.
 * Each event class says both (`static readonly eventName = 'dealreg-…'`, `extends DealRegEvent<…Detail>`):
 * read them from the TypeScript AST, then on every element name the typed entries, merge them into
 * the documented ones, and record `type` (the class) and `detail` (a custom field: the schema has no
 * place for a detail type).
 */
function typeDealRegEvents() {
  /** eventName → { className, detailText, module } */
  const byEventName = new Map();

  const staticEventName = (ts, cls) => {
    for (const member of cls.members) {
      const isStatic = ts.getModifiers?.(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'eventName') continue;
      let init = member.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init))) init = init.expression;
      if (init && ts.isStringLiteralLike(init)) return init.text;
    }
    return undefined;
  };

  const reference = (name, module) => ({ text: name, references: [{ name, module }] });

  return {
    name: 'dealreg-type-events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const eventName = staticEventName(ts, node);
      if (!eventName) return;
      const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      const detailText = base?.typeArguments?.[0]?.getText();
      if (byEventName.has(eventName)) throw new Error(`two event classes are named ${eventName}`);
      byEventName.set(eventName, { className: node.name.text, detailText, module: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const byClass = new Map([...byEventName].map(([eventName, info]) => [info.className, { eventName, ...info }]));
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          // The event classes themselves: `detail` is typed `Detail` (the base's parameter) otherwise.
          const own = byClass.get(decl.name);
          if (own?.detailText) {
            const detail = decl.members?.find((m) => m.name === 'detail' && !m.static);
            if (detail) detail.type = reference(own.detailText, own.module);
          }
          if (!decl.events) continue;
          // Documented (named) entries first, in their JSDoc order; the analyzer's typed ones merge in.
          const merged = new Map();
          const ordered = [...decl.events.filter((e) => e.name), ...decl.events.filter((e) => !e.name)];
          for (const event of ordered) {
            const name = event.name ?? byClass.get(event.type?.text ?? '')?.eventName;
            if (!name) continue;
            const previous = merged.get(name);
            merged.set(name, { ...event, ...previous, name, description: previous?.description ?? event.description });
          }
          for (const [name, event] of merged) {
            const info = byEventName.get(name);
            const { description, type, detail, ...rest } = event;
            merged.set(name, {
              name,
              ...(description ? { description } : {}),
              ...rest,
              // left untyped when no class carries the name: test/node/manifest.test.mjs names it
              ...(info ? { type: reference(info.className, info.module) } : type ? { type } : {}),
              ...(info?.detailText ? { detail: reference(info.detailText, info.module) } : detail ? { detail } : {}),
            });
          }
          decl.events = [...merged.values()];
        }
      }
    },
  };
}

/**
 * Leaves Lit `@state()` fields out: they are an element's internal reactive state (here, what it
 * consumes from `<dealreg-provider>`), public in TypeScript only so the context decorators can set
 * them. Listed, they read as settable API to IDEs and to the generated React and Vue typings.
 */
function dropLitState() {
  /** `module#Class` → names of its `@state()` fields */
  const stateFields = new Map();
  const key = (module, className) => `${module.replace(/^\//, '')}#${className}`;
  return {
    name: 'dealreg-drop-lit-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isPropertyDeclaration(node) || !ts.isClassDeclaration(node.parent) || !node.parent.name) return;
      const isState = ts
        .getDecorators?.(node)
        ?.some((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === 'state');
      if (!isState) return;
      const k = key(moduleDoc.path, node.parent.name.text);
      stateFields.set(k, new Set([...(stateFields.get(k) ?? []), node.name.getText()]));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter((m) => {
            const owner = m.inheritedFrom
              ? key(m.inheritedFrom.module ?? mod.path, m.inheritedFrom.name)
              : key(mod.path, decl.name);
            return !(m.kind === 'field' && m.privacy === undefined && stateFields.get(owner)?.has(m.name));
          });
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
  plugins: [typeDealRegEvents(), dropLitState()],
};
