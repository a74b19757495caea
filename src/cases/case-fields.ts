import { DomainError, type FieldProblem } from '../common/domain-error.js';
import type { FieldValue } from './case.entity.js';

/** A field name: lowerCamelCase, 1–64 ASCII letters and digits (docs/access-and-security.md, "The history: field names, …"). */
export const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,63}$/;
/**
 * Whether a name is a member every JavaScript object has (`toString`, `constructor`, `valueOf`, …).
 * Such names are refused as field names: code that reads `fields[name]` would find the inherited
 * function for a field that was never set. (Lookups use own members only as well; this keeps the
 * names out of the data altogether.)
 */
export function isObjectMemberName(name: string): boolean {
  return name in Object.prototype;
}
const MAX_TEXT = 20_000;
const MAX_CHANGES = 50;
/** Control characters other than tab and line breaks; PostgreSQL cannot store NUL at all. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Checks a merge patch of case fields (RFC 7396: a value sets the field, `null` removes it).
 * Names are lowerCamelCase and not object member names; values are texts, numbers or booleans.
 * Returns the changes as an object without a prototype. Pure.
 *
 * @throws DomainError VALIDATION_FAILED listing every bad entry by its path
 */
export function parseFieldPatch(body: unknown): Record<string, FieldValue | null> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('VALIDATION_FAILED', {
      sv: 'Skicka ett JSON-objekt med fältnamn och värden (null tar bort ett fält).',
      en: 'the body must be a JSON object of field names and values (null removes a field)',
    });
  }
  const entries = Object.entries(body);
  const problems: FieldProblem[] = [];
  if (entries.length === 0) problems.push({ path: '', message: { sv: 'ange minst ett fält', en: 'give at least one field' } });
  if (entries.length > MAX_CHANGES)
    problems.push({ path: '', message: { sv: `högst ${MAX_CHANGES} fält per begäran`, en: `at most ${MAX_CHANGES} fields per request` } });
  for (const [name, value] of entries) {
    if (!FIELD_NAME.test(name)) {
      problems.push({
        path: name,
        message: {
          sv: 'ett fältnamn skrivs i lowerCamelCase med 1–64 bokstäver och siffror, t.ex. "problemStatement"',
          en: 'field names are lowerCamelCase, 1–64 letters and digits, e.g. "problemStatement"',
        },
      });
    } else if (isObjectMemberName(name)) {
      problems.push({
        path: name,
        message: {
          sv: `"${name}" är ett reserverat namn (alla JavaScript-objekt har en medlem med det namnet); välj ett annat fältnamn`,
          en: `"${name}" is a reserved name (every JavaScript object has a member of that name); choose another field name`,
        },
      });
    } else if (value === null || typeof value === 'boolean') {
      // null (which removes the field) and true or false: nothing to check
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push({ path: name, message: { sv: 'måste vara ett ändligt tal', en: 'must be a finite number' } });
    } else if (typeof value === 'string') {
      if (value.trim() === '')
        problems.push({
          path: name,
          message: { sv: 'får inte vara tomt; skicka null för att ta bort fältet', en: 'must not be empty; send null to remove the field' },
        });
      else if (value.length > MAX_TEXT)
        problems.push({ path: name, message: { sv: `får vara högst ${MAX_TEXT} tecken`, en: `must be at most ${MAX_TEXT} characters` } });
      else if (CONTROL.test(value)) problems.push({ path: name, message: { sv: 'får inte innehålla styrtecken', en: 'must not contain control characters' } });
    } else {
      problems.push({ path: name, message: { sv: 'måste vara en text, ett tal, true/false eller null', en: 'must be a text, a number, true/false, or null' } });
    }
  }
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', { sv: 'Fältens värden är inte giltiga.', en: 'the field values are not valid' }, { errors: problems });
  return Object.assign(Object.create(null) as Record<string, FieldValue | null>, body);
}
