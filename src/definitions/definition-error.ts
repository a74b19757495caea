/**
 * One problem in a process owner's file, located by file and JSON pointer (RFC 6901), worded so
 * that the process owner can fix it without reading our code:
 * `workflows/samverkan.v1.json#/states/goals/on/ADVANCE/target: unknown state "goal" (known: …)`.
 */
export interface DefinitionProblem {
  file: string;
  pointer: string;
  message: string;
}

/** The one-line form used by `npm run validate`, the logs and API error bodies. */
export function formatProblem(problem: DefinitionProblem): string {
  return `${problem.file}#${problem.pointer}: ${problem.message}`;
}

/** Builds a JSON pointer from path segments, escaping `~` and `/` as RFC 6901 says. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Thrown when definitions are invalid; carries every problem found, not just the first. */
export class InvalidDefinitionsError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(
      `${problems.length} problem(s) in workflow or rule files:\n` +
        problems.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
    this.name = 'InvalidDefinitionsError';
  }
}

/** Lists names for an error message, shortened when there are many. */
export function listNames(names: Iterable<string>, max = 12): string {
  const all = [...names];
  const shown = all.slice(0, max).map((n) => JSON.stringify(n));
  return all.length > max ? `${shown.join(', ')}, … (${all.length} in all)` : shown.join(', ');
}
