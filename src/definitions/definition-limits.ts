/**
 * The limits of a workflow or rule set file: what the validator accepts before anything evaluates
 * or walks a file recursively. Files come from the folders at start and from process owners over
 * the API (`POST /workflows/validate`, `POST /workflows`); the same limits hold for both.
 *
 * They are far above what the shipped files use (states 2 deep, conditions 3 deep, 8 conditions,
 * 3 examples of at most 300 bytes) and low enough that checking a file, and running its examples,
 * costs a few milliseconds. README "Security" lists them.
 */
export const DEFINITION_LIMITS = {
  /** JSON nesting of a file (objects and lists), apart from the facts of examples. */
  fileDepth: 32,
  /** States inside states. */
  stateDepth: 8,
  /** States in one workflow, at all levels. */
  states: 200,
  /** Conditions of one rule set. */
  conditions: 50,
  /** `all` / `any` / `not` inside each other, in one condition. */
  conditionDepth: 8,
  /** Parts (`all` / `any` / `not` and comparisons) of one condition. */
  conditionParts: 50,
  /** Nesting of a condition's `value`. */
  valueDepth: 4,
  /** A condition's `value`, as JSON text. */
  valueBytes: 4_096,
  /** Worked examples of one rule set. */
  examples: 20,
  /** Nesting of an example's fact values (a list of items with fields is 2). */
  exampleFactDepth: 6,
  /** An example's `facts`, as JSON text. */
  exampleBytes: 16_384,
  /** Wall-clock time the examples of one rule set may take to run, in milliseconds. */
  examplesMillis: 250,
  /** Rule sets in one request to check or publish. */
  ruleSetsPerRequest: 50,
  /** Ids, names of facts, operators and roles, in characters. */
  nameLength: 64,
  /** Titles, descriptions and messages, in characters. */
  textLength: 2_000,
} as const;

/** A path of keys and indexes from a file's root, as `pointer()` takes it. */
export type Segments = Array<string | number>;

/** The children of a node to walk into, each with the segments from the node to it. */
export type ChildrenOf = (node: unknown) => Array<[Segments, unknown]>;

/** Every object or list inside a JSON value: its fields and elements. */
export const jsonChildren: ChildrenOf = (node) => {
  if (Array.isArray(node)) return node.flatMap((v, i): Array<[Segments, unknown]> => (isContainer(v) ? [[[i], v]] : []));
  if (isContainer(node)) return Object.entries(node).flatMap(([k, v]): Array<[Segments, unknown]> => (isContainer(v) ? [[[k], v]] : []));
  return [];
};

/**
 * Where a tree is deeper than `max` levels: the segments from `root` to the first node at level
 * `max + 1` (the root is level 0 when `rootLevel` is 0), or undefined when none is.
 *
 * Iterative, so that a file nested 100,000 deep is measured without running out of stack; it
 * stops at the first node too deep and never holds a path longer than `max + 1` nodes.
 */
export function firstTooDeep(root: unknown, max: number, children: ChildrenOf, rootLevel = 0): Segments | undefined {
  const stack: Array<{ node: unknown; level: number; at: Segments }> = [{ node: root, level: rootLevel, at: [] }];
  while (stack.length) {
    const { node, level, at } = stack.pop()!;
    if (level > max) return at;
    for (const [segments, child] of children(node).reverse()) stack.push({ node: child, level: level + 1, at: [...at, ...segments] });
  }
  return undefined;
}

/** How many nodes a tree has, counting no further than `max + 1`. Iterative. */
export function countNodes(root: unknown, max: number, children: ChildrenOf): number {
  const stack = [root];
  let count = 0;
  while (stack.length && count <= max) {
    count++;
    for (const [, child] of children(stack.pop())) stack.push(child);
  }
  return count;
}

/**
 * The JSON text length of a value, or undefined when it is deeper than `maxDepth` (measured
 * first, so that stringifying cannot overflow the stack).
 */
export function jsonBytes(value: unknown, maxDepth: number): number | undefined {
  if (firstTooDeep(value, maxDepth, jsonChildren, isContainer(value) ? 1 : 0)) return undefined;
  return JSON.stringify(value)?.length ?? 0;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
