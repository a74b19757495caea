import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseRecord } from '../cases/case.entity.js';

/** What a provider may look at when computing facts for a case. */
export interface FactContext {
  em: EntityManager;
  record: CaseRecord;
  now: Date;
}

/**
 * Computes some of the facts of {@link FACT_CATALOGUE} for one case from the database. Each fact
 * has exactly one provider. Providers only read.
 */
export interface FactProvider {
  readonly provides: readonly string[];
  /** Computes the facts in `wanted` (a subset of `provides`). */
  compute(ctx: FactContext, wanted: ReadonlySet<string>): Promise<Record<string, unknown>>;
}
