import { DomainError, type FieldProblem } from '../common/domain-error.js';
import type { LocalizedText } from '../common/i18n.js';
import { isLocalDate } from '../common/local-date.js';
import type { FieldType, Vocabulary } from '../rules/vocabulary.js';
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
/** A declared one-line text field (`text`) holds at most this many characters; `longText` up to {@link MAX_TEXT}. */
const MAX_LINE = 1_000;
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

/** What a value of each declared type is, in words: "ska vara …". */
const TYPE_WORDS: Record<FieldType, LocalizedText> = {
  text: { sv: `en text på en rad (högst ${MAX_LINE} tecken)`, en: `a text on one line (at most ${MAX_LINE} characters)` },
  longText: { sv: 'en text', en: 'a text' },
  date: { sv: 'ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2027-03-03', en: 'a date written YYYY-MM-DD, e.g. 2027-03-03' },
  number: { sv: 'ett tal', en: 'a number' },
  boolean: { sv: 'ja eller nej (true eller false)', en: 'yes or no (true or false)' },
};

/**
 * Checks the values of the fields a workflow declares against their declared types (`text` one
 * line, `longText` any text, `date` a calendar date `YYYY-MM-DD`, `number`, `boolean`); `null`
 * removes any field. Fields the workflow does not declare are not checked here: they are kept as
 * the secretariat's own notes (docs/workflows-and-rules.md, "Case fields and document kinds").
 * Messages name the field by its label. Pure.
 *
 * @throws DomainError UNPROCESSABLE listing every value that is not of its field's type
 */
export function checkDeclaredFields(changes: Readonly<Record<string, FieldValue | null>>, vocabulary: Vocabulary): void {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || !Object.hasOwn(vocabulary.fields, name)) continue;
    const { type, label } = vocabulary.fields[name]!;
    if (!fits(type, value)) {
      problems.push({ path: name, message: { sv: `"${label.sv}" ska vara ${TYPE_WORDS[type].sv}`, en: `"${label.en}" must be ${TYPE_WORDS[type].en}` } });
    }
  }
  if (problems.length) {
    const named = (lang: 'sv' | 'en') => problems.map((p) => (typeof p.message === 'string' ? p.message : p.message[lang])).join('; ');
    throw new DomainError('UNPROCESSABLE', { sv: `${named('sv')}.`, en: named('en') }, { errors: problems });
  }
}

function fits(type: FieldType, value: FieldValue): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_LINE && !/[\r\n]/.test(value);
    case 'longText':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && isLocalDate(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
  }
}
