import { canonicalJson } from '../common/canonical-json.js';

/** A fact asked for by a condition, with the parameters it gave (e.g. `{ decisionPoint: "joint-agreement" }`). */
export interface FactRequest {
  name: string;
  params?: Record<string, unknown>;
}

/** Computed fact values, keyed by {@link factKey}. */
export type FactValues = ReadonlyMap<string, unknown>;

/**
 * The key of a fact value: the name, plus the canonical parameters when there are any
 * (`boardsMissing{"decisionPoint":"joint-agreement"}`). No parameters and `{}` are the same.
 */
export function factKey(name: string, params?: Record<string, unknown>): string {
  return params && Object.keys(params).length ? `${name}${canonicalJson(params)}` : name;
}

/** A readable label of a fact request for explanations: `boardsMissing(decisionPoint=joint-agreement)`. */
export function factLabel(request: FactRequest): string {
  const params = Object.entries(request.params ?? {});
  return params.length ? `${request.name}(${params.map(([k, v]) => `${k}=${String(v)}`).join(', ')})` : request.name;
}
