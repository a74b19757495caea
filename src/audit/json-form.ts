import { DomainError } from '../common/domain-error.js';

/** A JSON value as `JSON.parse` (and PostgreSQL's jsonb, read back) gives it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A UTF-16 surrogate without its partner: not Unicode text, and PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The JSON form of a history payload: exactly what PostgreSQL's jsonb stores and hands back, so
 * the hash computed at writing is the hash recomputed from the stored row. Plain objects, arrays,
 * texts, finite numbers, booleans and null are kept (as `JSON.parse` of their JSON text gives them: plain
 * objects, `-0` as 0, keys that are object member names as own members); an object member whose
 * value is `undefined` is left out, as JSON does. Anything JSON would change or lose is refused:
 * functions, symbols, big integers, `undefined` in an array, NaN and infinities, Dates and other
 * class instances (give their JSON text), texts or keys with a lone UTF-16 surrogate. Pure.
 *
 * @throws DomainError VALIDATION_FAILED for a lone surrogate (text that came from a request)
 * @throws TypeError for the rest (a program error: the payload was built wrongly)
 */
export function jsonForm(value: unknown): JsonValue {
  check(value, '$');
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function check(value: unknown, path: string): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    checkText(value, path);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`history payload ${path}: ${value} is not a JSON number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === undefined) throw new TypeError(`history payload ${path}[${i}]: undefined in a list`);
      check(item, `${path}[${i}]`);
    });
    return;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null)
      throw new TypeError(`history payload ${path}: a ${(value as object).constructor?.name ?? 'non-plain object'} is not JSON; give its JSON form`);
    for (const key of Object.keys(value)) {
      checkText(key, `${path} (a key)`);
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) check(member, `${path}.${key}`);
    }
    if (Object.getOwnPropertySymbols(value).length) throw new TypeError(`history payload ${path}: symbol keys are not JSON`);
    return;
  }
  throw new TypeError(`history payload ${path}: a ${typeof value} is not JSON`);
}

function checkText(text: string, path: string): void {
  if (LONE_SURROGATE.test(text)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      {
        sv: 'texten innehåller ett ensamt surrogattecken (\\uD800–\\uDFFF utan sin partner), som inte är Unicode-text',
        en: 'the text holds a lone surrogate (\\uD800–\\uDFFF without its partner), which is not Unicode text',
      },
      {
        errors: [
          {
            path: path.replace(/^\$\.?/, ''),
            message: { sv: 'måste vara giltig Unicode-text (utan ensamma surrogattecken)', en: 'must be valid Unicode text (no lone surrogates)' },
          },
        ],
      },
    );
  }
}
