import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { WORKING_CALENDAR } from '../calendar/calendar.provider.js';
import type { SwedishCalendar } from '../calendar/working-days.js';
import { activeStateIds } from '../cases/case-engine.js';
import type { CaseStateListener, StateChange } from '../cases/case-listeners.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import { ladderOf, planStep } from '../deadlines/deadline-plan.js';
import { DeadlineRecord } from '../deadlines/deadline.entity.js';
import { EscalationRecord } from './escalation.entity.js';

/**
 * Keeps deadlines in step with the case, in the transaction of every state change: a state the
 * case enters that has an SLA gets a deadline row and its escalation ladder (every level
 * `scheduled`, with the instant it fires); a state it leaves has its deadline closed, its fired
 * escalations closed and its levels still to come cancelled.
 *
 * A "stay" is a state being active without a break: a transition that leaves a state active (a
 * move between its children, a self-transition) keeps its deadline; leaving and coming back later
 * is a new stay with a new deadline. Nested and parallel states each keep their own.
 */
@Injectable()
export class DeadlineListener implements CaseStateListener {
  constructor(@Inject(WORKING_CALENDAR) private readonly calendar: SwedishCalendar) {}

  async onStateChange({ em, record, workflow, from, to, seq, now }: StateChange): Promise<void> {
    const before = from ? activeStateIds(workflow, from) : [];
    const after = activeStateIds(workflow, to);
    // Only a state with an SLA ever has a deadline (see `enter`; a case keeps its workflow
    // version), so leaving states without one needs no query: most transitions are such.
    const left = before.filter((id) => !after.includes(id) && workflow.steps.get(id)?.sla);
    const entered = after.filter((id) => !before.includes(id));
    if (left.length) await this.leave(em, record.id, left, seq, now);
    for (const stateId of entered) this.enter(em, record.id, workflow, stateId, seq, now);
  }

  private enter(em: EntityManager, caseId: string, workflow: CompiledWorkflow, stateId: string, seq: number, now: Date): void {
    const sla = workflow.steps.get(stateId)?.sla;
    if (!sla) return;
    const plan = planStep(sla, ladderOf(workflow.definition, stateId), now, this.calendar);
    const deadline = em.create(DeadlineRecord, {
      id: randomUUID(),
      caseId,
      stateId,
      entrySeq: seq,
      enteredAt: now,
      sla,
      dueOn: plan.deadline.dueOn,
      dueAt: plan.deadline.dueAt,
      closedAt: null,
      closedSeq: null,
    });
    for (const { rung, level, fireAt } of plan.levels) {
      em.create(EscalationRecord, {
        id: randomUUID(),
        deadlineId: deadline.id,
        caseId,
        stateId,
        entrySeq: seq,
        level: level.level,
        rung,
        notify: [...level.notify],
        fireAt,
        status: 'scheduled',
        claimedUntil: null,
        firedAt: null,
        unfilledRoles: null,
        acknowledgedAt: null,
        acknowledgedByPerson: null,
        acknowledgedByOrganisation: null,
        acknowledgementComment: null,
        closedAt: null,
        closedSeq: null,
      });
    }
  }

  /**
   * Closes the deadlines of the states left and settles their escalations: levels still to come are
   * cancelled, fired ones closed. Written straight to the rows (two statements, nothing loaded):
   * no entity of these rows is in this transaction's unit of work.
   */
  private async leave(em: EntityManager, caseId: string, stateIds: string[], seq: number, now: Date): Promise<void> {
    await em.nativeUpdate(DeadlineRecord, { caseId, stateId: { $in: stateIds }, closedAt: null }, { closedAt: now, closedSeq: seq });
    await em.nativeUpdate(
      EscalationRecord,
      { caseId, stateId: { $in: stateIds }, status: { $in: ['scheduled', 'open', 'acknowledged'] } },
      { status: raw(`case when status = 'scheduled' then 'cancelled' else 'closed' end`), closedAt: now, closedSeq: seq, claimedUntil: null },
    );
  }
}
