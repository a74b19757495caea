import type { CaseRecord } from '../cases/case.entity.js';
import { toStepView, type StepView } from '../cases/case-view.js';
import type { Language } from '../common/i18n.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import type { DeliverySummary } from '../notifications/outbox.js';
import { ladderOf } from '../deadlines/deadline-plan.js';
import type { DeadlineRecord } from '../deadlines/deadline.entity.js';
import type { EscalationRecord, EscalationStatus } from './escalation.entity.js';

/** An escalation level as the API shows it. */
export interface EscalationView {
  id: string;
  case: { id: string; title: string };
  step: StepView;
  /** Sequence number of the history event that entered the step (the stay the level belongs to). */
  entrySeq: number;
  level: string;
  title: string | null;
  rung: number;
  status: EscalationStatus;
  notify: string[];
  fireAt: string;
  firedAt: string | null;
  deadline: { dueOn: string; dueAt: string };
  unfilledRoles: string[];
  recipients: Array<{ personId: string; name: string | null; roles: string[] }>;
  acknowledged: { at: string; person: string; organisation: string; comment: string | null } | null;
  closedAt: string | null;
  /** Sequence number of the history event that left the step. */
  closedSeq: number | null;
  /** Outbox messages of the level by channel and status: a delivery that is retrying shows as pending. */
  deliveries: DeliverySummary;
}

/** What a view needs besides the row. */
export interface EscalationViewContext {
  deadline: DeadlineRecord;
  record: CaseRecord;
  workflow: CompiledWorkflow;
  recipients: EscalationView['recipients'];
  deliveries: DeliverySummary;
  lang: Language;
}

/** Maps an escalation to its API view. Pure. */
export function escalationView(e: EscalationRecord, ctx: EscalationViewContext): EscalationView {
  const title = ladderOf(ctx.workflow.definition, e.stateId)[e.rung]?.title?.[ctx.lang] ?? null;
  return {
    id: e.id,
    case: { id: ctx.record.id, title: ctx.record.title },
    // The level's state is a state of the case's own (pinned) workflow version.
    step: toStepView(ctx.workflow.steps.get(e.stateId)!, ctx.lang),
    entrySeq: e.entrySeq,
    level: e.level,
    title,
    rung: e.rung,
    status: e.status,
    notify: e.notify,
    fireAt: e.fireAt.toISOString(),
    firedAt: e.firedAt?.toISOString() ?? null,
    deadline: { dueOn: ctx.deadline.dueOn, dueAt: ctx.deadline.dueAt.toISOString() },
    unfilledRoles: e.unfilledRoles ?? [],
    recipients: ctx.recipients,
    acknowledged: e.acknowledgedAt
      ? {
          at: e.acknowledgedAt.toISOString(),
          person: e.acknowledgedByPerson ?? '',
          organisation: e.acknowledgedByOrganisation ?? '',
          comment: e.acknowledgementComment,
        }
      : null,
    closedAt: e.closedAt?.toISOString() ?? null,
    closedSeq: e.closedSeq,
    deliveries: ctx.deliveries,
  };
}
