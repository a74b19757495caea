import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { type DefinitionProblem, listNames, pointer } from './definition-error.js';

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
  const at = error.instancePath;
  const actual = valueAt(root, at);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const hint = allowed.length ? ` (allowed: ${listNames(allowed)})` : '';
      return [{ file, pointer: at + pointer(key), message: `unknown key "${key}"${hint}` }];
    }
    case 'required':
      return [{ file, pointer: at, message: `missing required key "${String(error.params.missingProperty)}"` }];
    case 'type':
      return [{ file, pointer: at, message: `must be ${humanType(error.params.type)}, but is ${describeValue(actual)}` }];
    case 'enum':
      return [{ file, pointer: at, message: `must be one of ${listNames((error.params.allowedValues as unknown[]).map(String))}, but is ${describeValue(actual)}` }];
    case 'pattern':
      return [{ file, pointer: at, message: `${describeValue(actual)} does not have the required form (${patternName(String(error.params.pattern))})` }];
    case 'propertyNames':
      return [{ file, pointer: at + pointer(String(error.params.propertyName)), message: `the name "${String(error.params.propertyName)}" is not allowed here` }];
    case 'minProperties':
    case 'maxProperties':
      if (isSla(error)) {
        return [{ file, pointer: at, message: 'an SLA must give exactly one of "workingDays", "calendarDays" or "hours"' }];
      }
      return [{ file, pointer: at, message: `${error.message ?? 'has the wrong number of keys'}` }];
    case 'minimum':
    case 'maximum':
      return [{ file, pointer: at, message: `${error.message ?? 'out of range'}, but is ${describeValue(actual)}` }];
    case 'if':
    case 'allOf':
      return []; // the errors of the sub-schema say it better
    default:
      return [{ file, pointer: at, message: error.message ?? `fails "${error.keyword}"` }];
  }
}

function isSla(error: ErrorObject): boolean {
  const props = (error.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {};
  return 'workingDays' in props;
}

const PATTERN_NAMES: Record<string, string> = {
  '^[a-z][a-zA-Z0-9]*$': 'lowerCamelCase, e.g. "jointProblem"',
  '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$': 'UPPER_SNAKE_CASE, e.g. "ADVANCE"',
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'kebab-case, e.g. "actors-gathered"',
  '^\\$': 'a JSONPath starting with "$"',
};

function patternName(pattern: string): string {
  return PATTERN_NAMES[pattern] ?? `pattern ${pattern}`;
}

function humanType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  const words = types.map((t) => (t === 'integer' ? 'a whole number' : t === 'array' ? 'a list' : `a ${String(t)}`));
  return words.join(' or ');
}

/** A short, safe rendering of a value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '…"' : text;
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
    const key = p.pointer + '\u0000' + p.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
