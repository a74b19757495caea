import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WORKING_CALENDAR } from '../calendar/calendar.provider.js';
import type { SwedishCalendar } from '../calendar/working-days.js';
import type { CaseRecord } from './case.entity.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import { evaluateGate, factRequestsOf, type GateResult } from '../rules/gate-evaluator.js';
import { GATE_FACTS, type GateFacts } from './gate-facts.js';

/**
 * Evaluates the gate of a case: the named rule sets, as pinned with the case's workflow version,
 * against facts computed from the database for that case.
 */
@Injectable()
export class GateService {
  constructor(
    @Inject(GATE_FACTS) private readonly facts: GateFacts,
    @Inject(WORKING_CALENDAR) private readonly calendar: SwedishCalendar,
  ) {}

  /** Reads only. Runs in the caller's transaction so facts and the change they permit agree. */
  async evaluate(em: EntityManager, record: CaseRecord, workflow: CompiledWorkflow, ruleSetIds: readonly string[], now: Date): Promise<GateResult> {
    if (ruleSetIds.length === 0) return { passed: true, ruleSets: [], failures: [] };
    const ruleSets = ruleSetIds.map((id) => {
      const ruleSet = workflow.ruleSets.get(id);
      if (!ruleSet) throw new Error(`rule set "${id}" is not pinned with ${workflow.id} v${workflow.version}`);
      return ruleSet;
    });
    const values = await this.facts.compute({ em, record, now, calendar: this.calendar }, factRequestsOf(ruleSets));
    return evaluateGate(ruleSets, values, workflow.vocabulary);
  }
}
