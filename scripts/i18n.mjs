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
  cataloguePath,
  checkCatalogue,
  generateModule,
  generatedPath,
  readCatalogue,
  serializeCatalogue,
  targetLocales,
} from './i18n/catalogue.mjs';

/** Runs the extraction and check; returns the report lines and whether everything is in order. */
export function i18n(root, { check = false, prune = false } = {}) {
  const report = [];
  const { messages, problems } = extractMessages(root);
  report.push(...problems);
  let ok = problems.length === 0;
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
    const module = generateModule(messages, catalogue, locale);
    const modulePath = generatedPath(root, locale);
    if (check) {
      const current = existsSync(modulePath) ? readFileSync(modulePath, 'utf8') : '';
      if (current !== module) {
        ok = false;
        report.push(`${locale}: widgets/locales/generated/${locale}.ts is out of date: run npm run i18n`);
      }
    } else {
      writeFileSync(cataloguePath(root, locale), serializeCatalogue(catalogue));
      mkdirSync(dirname(modulePath), { recursive: true });
      writeFileSync(modulePath, module);
    }
    report.push(`${locale}: ${messages.size} messages, ${missing.length} missing, ${stale.length} stale`);
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
