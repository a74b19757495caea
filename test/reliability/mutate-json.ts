import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** One change to a JSON document: where (an index into its paths) and what. */
export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'retype'; at: number }
  | { kind: 'renameKey'; at: number; key: string }
  | { kind: 'addKey'; at: number; key: string; value: Json }
  | { kind: 'copySubtree'; at: number; from: number }
  | { kind: 'wrapInArray'; at: number };

/** Keys a process owner (or an attacker) might type: real ones, near misses, and hostile ones. */
const KEYS = fc.oneof(
  fc.constantFrom(
    'states',
    'on',
    'meta',
    'gate',
    'target',
    'initial',
    'type',
    'guard',
    'roles',
    'sla',
    'title',
    'sv',
    'en',
    'id',
    'version',
    'conditions',
    'when',
    'all',
    'any',
    'not',
    'fact',
    'operator',
    'value',
    'path',
    'examples',
    'facts',
    'passes',
    'failing',
    'message',
    'responsible',
  ),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    ' ',
    '~',
    '/',
    '~1',
    'a/b',
    '#',
    '.',
    '..',
    'Ärende',
    '\u0000',
    '💥',
  ),
  fc.string({ maxLength: 12 }),
);

/** Values of every JSON type, including the awkward ones. */
const VALUES: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    '',
    ' ',
    'x'.repeat(5000),
    '$.x',
    '#samverkan.closed',
    '.child',
    'gatherActors',
    'closed',
    'ADVANCE',
    'filledFields',
    'contains',
    'isEmpty',
    'hasAtLeast',
    'commentGiven',
    'secretariat',
    [],
    {},
    [[]],
    { fact: 'filledFields' },
    { all: [] },
  ),
  // Names that exist on every JavaScript object, and objects that cannot be turned into text.
  fc.constantFrom<Json>('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', { toString: 1 }, { valueOf: {}, toString: {} }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** A list of 1–`max` mutations. */
export function mutations(max = 5): fc.Arbitrary<Mutation[]> {
  const at = fc.nat();
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at }),
    fc.record({ kind: fc.constant('replace' as const), at, value: VALUES }),
    fc.record({ kind: fc.constant('retype' as const), at }),
    fc.record({ kind: fc.constant('renameKey' as const), at, key: KEYS }),
    fc.record({ kind: fc.constant('addKey' as const), at, key: KEYS, value: VALUES }),
    fc.record({ kind: fc.constant('copySubtree' as const), at, from: fc.nat() }),
    fc.record({ kind: fc.constant('wrapInArray' as const), at }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: max });
}

/**
 * Applies mutations to a copy of `doc` and returns what a file with that content would parse to
 * (a JSON round trip, so `__proto__` is an own key, as `JSON.parse` makes it). Pure.
 */
export function mutate(doc: unknown, changes: readonly Mutation[]): unknown {
  let root = JSON.parse(JSON.stringify(doc)) as Json;
  for (const change of changes) root = applyOne(root, change);
  return JSON.parse(JSON.stringify(root));
}

function applyOne(root: Json, change: Mutation): Json {
  const paths = pathsOf(root);
  const path = paths[change.at % paths.length]!;
  const current = get(root, path);
  switch (change.kind) {
    case 'delete':
      return path.length ? remove(root, path) : root;
    case 'replace':
      return set(root, path, change.value);
    case 'retype':
      return set(root, path, retype(current));
    case 'renameKey': {
      if (!path.length || typeof path.at(-1) !== 'string') return root;
      const parent = get(root, path.slice(0, -1)) as Record<string, Json>;
      const renamed = Object.fromEntries(Object.entries(parent).map(([k, v]) => [k === path.at(-1) ? change.key : k, v]));
      return set(root, path.slice(0, -1), renamed);
    }
    case 'addKey':
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return root;
      return set(root, path, { ...current, [change.key]: change.value });
    case 'copySubtree':
      return set(root, path, structuredClone(get(root, paths[change.from % paths.length]!)));
    case 'wrapInArray':
      return set(root, path, [current]);
  }
}

/** Every path in the document, the root first. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push(...pathsOf(v, [...prefix, i]));
    });
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function get(root: Json, path: Path): Json {
  let node: Json = root;
  for (const segment of path) node = (node as Record<string | number, Json>)[segment]!;
  return node;
}

/** A copy of `root` with `value` at `path`; own properties only (never a prototype). */
function set(root: Json, path: Path, value: Json): Json {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = set(copy[head as number]!, rest, value);
    return copy;
  }
  const copy = { ...(root as Record<string, Json>) };
  Object.defineProperty(copy, head as string, { value: set(copy[head as string]!, rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

function remove(root: Json, path: Path): Json {
  const parent = get(root, path.slice(0, -1));
  const last = path.at(-1)!;
  const without = Array.isArray(parent)
    ? parent.filter((_, i) => i !== last)
    : Object.fromEntries(Object.entries(parent as Record<string, Json>).filter(([k]) => k !== last));
  return set(root, path.slice(0, -1), without);
}

function retype(value: Json): Json {
  if (typeof value === 'string') return value.length ? [value] : 0;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : null;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  return Object.values(value);
}

/**
 * Whether an RFC 6901 pointer leads into `doc`: every segment but the last must exist (the last
 * may name what is missing, e.g. a required key).
 */
export function pointerLeadsInto(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  if (!/^(\/([^~/]|~[01])*)+$/.test(pointer)) return false;
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = doc;
  for (const segment of segments.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}
