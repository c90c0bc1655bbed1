// Finds every msg() call in widgets/ and gives each message its generated id: the id @lit/localize's
// runtime computes for a msg() given no explicit id, and its `lit-localize extract` tool would write
// ('s' + FNV-1a 64 of the template strings). Computed here: @lit/localize exports it only from an
// internal path; test/node/message-key.test.mjs checks these ids against its public runtime.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** widgets/**\/*.ts, without the catalogues themselves. */
export function widgetSources(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(root, 'widgets', 'locales')) walk(path);
      } else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  walk(join(root, 'widgets'));
  return out.sort();
}

/**
 * A msg() template: its literal parts (the runtime's `strings`) and the source text of each
 * expression, so catalogues can name placeholders as the code does: `${n} days left`.
 */
export function readTemplate(node, sourceFile) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { strings: [node.text], expressions: [], tagged: false };
  }
  if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'str') {
    const t = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return { strings: [t.text], expressions: [], tagged: true };
    return {
      strings: [t.head.text, ...t.templateSpans.map((s) => s.literal.text)],
      expressions: t.templateSpans.map((s) => s.expression.getText(sourceFile)),
      tagged: true,
    };
  }
  return undefined;
}

/** How a catalogue names a value: the code's expression when it is short and plain, else its position. */
export function placeholderName(expression, index) {
  return /^[^{}`\n]{1,60}$/.test(expression) ? expression : String(index);
}

/** The source form a catalogue shows: literal parts with `${name}` between them. */
export function sourceText({ strings, expressions }) {
  return strings.map((s, i) => (i < expressions.length ? `${s}\${${placeholderName(expressions[i], i)}}` : s)).join('');
}

/** A template's id: 's' (a string, not an html`` template) + FNV-1a 64 of its literal parts as UTF-16
 * code units, joined by U+001E, in 16 hex digits. */
export function messageId({ strings }) {
  const text = strings.join('\x1e');
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return `s${hash.toString(16).padStart(16, '0')}`;
}

/** Calls to `msg` (any msg: the only one allowed in widgets/ is i18n/localization.ts's). */
export function msgCalls(sourceFile) {
  const calls = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

export function parse(path) {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The position of placeholder `${e}`: one message used at several call sites may name its values differently. */
export function placeholderIndex(message, e) {
  if (/^\d+$/.test(e)) return Number(e) < message.expressions.length ? Number(e) : -1;
  const byText = message.variants.map((v) => v.indexOf(e)).find((i) => i >= 0);
  return byText ?? -1;
}

/**
 * Every message in the widgets: id → { source, expressions (of its first call site), variants (every
 * call site's), where }, plus problems (a template
 * that is not a literal, an explicit id left from the old convention).
 */
export function extractMessages(root) {
  const messages = new Map();
  const problems = [];
  for (const path of widgetSources(root)) {
    const sourceFile = parse(path);
    for (const call of msgCalls(sourceFile)) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(call.getStart(sourceFile));
      const where = `${relative(root, path)}:${line + 1}`;
      const [arg, options] = call.arguments;
      const template = arg && readTemplate(arg, sourceFile);
      if (!template) {
        problems.push(`${where}: msg() needs a string literal or a str\`\` template`);
        continue;
      }
      if (
        options &&
        ts.isObjectLiteralExpression(options) &&
        options.properties.some((p) => p.name?.getText(sourceFile) === 'id')
      ) {
        problems.push(`${where}: explicit message id (ids are generated: run the locales codemod)`);
        continue;
      }
      const id = messageId(template);
      const known = messages.get(id);
      if (known) {
        known.where.push(where);
        known.variants.push(template.expressions);
      } else {
        messages.set(id, {
          source: sourceText(template),
          strings: template.strings,
          expressions: template.expressions,
          variants: [template.expressions],
          where: [where],
        });
      }
    }
  }
  return { messages, problems };
}
