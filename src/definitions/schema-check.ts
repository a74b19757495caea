import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { LocalizedText } from '../common/i18n.js';
import { type DefinitionProblem, listNames, pointer, problemAt, type ProblemText } from './definition-error.js';

// strictTypes is off because the transition schema deliberately leaves `type` to the places that use it.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true });

/** Compiles a schema once; returns a function giving the file's problems in plain words. */
export function schemaChecker(schema: object): (file: string, value: unknown) => DefinitionProblem[] {
  const validate: ValidateFunction = ajv.compile(schema);
  return (file, value) => {
    if (validate(value)) return [];
    return dedupe((validate.errors ?? []).flatMap((e) => describe(file, e, value)));
  };
}

function describe(file: string, error: ErrorObject, root: unknown): DefinitionProblem[] {
  // A key that breaks `propertyNames` (a state or field named "Bad"): said at the key, with its name.
  if (error.propertyName !== undefined) return describeName(file, error, error.propertyName);
  const at = error.instancePath;
  const actual = valueAt(root, at);
  const problem = (where: string, text: ProblemText) => [problemAt(file, where, text)];
  const is = { sv: describeValue(actual, 'sv'), en: describeValue(actual) };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const names = listNames(allowed);
      return problem(at + pointer(key), {
        sv: `okänd nyckel "${key}"${allowed.length ? ` (tillåtna: ${names})` : ''}`,
        en: `unknown key "${key}"${allowed.length ? ` (allowed: ${names})` : ''}`,
      });
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      return problem(at, { sv: `nyckeln "${key}" saknas`, en: `missing required key "${key}"` });
    }
    case 'type':
      return problem(at, {
        sv: `måste vara ${humanType(error.params.type, 'sv')}, men är ${is.sv}`,
        en: `must be ${humanType(error.params.type, 'en')}, but is ${is.en}`,
      });
    case 'enum': {
      const names = listNames((error.params.allowedValues as unknown[]).map(String));
      return problem(at, { sv: `måste vara ett av ${names}, men är ${is.sv}`, en: `must be one of ${names}, but is ${is.en}` });
    }
    case 'pattern': {
      const form = patternName(String(error.params.pattern));
      return problem(at, { sv: `${is.sv} har inte rätt form (${form.sv})`, en: `${is.en} does not have the required form (${form.en})` });
    }
    case 'propertyNames':
      return []; // the error of the name itself says it better (describeName)
    case 'minProperties':
    case 'maxProperties':
      if (isSla(error)) {
        return problem(at, {
          sv: 'en tidsgräns ska ange exakt ett av "workingDays", "calendarDays" eller "hours"',
          en: 'an SLA must give exactly one of "workingDays", "calendarDays" or "hours"',
        });
      }
      return problem(at, {
        sv: `${error.keyword === 'minProperties' ? 'måste ha minst' : 'får ha högst'} ${String(error.params.limit)} nycklar`,
        en: error.message ?? 'has the wrong number of keys',
      });
    case 'minimum':
    case 'maximum':
      return problem(at, {
        sv: `${error.keyword === 'minimum' ? 'måste vara minst' : 'får vara högst'} ${String(error.params.limit)}, men är ${is.sv}`,
        en: `${error.message ?? 'out of range'}, but is ${is.en}`,
      });
    case 'minLength':
    case 'maxLength':
      return problem(at, {
        sv: `${error.keyword === 'minLength' ? 'måste ha minst' : 'får ha högst'} ${String(error.params.limit)} tecken`,
        en: error.message ?? `fails "${error.keyword}"`,
      });
    case 'minItems':
    case 'maxItems':
      return problem(at, {
        sv: `${error.keyword === 'minItems' ? 'måste ha minst' : 'får ha högst'} ${String(error.params.limit)} element`,
        en: error.message ?? `fails "${error.keyword}"`,
      });
    case 'uniqueItems':
      return problem(at, { sv: 'får inte innehålla samma värde två gånger', en: error.message ?? 'must not have duplicate items' });
    case 'if':
    case 'allOf':
      return []; // the errors of the sub-schema say it better
    default:
      return problem(at, { sv: `uppfyller inte regeln "${error.keyword}" i schemat`, en: error.message ?? `fails "${error.keyword}"` });
  }
}

/** A key of an object that breaks the rule its names follow, said at the key. */
function describeName(file: string, error: ErrorObject, name: string): DefinitionProblem[] {
  const at = error.instancePath + pointer(name);
  const quoted = JSON.stringify(name);
  switch (error.keyword) {
    case 'pattern': {
      const form = patternName(String(error.params.pattern));
      return [
        problemAt(file, at, { sv: `namnet ${quoted} har inte rätt form (${form.sv})`, en: `the name ${quoted} does not have the required form (${form.en})` }),
      ];
    }
    case 'maxLength':
      return [
        problemAt(file, at, {
          sv: `namnet ${quoted} får ha högst ${String(error.params.limit)} tecken`,
          en: `the name ${quoted} must have at most ${String(error.params.limit)} characters`,
        }),
      ];
    default:
      return [problemAt(file, at, { sv: `namnet ${quoted} är inte tillåtet här`, en: `the name ${quoted} is not allowed here` })];
  }
}

function isSla(error: ErrorObject): boolean {
  const props = (error.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {};
  return 'workingDays' in props;
}

const PATTERN_NAMES: Record<string, LocalizedText> = {
  '^[a-z][a-zA-Z0-9]*$': { sv: 'lowerCamelCase, t.ex. "jointProblem"', en: 'lowerCamelCase, e.g. "jointProblem"' },
  '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$': { sv: 'UPPER_SNAKE_CASE, t.ex. "ADVANCE"', en: 'UPPER_SNAKE_CASE, e.g. "ADVANCE"' },
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': { sv: 'kebab-case, t.ex. "actors-gathered"', en: 'kebab-case, e.g. "actors-gathered"' },
  '^\\$': { sv: 'en JSONPath som börjar med "$"', en: 'a JSONPath starting with "$"' },
};

function patternName(pattern: string): LocalizedText {
  return PATTERN_NAMES[pattern] ?? { sv: `mönstret ${pattern}`, en: `pattern ${pattern}` };
}

const TYPE_WORDS: Record<string, LocalizedText> = {
  integer: { sv: 'ett heltal', en: 'a whole number' },
  array: { sv: 'en lista', en: 'a list' },
  string: { sv: 'en text', en: 'a string' },
  number: { sv: 'ett tal', en: 'a number' },
  boolean: { sv: 'true eller false', en: 'a boolean' },
  object: { sv: 'ett objekt', en: 'an object' },
  null: { sv: 'null', en: 'a null' },
};

function humanType(type: unknown, lang: 'sv' | 'en'): string {
  const types = Array.isArray(type) ? type : [type];
  const words = types.map((t) => TYPE_WORDS[String(t)]?.[lang] ?? `a ${String(t)}`);
  return words.join(lang === 'sv' ? ' eller ' : ' or ');
}

/** A short, safe rendering of a value for an error message. */
export function describeValue(value: unknown, lang: 'sv' | 'en' = 'en'): string {
  if (value === undefined) return lang === 'sv' ? 'saknas' : 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return lang === 'sv' ? 'en lista' : 'a list';
  if (typeof value === 'object') return lang === 'sv' ? 'ett objekt' : 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function valueAt(root: unknown, ptr: string): unknown {
  if (ptr === '') return root;
  let current: unknown = root;
  for (const raw of ptr.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function dedupe(problems: DefinitionProblem[]): DefinitionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
