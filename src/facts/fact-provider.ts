import type { FactContext } from '../cases/gate-facts.js';
import type { FactRequest } from '../rules/fact-key.js';

/** What a provider may look at when computing facts for a case (declared by the cases, whose gates ask). */
export type { FactContext } from '../cases/gate-facts.js';

/**
 * Computes some of the facts of the fact catalogue for one case from the database. Each fact has
 * exactly one provider. Providers only read.
 */
export interface FactProvider {
  readonly provides: readonly string[];
  /**
   * Computes the requested facts (all among `provides`), returning their values keyed by
   * `factKey(name, params)`.
   */
  compute(ctx: FactContext, wanted: readonly FactRequest[]): Promise<Record<string, unknown>>;
}
