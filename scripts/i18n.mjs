// `npm run i18n`: extracts every msg() of widgets/ with its generated id, adds the new messages to
// each catalogue (widgets/locales/<locale>.json, translation left empty), and regenerates the
// runtime modules (widgets/locales/generated/<locale>.ts). Exits 1 while a translation is missing,
// stale (the English it translates is gone or changed) or has the wrong placeholders.
//   --check   writes nothing; also fails when a generated module is out of date (CI, npm test)
//   --prune   drops stale entries from the catalogues
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractMessages } from './i18n/extract.mjs';
import {
  SURFACES,
  cataloguePath,
  checkCatalogue,
  generateModule,
  generateSurfaceModule,
  generatedPath,
  readCatalogue,
  serializeCatalogue,
  surfaceOf,
  surfacePath,
  targetLocales,
} from './i18n/catalogue.mjs';

/** Runs the extraction and check; returns the report lines and whether everything is in order. */
export function i18n(root, { check = false, prune = false } = {}) {
  const report = [];
  const { messages, problems } = extractMessages(root);
  report.push(...problems);
  let ok = problems.length === 0;
  // Each locale's chunk holds the messages no surface owns; each surface's module holds its own.
  const own = (surface) => new Map([...messages].filter(([, m]) => surfaceOf(m) === surface));
  const shared = own(null);
  const catalogues = {};
  /** Writes `module` to `path`, or in check mode reports it out of date. */
  const emit = (path, module, name) => {
    if (check) {
      const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
      if (current !== module) {
        ok = false;
        report.push(`${name} is out of date: run npm run i18n`);
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, module);
    }
  };
  for (const locale of targetLocales(root)) {
    const catalogue = readCatalogue(root, locale);
    if (!check) {
      for (const [id, { source }] of messages) catalogue[id] = { en: source, [locale]: catalogue[id]?.[locale] ?? '' };
    }
    const { missing, stale, placeholders } = checkCatalogue(messages, catalogue, locale);
    for (const m of missing) report.push(`${locale}: missing translation of "${m.source}" (${m.id}, ${m.where[0]})`);
    for (const p of placeholders) {
      report.push(
        `${locale}: "${p.target}" (${p.id}) ${[...p.unknown.map((e) => `has unknown \${${e}}`), ...p.absent.map((e) => `lacks \${${e}}`)].join(', ')}`,
      );
    }
    for (const s of stale) {
      if (prune && !check) delete catalogue[s.id];
      else report.push(`${locale}: stale translation of "${s.en}" (${s.id}): the code no longer has this English text`);
    }
    ok &&= missing.length === 0 && placeholders.length === 0 && (stale.length === 0 || prune);
    catalogues[locale] = catalogue;
    if (!check) writeFileSync(cataloguePath(root, locale), serializeCatalogue(catalogue));
    emit(
      generatedPath(root, locale),
      generateModule(shared, catalogue, locale),
      `${locale}: widgets/locales/generated/${locale}.ts`,
    );
    report.push(`${locale}: ${messages.size} messages, ${missing.length} missing, ${stale.length} stale`);
  }
  for (const surface of Object.keys(SURFACES)) {
    emit(
      surfacePath(root, surface),
      generateSurfaceModule(surface, own(surface), catalogues),
      `widgets/locales/generated/${surface}.ts`,
    );
  }
  return { ok, report };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { ok, report } = i18n(root, { check: args.includes('--check'), prune: args.includes('--prune') });
  for (const line of report) console.log(line);
  process.exit(ok ? 0 : 1);
}
