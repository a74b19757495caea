/**
 * The JSONPath subset a condition's `path` may use, and its evaluator.
 *
 * json-rules-engine hands a `path` to jsonpath-plus, which also understands recursive descent
 * (`..`), wildcards, unions, slices, filters and script expressions (`?(…)`, `(…)`): a caller's
 * path could walk every value of a deeply nested fact, or run a regular expression of their
 * choosing, on the request thread. Rules only need to reach one value inside a fact, so only the
 * plain steps are allowed, and our own evaluator replaces jsonpath-plus in every Engine (see
 * `evaluateGate`): a path outside the subset never runs, whatever slipped past validation.
 *
 * The subset: `$` followed by at most {@link MAX_PATH_STEPS} steps, each `.name` (letters, digits
 * and `_`, not starting with a digit), `['name']` / `["name"]` (any characters but quotes and
 * backslashes) or `[n]` (a list index). Names reach a field of an object, indexes an element of a
 * list; anything else gives `undefined`. Cost: one property read per step.
 */

import type { LocalizedText } from '../common/i18n.js';

/** Longest path accepted, in characters. */
export const MAX_PATH_LENGTH = 200;
/** Most steps after `$`. */
export const MAX_PATH_STEPS = 10;

/** One step of a path: a field name or a list index. */
export type PathStep = string | number;

/** Names that reach an object's prototype in JavaScript; never a field of a fact. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const INDEX = /^\[(0|[1-9][0-9]{0,5})\]/;
const QUOTED = /^\[(?:'([^'\\]{1,64})'|"([^"\\]{1,64})")\]/;

/**
 * Parses a path of the subset, or says in words why it is not one.
 * Pure; linear in the length of the path (which is bounded first).
 */
export function parseJsonPath(path: string): { steps: PathStep[] } | { problem: LocalizedText } {
  if (path.length > MAX_PATH_LENGTH)
    return { problem: { sv: `en sökväg har högst ${MAX_PATH_LENGTH} tecken`, en: `a path has at most ${MAX_PATH_LENGTH} characters` } };
  if (!path.startsWith('$')) return { problem: { sv: 'en sökväg börjar med "$"', en: 'a path starts with "$"' } };
  const steps: PathStep[] = [];
  let rest = path.slice(1);
  // biome-ignore-start lint/suspicious/noAssignInExpressions: each branch tries a pattern and keeps its match
  while (rest.length) {
    let match: RegExpExecArray | null;
    if (rest.startsWith('.') && (match = NAME.exec(rest.slice(1)))) {
      steps.push(match[0]);
      rest = rest.slice(1 + match[0].length);
    } else if ((match = INDEX.exec(rest))) {
      steps.push(Number(match[1]));
      rest = rest.slice(match[0].length);
    } else if ((match = QUOTED.exec(rest))) {
      steps.push(match[1] ?? match[2]!);
      rest = rest.slice(match[0].length);
    } else {
      return { problem: refusal(path, path.length - rest.length) };
    }
    if (steps.length > MAX_PATH_STEPS)
      return { problem: { sv: `en sökväg har högst ${MAX_PATH_STEPS} steg efter "$"`, en: `a path has at most ${MAX_PATH_STEPS} steps after "$"` } };
  }
  // biome-ignore-end lint/suspicious/noAssignInExpressions: each branch tries a pattern and keeps its match
  const bad = steps.find((s) => typeof s === 'string' && PROTOTYPE_NAMES.has(s));
  if (bad !== undefined) return { problem: { sv: `"${bad}" är inget fält i en fakta`, en: `"${bad}" is not a field of a fact` } };
  return { steps };
}

/** Why a path is outside the subset, naming the JSONPath feature when it is one we refuse. */
function refusal(path: string, at: number): LocalizedText {
  const allowed = {
    sv: 'bara "$" följt av .namn, [\'namn\'] eller [n] är tillåtet (docs/workflows-and-rules.md)',
    en: 'only "$" followed by .name, [\'name\'] or [n] is allowed (docs/workflows-and-rules.md)',
  };
  const refused = (sv: string, en: string): LocalizedText => ({ sv: `${sv}: ${allowed.sv}`, en: `${en}: ${allowed.en}` });
  if (path.includes('..')) return refused('rekursiv sökning ("..") är inte tillåten', 'recursive descent ("..") is not allowed');
  if (/[?()@]/.test(path))
    return refused('filter- och skriptuttryck ("?(…)", "(…)", "@") är inte tillåtna', 'filter and script expressions ("?(…)", "(…)", "@") are not allowed');
  if (path.includes('*')) return refused('jokertecken ("*") är inte tillåtna', 'wildcards ("*") are not allowed');
  if (/\[[^\]]*[,:]/.test(path))
    return refused('unioner och utsnitt ("[a,b]", "[0:2]") är inte tillåtna', 'unions and slices ("[a,b]", "[0:2]") are not allowed');
  if (/[\^~`]/.test(path))
    return refused('jsonpath-plus-tilläggen "^", "~" och "`" är inte tillåtna', 'the jsonpath-plus extensions "^", "~" and "`" are not allowed');
  const near = JSON.stringify(path.slice(at, at + 10));
  return refused(`oväntat ${near} vid tecken ${at + 1}`, `unexpected ${near} at character ${at + 1}`);
}

/** Thrown when a path outside the subset reaches evaluation (validation should have refused it). */
export class UnsafePathError extends Error {
  constructor(path: string, reason: string) {
    super(`JSONPath ${JSON.stringify(path.slice(0, 60))} was not evaluated: ${reason}`);
    this.name = 'UnsafePathError';
  }
}

/**
 * Evaluates a path of the subset on a value: json-rules-engine's `pathResolver`. Reads own
 * properties only, so no path reaches a prototype.
 *
 * @throws UnsafePathError for a path outside the subset (it is never run)
 */
export function resolveJsonPath(value: unknown, path: string): unknown {
  const parsed = parseJsonPath(path);
  if ('problem' in parsed) throw new UnsafePathError(path, parsed.problem.en);
  let current = value;
  for (const step of parsed.steps) {
    if (typeof step === 'number') current = Array.isArray(current) ? current[step] : undefined;
    else current = isRecord(current) && Object.hasOwn(current, step) ? current[step] : undefined;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
