import type { Language, LocalizedText } from '../common/i18n.js';
import { type DefinitionProblem, problemIn } from '../definitions/definition-error.js';

/** A text given in every language (`{ sv, en }`), as opposed to a plain string. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as LocalizedText).sv === 'string' && typeof (value as LocalizedText).en === 'string';
}

/**
 * `details.errors[].message` in the caller's language. Field problems are built where no request
 * is at hand (the ValidationPipe's exceptionFactory, the body guard), so they carry `{ sv, en }`
 * and the error filter picks one here; plain strings pass through as they are.
 * Pure: returns new details, never changes the given ones.
 */
export function localizeFieldProblems(details: Record<string, unknown>, lang: Language): Record<string, unknown> {
  const out = { ...details };
  if (Array.isArray(details.errors)) {
    out.errors = (details.errors as Array<Record<string, unknown>>).map((e) => (isLocalizedText(e?.message) ? { ...e, message: e.message[lang] } : e));
  }
  // The problems of definitions refused at publishing: `{ file, pointer, message, text }` in the language.
  if (Array.isArray(details.problems)) out.problems = (details.problems as DefinitionProblem[]).map((p) => problemIn(p, lang));
  return out;
}
