import type { LocalizedText } from '../common/i18n.js';
import { PATTERNS } from '../definitions/schemas.js';

/**
 * The messages of class-validator's constraints in every language, in one table, so that no DTO
 * decorator needs a message of its own and the API answers a bad body in the caller's language.
 *
 * A template gets the property name (`p`) and the constraint's values (`c`, as given to the
 * decorator: `@MaxLength(200)` → `[200]`). A constraint used in a DTO without a row here is
 * answered with a generic text (see {@link constraintMessage}); validation-messages.spec.ts fails
 * for it, so add the row.
 */
type Template = (p: string, c: readonly unknown[]) => string;

const list = (values: unknown): string => (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(', ');

export const CONSTRAINT_MESSAGES: Record<string, { sv: Template; en: Template }> = {
  isString: { sv: (p) => `${p} måste vara en text`, en: (p) => `${p} must be a string` },
  isInt: { sv: (p) => `${p} måste vara ett heltal`, en: (p) => `${p} must be an integer number` },
  isNumber: { sv: (p) => `${p} måste vara ett tal`, en: (p) => `${p} must be a number` },
  isBoolean: { sv: (p) => `${p} måste vara true eller false`, en: (p) => `${p} must be a boolean value` },
  isArray: { sv: (p) => `${p} måste vara en lista`, en: (p) => `${p} must be an array` },
  isUuid: { sv: (p) => `${p} måste vara ett UUID`, en: (p) => `${p} must be a UUID` },
  isEmail: { sv: (p) => `${p} måste vara en e-postadress`, en: (p) => `${p} must be an email` },
  isUrl: { sv: (p) => `${p} måste vara en webbadress (http eller https)`, en: (p) => `${p} must be a URL address` },
  isIn: { sv: (p, c) => `${p} måste vara ett av följande värden: ${list(c[0])}`, en: (p, c) => `${p} must be one of the following values: ${list(c[0])}` },
  min: { sv: (p, c) => `${p} får inte vara mindre än ${String(c[0])}`, en: (p, c) => `${p} must not be less than ${String(c[0])}` },
  max: { sv: (p, c) => `${p} får inte vara större än ${String(c[0])}`, en: (p, c) => `${p} must not be greater than ${String(c[0])}` },
  maxLength: { sv: (p, c) => `${p} får vara högst ${String(c[0])} tecken`, en: (p, c) => `${p} must be shorter than or equal to ${String(c[0])} characters` },
  minLength: { sv: (p, c) => `${p} måste vara minst ${String(c[0])} tecken`, en: (p, c) => `${p} must be longer than or equal to ${String(c[0])} characters` },
  arrayMaxSize: { sv: (p, c) => `${p} får ha högst ${String(c[0])} element`, en: (p, c) => `${p} must contain no more than ${String(c[0])} elements` },
  arrayMinSize: { sv: (p, c) => `${p} måste ha minst ${String(c[0])} element`, en: (p, c) => `${p} must contain at least ${String(c[0])} elements` },
  matches: { sv: (p) => `${p} har inte rätt form`, en: (p) => `${p} does not have the required form` },
  isIso8601: { sv: (p) => `${p} måste vara en tidpunkt enligt ISO 8601, t.ex. "2027-03-03T12:00:00Z"`, en: (p) => `${p} must be a valid ISO 8601 date string` },
  isLocalDate: { sv: (p) => `${p} måste vara ett datum ÅÅÅÅ-MM-DD`, en: (p) => `${p} must be a date YYYY-MM-DD` },
  // Omittable's null check (dto/validators.ts) is registered under this name.
  isDefined: {
    sv: (p) => `${p} får inte vara null: utelämna fältet i stället (null godtas bara där ett värde kan tas bort)`,
    en: (p) => `${p} cannot be null: leave it out instead (null is accepted only where a value can be removed)`,
  },
  nestedValidation: { sv: (p) => `${p} måste vara ett objekt eller en lista`, en: (p) => `${p} must be either object or array` },
  // forbidNonWhitelisted and forbidUnknownValues of the ValidationPipe.
  whitelistValidation: { sv: () => 'okänt fält: det ingår inte i den här begäran', en: () => 'unknown field: it is not part of this request' },
  unknownValue: { sv: () => 'värdet kan inte kontrolleras: skicka ett JSON-objekt', en: () => 'the value cannot be checked: send a JSON object' },
};

/**
 * What each `@Matches` pattern of the DTOs asks for, by the pattern's source: the DTOs word it in
 * English in their own `message`; this is the Swedish (and a fallback English) of the same rule.
 */
export const PATTERN_MESSAGES: Record<string, { sv: Template; en: Template }> = {
  '\\S': { sv: (p) => `${p} får inte vara tom`, en: (p) => `${p} must not be blank` },
  '^\\S+$': { sv: (p) => `${p} får inte innehålla mellanslag`, en: (p) => `${p} has no spaces` },
  '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$': {
    sv: (p) => `${p} får inte innehålla styrtecken`,
    en: (p) => `${p} must not contain control characters`,
  },
  [PATTERNS.KEBAB]: {
    sv: (p) => `${p} får bara ha små bokstäver, siffror och bindestreck (kebab-case), t.ex. "samverkan"`,
    en: (p) => `${p} must be kebab-case, e.g. "samverkan"`,
  },
  [PATTERNS.UPPER_SNAKE]: {
    sv: (p) => `${p} måste skrivas med versaler och understreck (UPPER_SNAKE_CASE), t.ex. "ADVANCE"`,
    en: (p) => `${p} must be in UPPER_SNAKE_CASE, e.g. "ADVANCE"`,
  },
  '^\\d{6}-\\d{4}$': { sv: (p) => `${p} måste skrivas NNNNNN-NNNN`, en: (p) => `${p} must be NNNNNN-NNNN` },
  '^\\d{2}(\\d{2})?$': { sv: (p) => `${p} måste vara 4 siffror (kommun) eller 2 (region)`, en: (p) => `${p} must be 4 digits (municipality) or 2 (region)` },
  '^[A-Z]\\d{5}$': { sv: (p) => `${p} måste vara ett nyckeltal i Kolada, t.ex. "N03937"`, en: (p) => `${p} must be a Kolada KPI id like "N03937"` },
};

/** How one failed constraint was declared: as class-validator's metadata has it. */
export interface ConstraintUse {
  /** The constraint's name, the key of `ValidationError.constraints` (`maxLength`, `isDefined`, …). */
  name: string;
  property: string;
  /** The values given to the decorator (`@MaxLength(200)` → `[200]`). */
  constraints?: readonly unknown[];
  /** `{ each: true }`: the constraint holds for each element of a list. */
  each?: boolean;
  /** The English message class-validator produced (the DTO's own wording, where it has one). */
  english: string;
  /** Whether the DTO gave the constraint a message of its own (then its English is kept). */
  customMessage?: boolean;
}

/**
 * The message of one failed constraint in Swedish and English. The English is the DTO's own
 * message where it wrote one (it may be more precise than the table), else the table's.
 * Pure.
 */
export function constraintMessage(use: ConstraintUse): LocalizedText {
  const c = use.constraints ?? [];
  const pattern = use.name === 'matches' && c[0] instanceof RegExp ? PATTERN_MESSAGES[c[0].source] : undefined;
  const row = pattern ?? CONSTRAINT_MESSAGES[use.name];
  const subject = { sv: use.each ? `varje värde i ${use.property}` : use.property, en: use.each ? `each value in ${use.property}` : use.property };
  const sv = row ? row.sv(subject.sv, c) : `${subject.sv} är inte giltigt (${use.name})`;
  const en = use.customMessage || !row ? use.english : row.en(subject.en, c);
  return { sv, en };
}
