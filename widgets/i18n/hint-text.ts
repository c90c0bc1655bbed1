// Every eligibility hint of the engine in plain words, with its parameters: family and rule-set
// labels from the program definition, dates and lists in the element's locale.
import { msg, str } from './localization.ts';
import { dormantFrom } from '../../src/program/eligibility.ts';
import type { EligibilityDecision, EligibilityHint } from '../../src/program/eligibility.ts';
import type { ProgramDefinition } from '../../src/domain/program.ts';
import type { QualifyingBasis } from '../../src/domain/status.ts';
import { formatDate, formatList, formatNumber } from './format.ts';
import type { ListType } from './format.ts';

export const HINT_KINDS = ['qualifies', 'missing', 'upcoming', 'info'] as const;
export type HintKind = (typeof HINT_KINDS)[number];

/** A label the program defines (a family, a rule set) in the locale, else in English; the id when undefined. */
function labelOf(defs: readonly { id: string; label: { en: string; fr?: string } }[], id: string, locale: string): string {
  const label = defs.find((d) => d.id === id)?.label;
  return label ? ((locale === 'fr' ? label.fr : undefined) ?? label.en) : id;
}

export function familyLabel(program: ProgramDefinition, family: string, locale: string): string {
  return labelOf(program.families, family, locale);
}

function familyList(program: ProgramDefinition, ids: readonly string[], locale: string, type: ListType): string {
  return formatList(
    ids.map((f) => familyLabel(program, f, locale)),
    locale,
    type,
  );
}

/** `latest-generation technology and your installed base`, or with `or`. */
export function basisList(basis: readonly QualifyingBasis[], locale: string, type: ListType = 'conjunction'): string {
  return formatList(basis.map(basisLabel), locale, type);
}

export function basisLabel(basis: QualifyingBasis): string {
  switch (basis) {
    case 'latest-generation':
      return msg('latest-generation technology');
    case 'dormant-account':
      return msg('new or dormant account');
    case 'installed-base':
      return msg('your installed base');
  }
}

export function hintKind(hint: EligibilityHint): HintKind {
  switch (hint.code) {
    case 'qualifies-latest-generation':
    case 'qualifies-new-account':
    case 'qualifies-dormant-account':
    case 'qualifies-installed-base':
      return 'qualifies';
    case 'add-latest-generation-line':
    case 'account-not-dormant':
    case 'not-installed-base':
      return 'missing';
    case 'eligible-from-rule-set':
    case 'ineligible-from-rule-set':
      return 'upcoming';
    case 'program-not-started':
      return 'info';
  }
}

/**
 * A registrable deal's verdict after "Eligible" or "Not eligible", in one line: what qualifies it
 * (the account's bases by name, since the account's section tells them once; the deal's own
 * latest-generation families, last), else the first thing that would qualify it.
 */
export function verdictText(decision: EligibilityDecision, program: ProgramDefinition, locale: string): string {
  if (!decision.eligible) {
    const fix = decision.hints.find((h) => hintKind(h) === 'missing' || hintKind(h) === 'info');
    return fix ? hintText(fix, program, locale) : '';
  }
  // The engine's hints say which of the two the account is: the verdict names it as the section does.
  const accountLabel = (basis: QualifyingBasis): string => {
    if (basis !== 'dormant-account') return basisLabel(basis);
    if (decision.hints.some((h) => h.code === 'qualifies-new-account')) return msg('new account');
    if (decision.hints.some((h) => h.code === 'qualifies-dormant-account')) return msg('dormant account');
    return basisLabel(basis);
  };
  const labels = decision.basis.filter((b) => b !== 'latest-generation').map(accountLabel);
  for (const h of decision.hints) if (h.code === 'qualifies-latest-generation') labels.push(hintText(h, program, locale));
  return formatList(labels, locale);
}

export function hintText(hint: EligibilityHint, program: ProgramDefinition, locale: string): string {
  const date = (d: string): string => formatDate(d, locale);
  const families = (ids: readonly string[], type: ListType): string => familyList(program, ids, locale, type);
  switch (hint.code) {
    case 'program-not-started': {
      const d = date(hint.effectiveFrom);
      return msg(str`The program starts on ${d}.`);
    }
    case 'qualifies-latest-generation': {
      const f = families(hint.families, 'conjunction');
      return msg(str`latest-generation technology: ${f}`);
    }
    // What qualifies the account qualifies any deal at it, new or not: told once, one way.
    case 'qualifies-new-account':
    case 'qualifies-dormant-account':
    case 'qualifies-installed-base':
      return newDealHintText(hint, program, locale);
    case 'add-latest-generation-line': {
      const f = families(hint.families, 'disjunction');
      return msg(str`Add a ${f} line to qualify.`);
    }
    case 'account-not-dormant': {
      const d = date(hint.lastOrderAt);
      const from = date(hint.dormantFrom);
      return msg(
        str`Not a dormant account: the last vendor infrastructure order was on ${d}; it counts as dormant from ${from}.`,
      );
    }
    case 'not-installed-base': {
      const m = formatNumber(hint.months, locale);
      if (hint.lastOrderByYouAt === null) {
        return msg(str`Not your installed base: you have sold no vendor infrastructure here in the last ${m} months.`);
      }
      const d = date(hint.lastOrderByYouAt);
      return msg(str`Not your installed base: your last sale here was on ${d}, more than ${m} months ago.`);
    }
    case 'eligible-from-rule-set': {
      const d = date(hint.effectiveFrom);
      const r = labelOf(program.ruleSets, hint.ruleSetId, locale);
      const b = basisList(hint.basis, locale, 'disjunction');
      return msg(str`Eligible from ${d} under the ${r} (${b}).`);
    }
    case 'ineligible-from-rule-set': {
      const d = date(hint.effectiveFrom);
      const r = labelOf(program.ruleSets, hint.ruleSetId, locale);
      return msg(str`No longer eligible from ${d} under the ${r}.`);
    }
  }
}

/**
 * The same hints, told of a deal not created yet (the account section: what a new deal here needs),
 * so nothing reads as a verdict on the account's existing deals.
 */
export function newDealHintText(hint: EligibilityHint, program: ProgramDefinition, locale: string): string {
  const date = (d: string): string => formatDate(d, locale);
  switch (hint.code) {
    case 'qualifies-new-account':
      return msg('New account: no vendor infrastructure order on record, so any new deal here qualifies.');
    case 'qualifies-dormant-account': {
      // Dormant from the last order plus the window, as the engine counts it: not the order's date.
      const since = date(dormantFrom(hint.lastOrderAt, { dormancyMonths: hint.months }));
      const d = date(hint.lastOrderAt);
      return msg(str`Dormant since ${since} (last vendor infrastructure order on ${d}), so any new deal here qualifies.`);
    }
    case 'qualifies-installed-base': {
      const d = date(hint.lastOrderByYouAt);
      const until = date(hint.until);
      return msg(str`Your installed base since your sale on ${d}: any new deal here qualifies until ${until}.`);
    }
    case 'add-latest-generation-line': {
      const f = familyList(program, hint.families, locale, 'disjunction');
      return msg(str`A new deal here qualifies with latest-generation technology: a ${f} line.`);
    }
    case 'account-not-dormant': {
      const d = date(hint.lastOrderAt);
      const from = date(hint.dormantFrom);
      return msg(
        str`Not dormant: the last vendor infrastructure order here was on ${d}; if nobody orders until ${from}, any new deal qualifies from then.`,
      );
    }
    case 'eligible-from-rule-set': {
      const d = date(hint.effectiveFrom);
      const r = labelOf(program.ruleSets, hint.ruleSetId, locale);
      const b = basisList(hint.basis, locale, 'disjunction');
      return msg(str`Coming rule change: from ${d}, under the ${r}, any new deal here qualifies (${b}).`);
    }
    case 'ineligible-from-rule-set': {
      const d = date(hint.effectiveFrom);
      const r = labelOf(program.ruleSets, hint.ruleSetId, locale);
      return msg(str`Coming rule change: from ${d}, under the ${r}, a new deal here no longer qualifies on the account alone.`);
    }
    default:
      return hintText(hint, program, locale);
  }
}

/** The verdict's detail on the verdict's own line, after "Eligible ·" or "Not eligible ·": "… · add a … line to qualify." */
export function verdictDetail(decision: EligibilityDecision, program: ProgramDefinition, locale: string): string {
  const text = verdictText(decision, program, locale);
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}
