import type { EntityManager } from '@mikro-orm/postgresql';
import type { SwedishCalendar } from '../calendar/working-days.js';
import type { FactRequest, FactValues } from '../rules/fact-key.js';
import type { CaseRecord } from './case.entity.js';

/** What the facts of a gate may be computed from: one case, in the caller's transaction, at `now`. */
export interface FactContext {
  em: EntityManager;
  record: CaseRecord;
  now: Date;
  calendar: SwedishCalendar;
}

/**
 * Computes the facts a gate asks for. The cases need facts to decide a step but the facts are read
 * from the governance tables, a layer above; so the cases declare this shape and the facts module
 * provides it under {@link GATE_FACTS} (the application module binds it), and the imports keep
 * pointing down.
 */
export interface GateFacts {
  /** The value of each request, keyed by `factKey(name, params)`. Reads only. */
  compute(ctx: FactContext, requests: readonly FactRequest[]): Promise<FactValues>;
}

/** Nest token under which the facts module provides {@link GateFacts}. */
export const GATE_FACTS = Symbol('GateFacts');
