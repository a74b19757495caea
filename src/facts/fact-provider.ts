import type { EntityManager } from '@mikro-orm/postgresql';
import type { SwedishCalendar } from '../calendar/working-days.js';
import type { CaseRecord } from '../cases/case.entity.js';
import type { FactRequest } from '../rules/fact-key.js';

/** What a provider may look at when computing facts for a case. */
export interface FactContext {
  em: EntityManager;
  record: CaseRecord;
  now: Date;
  calendar: SwedishCalendar;
}

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
