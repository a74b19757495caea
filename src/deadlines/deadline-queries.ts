import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, raw, type EntityManager } from '@mikro-orm/postgresql';
import { WORKING_CALENDAR } from '../calendar/calendar.provider.js';
import type { SwedishCalendar } from '../calendar/working-days.js';
import { CLOCK, type Clock } from '../common/clock.js';
import type { Sla } from '../definitions/workflow-types.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import { deadlineStatus } from './deadline-plan.js';
import { DeadlineRecord } from './deadline.entity.js';

/** An open deadline of a case as it stands now. */
export interface OpenDeadline {
  stateId: string;
  enteredAt: Date;
  sla: Sla;
  dueOn: string;
  dueAt: Date;
  overdue: boolean;
  /** Whole working days left (0 on the last day), negative once late. See {@link deadlineStatus}. */
  workingDaysLeft: number;
}

/** Reads deadlines. Never writes. */
@Injectable()
export class DeadlineQueries {
  constructor(
    private readonly orm: MikroORM,
    @Inject(WORKING_CALENDAR) private readonly calendar: SwedishCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The open deadlines of a case (one per active state with an SLA), outermost state first.
   * Pass the command's `em` when inside a transaction (the embedded database has one connection).
   * A case whose workflow has no SLA anywhere has none, and the database is not asked.
   */
  async open(caseId: string, workflow: CompiledWorkflow, em: EntityManager = this.orm.em.fork()): Promise<OpenDeadline[]> {
    if (![...workflow.steps.values()].some((step) => step.sla)) return [];
    const now = this.clock.now();
    const rows = await em.find(DeadlineRecord, { caseId, closedAt: null }, { orderBy: { stateId: 'asc' } });
    // Inside a command, a deadline closed by it is still unflushed: the query finds it, the entity knows.
    return rows
      .filter((d) => d.closedAt === null)
      .map((d) => ({
        stateId: d.stateId,
        enteredAt: d.enteredAt,
        sla: d.sla,
        dueOn: d.dueOn,
        dueAt: d.dueAt,
        ...deadlineStatus(d, now, this.calendar),
      }));
  }
}

/**
 * A case-list condition: the case is (or, with `stalled` false, is not) past an open deadline at
 * `now`. Reads the partial index of open deadlines.
 */
export function stalledCondition(now: Date, stalled: boolean): Record<symbol, unknown[]> {
  const exists = (alias: string) =>
    `${stalled ? '' : 'not '}exists (select 1 from deadlines d where d.case_id = ${alias}.id and d.closed_at is null and d.due_at <= ?)`;
  return { [raw(exists, [now])]: [] };
}
