/**
 * The entry of a lookup table (a catalogue of guards, facts, operators) for a name that came from
 * a file or a request, or undefined. Own entries only: a plain `table[name]` finds what every
 * object inherits, so `"constructor"` or `"toString"` would pass for a known guard, fact or operator.
 */
export function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
