import type { Language, LocalizedText } from '../common/i18n.js';

/**
 * One problem in a process owner's file, located by file and JSON pointer (RFC 6901), worded so
 * that the process owner can fix it without reading our code:
 * `workflows/samverkan.v1.json#/states/goals/on/ADVANCE/target: unknown state "goal" (known: …)`.
 */
export interface DefinitionProblem {
  file: string;
  pointer: string;
  /** In English: what `npm run validate` and the logs print. */
  message: string;
  /** In Swedish, for the API's answer in Swedish (see {@link problemIn}). */
  sv?: string;
}

/** A problem's words: English only, or every language. */
export type ProblemText = string | LocalizedText;

/** A problem at a pointer, its words given in English or in every language. */
export function problemAt(file: string, at: string, text: ProblemText): DefinitionProblem {
  return typeof text === 'string' ? { file, pointer: at, message: text } : { file, pointer: at, message: text.en, sv: text.sv };
}

/** The one-line form used by `npm run validate` and the logs, in English. */
export function formatProblem(problem: DefinitionProblem): string {
  return lineOf(problem, 'en');
}

function lineOf(problem: DefinitionProblem, lang: Language): string {
  return `${problem.file}#${problem.pointer}: ${messageIn(problem, lang)}`;
}

/** A problem's message in a language; the English where no translation was given. */
function messageIn(problem: DefinitionProblem, lang: Language): string {
  return lang === 'sv' ? (problem.sv ?? problem.message) : problem.message;
}

/** A problem as the API answers it: `{ file, pointer, message, text }` in the caller's language. */
export function problemIn(problem: DefinitionProblem, lang: Language): { file: string; pointer: string; message: string; text: string } {
  return { file: problem.file, pointer: problem.pointer, message: messageIn(problem, lang), text: lineOf(problem, lang) };
}

/** Builds a JSON pointer from path segments, escaping `~` and `/` as RFC 6901 says. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Thrown when definitions are invalid; carries every problem found, not just the first. */
export class InvalidDefinitionsError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`${problems.length} problem(s) in workflow or rule files:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'InvalidDefinitionsError';
  }
}

/** Lists names for an error message, shortened when there are many. */
export function listNames(names: Iterable<string>, max = 12, lang: Language = 'en'): string {
  const all = [...names];
  const shown = all.slice(0, max).map((n) => JSON.stringify(n));
  return all.length > max ? `${shown.join(', ')}, … (${all.length} ${lang === 'sv' ? 'totalt' : 'in all'})` : shown.join(', ');
}

/** Longest name a spelling is suggested for. */
const MAX_SUGGESTED_LENGTH = 64;

/**
 * "(did you mean "filledFields"?)" for a misspelt name, or the list of known names when there are
 * few, or a pointer to where they are listed. For error messages, in every language.
 */
export function knownOrSuggested(name: string, known: readonly string[], whereListed: LocalizedText): LocalizedText {
  if (known.length <= 12) return { sv: `(kända: ${listNames(known)})`, en: `(known: ${listNames(known)})` };
  // The distance costs length × length per known name: no suggestion for a name no one would type.
  if (name.length > MAX_SUGGESTED_LENGTH) return { sv: `(se ${whereListed.sv})`, en: `(see ${whereListed.en})` };
  const close = known
    .map((k) => ({ k, d: editDistance(name.toLowerCase(), k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ k }) => k);
  const quoted = close.map((k) => JSON.stringify(k));
  return close.length
    ? { sv: `(menade du ${quoted.join(' eller ')}?)`, en: `(did you mean ${quoted.join(' or ')}?)` }
    : { sv: `(se ${whereListed.sv})`, en: `(see ${whereListed.en})` };
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
