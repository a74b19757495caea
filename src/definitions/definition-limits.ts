import type { LocalizedText } from '../common/i18n.js';
import { pointer } from './definition-error.js';

/**
 * The limits of a workflow or rule set file: what the validator accepts before anything evaluates
 * or walks a file recursively. Files come from the folders at start and from process owners over
 * the API (`POST /workflows/validate`, `POST /workflows`); the same limits hold for both.
 *
 * They are far above what the shipped files use (states 2 deep, conditions 3 deep, 8 conditions
 * of 10 parts, 3 examples of at most 300 bytes) and low enough that checking a file, and running its examples,
 * costs a few milliseconds. docs/access-and-security.md, "Caller-supplied expressions", lists them.
 */
export const DEFINITION_LIMITS = {
  /** JSON nesting of a file (objects and lists), apart from the facts of examples. */
  fileDepth: 32,
  /** Objects and lists in a file, apart from the facts of examples (the shipped ones have 300). */
  fileContainers: 5_000,
  /** States inside states. */
  stateDepth: 8,
  /** States in one workflow, at all levels. */
  states: 200,
  /** Conditions of one rule set. */
  conditions: 20,
  /** `all` / `any` / `not` inside each other, in one condition. */
  conditionDepth: 8,
  /**
   * Parts (`all` / `any` / `not` and comparisons) of all conditions of one rule set together.
   * json-rules-engine spends some 50–150 µs on each part of each example: 40 parts keep an example
   * to a few milliseconds.
   */
  ruleSetParts: 40,
  /** Nesting of a condition's `value`. */
  valueDepth: 4,
  /** A condition's `value`, as JSON text. */
  valueBytes: 4_096,
  /** Worked examples of one rule set (each runs every condition once). */
  examples: 20,
  /** Nesting of an example's fact values (a list of items with fields is 2). */
  exampleFactDepth: 6,
  /** An example's `facts`, as JSON text. */
  exampleBytes: 16_384,
  /** Wall-clock time the examples of one rule set sent over the API may take to run, in milliseconds. */
  examplesMillis: 250,
  /** Case fields one workflow declares, and document kinds. */
  declarations: 100,
  /**
   * The same for the deployment's own folders (read at start-up and by `npm run validate`): they
   * are not a caller's input, and a service must not refuse to start because its machine is busy.
   * Still bounded, so a runaway example cannot hang a start.
   */
  examplesMillisOfOwnFiles: 10_000,
  /** Rule sets in one request to check or publish. */
  ruleSetsPerRequest: 50,
  /** Ids, names of facts, operators and roles, in characters. */
  nameLength: 64,
  /** Titles, descriptions and messages, in characters. */
  textLength: 2_000,
} as const;

/** A path of keys and indexes from a file's root, as `pointer()` takes it. */
export type Segments = Array<string | number>;

/**
 * Calls `visit` for each child of a node to walk into, in document order, with the segments from
 * the node to it. A callback, not a returned list, so that walking a large file allocates little.
 */
export type ChildrenOf = (node: unknown, visit: (segments: Segments, child: unknown) => void) => void;

/** Every object or list inside a JSON value: its fields and elements. */
export const jsonChildren: ChildrenOf = (node, visit) => {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (isContainer(node[i])) visit([i], node[i]);
  } else if (isContainer(node)) {
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (Object.hasOwn(node, key) && isContainer(child)) visit([key], child);
    }
  }
};

/** A node on the walk's stack; `parent` links give its path only when it is the one reported. */
interface Visit {
  node: unknown;
  level: number;
  parent: Visit | undefined;
  segments: Segments;
}

/**
 * Where a tree is deeper than `max` levels: the segments from `root` to the first node (in
 * document order) at level `max + 1`, the root being at `rootLevel`; undefined when none is.
 *
 * Iterative, so that a file nested 100,000 deep is measured without running out of stack; it
 * stops at the first node too deep, and costs a few operations per node of the rest.
 */
export function firstTooDeep(root: unknown, max: number, children: ChildrenOf, rootLevel = 0): Segments | undefined {
  const stack: Visit[] = [{ node: root, level: rootLevel, parent: undefined, segments: [] }];
  const found: Visit[] = [];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.level > max) return pathOf(current);
    found.length = 0;
    children(current.node, (segments, child) => found.push({ node: child, level: current.level + 1, parent: current, segments }));
    for (let i = found.length - 1; i >= 0; i--) stack.push(found[i]!);
  }
  return undefined;
}

function pathOf(visit: Visit): Segments {
  const parts: Segments[] = [];
  for (let v: Visit | undefined = visit; v; v = v.parent) parts.push(v.segments);
  return parts.reverse().flat();
}

/** How many nodes a tree has, counting no further than `max + 1`. Iterative. */
export function countNodes(root: unknown, max: number, children: ChildrenOf): number {
  const stack = [root];
  let count = 0;
  while (stack.length && count <= max) {
    count++;
    children(stack.pop(), (_, child) => stack.push(child));
  }
  return count;
}

/**
 * Whether a file has more objects and lists, or deeper nesting, than `LIMITS.fileContainers` and
 * `LIMITS.fileDepth`: the pointer and the end of a sentence ("… is nested at most 32 levels deep")
 * whose subject the caller gives. Both walks stop at their limit.
 */
export function fileShapeProblem(json: unknown, children: ChildrenOf): { pointer: string; message: LocalizedText } | undefined {
  const { fileContainers, fileDepth } = DEFINITION_LIMITS;
  if (countNodes(json, fileContainers, children) > fileContainers) {
    return { pointer: '', message: { sv: `har högst ${fileContainers} objekt och listor`, en: `has at most ${fileContainers} objects and lists` } };
  }
  const at = firstTooDeep(json, fileDepth, children, 1);
  return at
    ? { pointer: pointer(...at), message: { sv: `ligger högst ${fileDepth} nivåer djupt`, en: `is nested at most ${fileDepth} levels deep` } }
    : undefined;
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
