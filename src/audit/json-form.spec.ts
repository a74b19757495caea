import { DomainError } from '../common/domain-error.js';
import { jsonForm } from './json-form.js';

describe('jsonForm (what a history payload is hashed and stored as)', () => {
  it('keeps JSON as JSON: object member names and __proto__ as own keys, numbers as JSON spells them, undefined members left out', () => {
    const payload = {
      toString: 1,
      constructor: null,
      ['__proto__']: { a: 1 },
      n: -0,
      // biome-ignore lint/correctness/noPrecisionLoss: a number beyond 2^53 on purpose, as a caller may send one
      big: 12345678901234567890,
      nested: [{ b: 'Å😀', a: true }],
      gone: undefined,
    };
    const form = jsonForm(payload) as Record<string, unknown>;
    expect(Object.keys(form)).toEqual(['toString', 'constructor', '__proto__', 'n', 'big', 'nested']);
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
    expect(Object.hasOwn(form, '__proto__')).toBe(true);
    expect(form.n).toBe(0);
    expect(JSON.stringify(form)).toBe(JSON.stringify(payload));
  });

  it.each([
    ['a function read through the prototype', { from: ({} as Record<string, unknown>).toString }],
    ['undefined in a list', { list: [1, undefined] }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['a Date', { at: new Date(0) }],
    ['a big integer', { n: 1n }],
    ['a Map', { m: new Map() }],
  ])('refuses %s (a program error)', (_what, payload) => {
    expect(() => jsonForm(payload)).toThrow(TypeError);
  });

  it.each([{ text: 'a\uD800b' }, { text: '\uDC00' }, { 'k\uDBFF': 1 }])('refuses a lone surrogate in %j as bad input', (payload) => {
    expect(() => jsonForm(payload)).toThrow(DomainError);
  });

  it('accepts surrogate pairs', () => {
    expect(jsonForm({ text: '😀\uD83D\uDE00' })).toEqual({ text: '😀😀' });
  });
});
