import { Inject, Injectable, Logger } from '@nestjs/common';
import { LockMode, MikroORM, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { CaseRoleDirectory } from '../cases/case-roles.js';
import { WORKING_CALENDAR } from '../calendar/calendar.provider.js';
import type { SwedishCalendar } from '../calendar/working-days.js';
import { candidateTransitions } from '../cases/case-engine.js';
import { CaseQueries } from '../cases/case-queries.js';
import { CaseRecord } from '../cases/case.entity.js';
import {
  CasesService,
  type ChangeOutcome,
  type CommandOptions,
  type CommandResult,
  type MutationContext,
  type MutationResult,
  unchanged,
} from '../cases/cases.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { Language } from '../common/i18n.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import { DefinitionRegistry } from '../definitions/definition-registry.js';
import { PersonRecord } from '../registry/organisation.entity.js';
import type { BlockingGate, EscalationNotice } from '../notifications/escalation-message.js';
import { Outbox, type MailRecipient } from '../notifications/outbox.js';
import { CLAIM_LEASE_MS } from '../notifications/retry.js';
import { deadlineStatus, ladderOf } from '../deadlines/deadline-plan.js';
import { DeadlineRecord } from '../deadlines/deadline.entity.js';
import { EscalationRecipientRecord, EscalationRecord, type EscalationStatus } from './escalation.entity.js';
import { assertMayAcknowledge } from '../access/policy.js';
import { escalationView, type EscalationView } from './escalation-view.js';

/**
 * Claims the next due level (parameters: {@link claimParameters}). A level waits while an earlier
 * level of the same stay is still to fire, so that two instances catching up after a pause still
 * tell the ladder's rungs in order. Exported for the sweep benchmark (B4), which explains it.
 */
export const CLAIM_NEXT_SQL = `update escalations set claimed_until = ?
  where id = (select e.id from escalations e
               where e.status = 'scheduled' and e.fire_at <= ? and (e.claimed_until is null or e.claimed_until <= ?)
                 and not exists (select 1 from escalations p
                                  where p.case_id = e.case_id and p.entry_seq = e.entry_seq and p.state_id = e.state_id
                                    and p.status = 'scheduled' and p.rung < e.rung)
               order by e.fire_at, e.id limit 1 for update of e skip locked)
  returning id, case_id`;

/** The parameters of {@link CLAIM_NEXT_SQL} at `now`: the lease's end, then now twice. */
export function claimParameters(now: Date): [Date, Date, Date] {
  return [new Date(now.getTime() + CLAIM_LEASE_MS), now, now];
}

/** A level claimed by this instance for firing. */
export interface ClaimedLevel {
  id: string;
  caseId: string;
}

/**
 * Escalations: firing a due level (as the system actor, through the cases service, so it is one
 * transaction with one history event like any command), acknowledging one, and reading them.
 */
@Injectable()
export class EscalationsService {
  private readonly logger = new Logger('Escalations');

  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CasesService,
    private readonly queries: CaseQueries,
    private readonly definitions: DefinitionRegistry,
    private readonly roles: CaseRoleDirectory,
    private readonly outbox: Outbox,
    @Inject(WORKING_CALENDAR) private readonly calendar: SwedishCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Claims the next level that is due and free for this instance: `FOR UPDATE SKIP LOCKED` over the
   * partial index of scheduled levels, and a lease (`claimed_until`) committed at once, so another
   * instance polling at the same moment takes another level, and a level whose instance crashed is
   * taken over when the lease ends. The claim only shares out the work: that a level fires once is
   * decided in {@link fire}, under the case's lock. The scan reads the partial index of scheduled
   * levels from the oldest due one, so its cost follows the due levels, not the open cases.
   */
  async claimNext(): Promise<ClaimedLevel | null> {
    const now = this.clock.now();
    const rows = await this.orm.em.fork().getConnection().execute<Array<{ id: string; case_id: string }>>(CLAIM_NEXT_SQL, claimParameters(now));
    return rows[0] ? { id: rows[0].id, caseId: rows[0].case_id } : null;
  }

  /** Gives a claimed level back (its firing failed), so the next sweep tries it again. */
  async release(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(EscalationRecord, { id, status: 'scheduled' }, { claimedUntil: null });
  }

  /**
   * Fires a due level, once: in the case's transaction (case row locked), the level is taken only
   * if it is still `scheduled`; the people holding its roles on the case now are resolved, the
   * inbox rows and the outbox messages are written, and one `escalation.raised` history event is
   * appended, all in one commit. Returns false when there was nothing (more) to do.
   *
   * @throws DomainError NOT_FOUND, CASE_CLOSED
   */
  async fire(id: string, caseId: string): Promise<boolean> {
    const outcome = await this.cases.mutate(caseId, SYSTEM_ACTOR, {}, (ctx) => this.raise(ctx, id));
    return 'result' in outcome && outcome.result.changed;
  }

  /**
   * Acknowledges a fired level (a manager has seen it), with the actor in the case history.
   * @throws DomainError NOT_FOUND, FORBIDDEN, ESCALATION_NOT_OPEN, CASE_CLOSED, VERSION_CONFLICT
   */
  async acknowledge(
    id: string,
    actor: Actor,
    comment: string | undefined,
    options: CommandOptions<MutationResult<EscalationRecord>> = {},
  ): Promise<CommandResult<MutationResult<EscalationRecord>>> {
    const em = this.orm.em.fork();
    const found = await em.findOne(EscalationRecord, { id }, { fields: ['caseId'] });
    // An escalation of a case the caller cannot see does not exist for them either: the answer
    // names the escalation asked for, never the hidden case it belongs to.
    if (!found || !(await this.roles.standing(em, found.caseId, actor)).party) throw notFound('escalation', id);
    return this.cases.mutate(found.caseId, actor, options, async ({ em, now, actor: onCase }) => {
      const escalation = await em.findOneOrFail(EscalationRecord, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Who may comes before what state it is in: a caller without the right is told so, whatever the state.
      assertMayAcknowledge(onCase, escalation.notify);
      if (escalation.status !== 'open') {
        const at = escalation.acknowledgedAt;
        const why =
          escalation.status === 'scheduled'
            ? { sv: 'den har inte inträffat än', en: 'it has not fired yet' }
            : escalation.status === 'acknowledged'
              ? {
                  sv: `den kvitterades ${at?.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }) ?? ''}`,
                  en: `it was acknowledged at ${at?.toISOString()}`,
                }
              : { sv: 'ärendet har lämnat steget', en: 'the case has left the step' };
        throw new DomainError(
          'ESCALATION_NOT_OPEN',
          { sv: `Eskaleringen kan inte kvitteras: ${why.sv}.`, en: `the escalation cannot be acknowledged: ${why.en}` },
          { escalationStatus: escalation.status },
        );
      }
      escalation.status = 'acknowledged';
      escalation.acknowledgedAt = now;
      escalation.acknowledgedByPerson = actor.person;
      escalation.acknowledgedByOrganisation = actor.organisation;
      escalation.acknowledgementComment = comment?.trim() || null;
      return {
        type: 'escalation.acknowledged',
        payload: {
          escalation: { id, level: escalation.level, rung: escalation.rung },
          state: escalation.stateId,
          ...(escalation.acknowledgementComment ? { comment: escalation.acknowledgementComment } : {}),
        },
        value: escalation,
      };
    });
  }

  /** Every escalation of a case (planned, fired, closed), in the order they fire. @throws DomainError NOT_FOUND */
  async forCase(caseId: string, lang: Language): Promise<EscalationView[]> {
    const em = this.orm.em.fork();
    if (!(await em.count(CaseRecord, { id: caseId }))) throw notFound('case', caseId);
    const rows = await em.find(EscalationRecord, { caseId }, { orderBy: { entrySeq: 'asc', stateId: 'asc', rung: 'asc' } });
    return this.views(rows, lang, em);
  }

  /**
   * The actor's in-app inbox: the escalations that told them, newest first. The actor is the
   * person whose `subject` is the acting person; anyone else has an empty inbox.
   */
  async inbox(actor: Actor, status: EscalationStatus | undefined, lang: Language): Promise<EscalationView[]> {
    const em = this.orm.em.fork();
    const person = actor.kind === 'person' ? await em.findOne(PersonRecord, { subject: actor.person }) : null;
    if (!person) return [];
    const mine = await em.find(EscalationRecipientRecord, { personId: person.id });
    if (!mine.length) return [];
    const where: FilterQuery<EscalationRecord> = { id: { $in: mine.map((r) => r.escalationId) } };
    if (status) where.status = status;
    const rows = await em.find(EscalationRecord, where, { orderBy: { firedAt: 'desc', id: 'asc' }, limit: 200 });
    return this.views(rows, lang, em);
  }

  /** Views of escalations, with their deadline, step, recipients (by name) and deliveries. */
  async views(rows: readonly EscalationRecord[], lang: Language, em: EntityManager = this.orm.em.fork()): Promise<EscalationView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const deadlines = new Map((await em.find(DeadlineRecord, { id: { $in: [...new Set(rows.map((r) => r.deadlineId))] } })).map((d) => [d.id, d]));
    const cases = new Map((await em.find(CaseRecord, { id: { $in: [...new Set(rows.map((r) => r.caseId))] } })).map((c) => [c.id, c]));
    const recipients = await em.find(EscalationRecipientRecord, { escalationId: { $in: ids } });
    const people = new Map(
      (recipients.length ? await em.find(PersonRecord, { id: { $in: [...new Set(recipients.map((r) => r.personId))] } }) : []).map((p) => [p.id, p.name]),
    );
    const deliveries = await this.outbox.summaries(ids, em);
    const workflows = new Map<string, CompiledWorkflow>();
    for (const c of cases.values()) workflows.set(c.id, await this.definitions.get(c.workflowId, c.workflowVersion, em));
    return rows.map((row) =>
      escalationView(row, {
        deadline: deadlines.get(row.deadlineId)!,
        record: cases.get(row.caseId)!,
        workflow: workflows.get(row.caseId)!,
        recipients: recipients
          .filter((r) => r.escalationId === row.id)
          .map((r) => ({ personId: r.personId, name: people.get(r.personId) ?? null, roles: r.roles })),
        deliveries: deliveries.get(row.id)!,
        lang,
      }),
    );
  }

  /** The change that fires a level, in the case's transaction. */
  private async raise({ em, record, workflow, now }: MutationContext, id: string): Promise<ChangeOutcome<undefined>> {
    // Wait for the row, never skip it: whoever else fires or closes a level holds the case lock we
    // hold now, so a lock on the row itself is only another instance's claim scan, which locks a row
    // it then finds claimed and skips until its statement ends. Skipping here took that for "someone
    // else fires it" and left the level claimed and unfired until the lease ran out.
    const escalation = await em.findOne(EscalationRecord, { id, status: 'scheduled', fireAt: { $lte: now } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!escalation) return unchanged(undefined);
    const deadline = await em.findOneOrFail(DeadlineRecord, { id: escalation.deadlineId });
    const holders = await this.roles.holders(em, record.id, escalation.notify);
    const byPerson = new Map<string, MailRecipient & { organisationId: string }>();
    for (const h of holders) {
      const entry = byPerson.get(h.personId) ?? { personId: h.personId, email: h.email, roles: [], organisationId: h.organisationId };
      if (!entry.roles.includes(h.role)) entry.roles.push(h.role);
      byPerson.set(h.personId, entry);
    }
    const unfilledRoles = escalation.notify.filter((role) => !holders.some((h) => h.role === role));
    const status = deadlineStatus(deadline, now, this.calendar);
    const ladder = ladderOf(workflow.definition, escalation.stateId);
    const blocking = await this.blocking(em, record, workflow, escalation.stateId);
    const notice: EscalationNotice = {
      escalationId: escalation.id,
      case: { id: record.id, title: record.title, workflow: { id: workflow.id, version: workflow.version } },
      step: { id: escalation.stateId, title: workflow.steps.get(escalation.stateId)?.title.sv ?? escalation.stateId },
      level: {
        name: escalation.level,
        rung: escalation.rung,
        of: ladder.length,
        ...(ladder[escalation.rung]?.title ? { title: ladder[escalation.rung]!.title!.sv } : {}),
      },
      deadline: { dueOn: deadline.dueOn, dueAt: deadline.dueAt.toISOString(), sla: deadline.sla },
      ...status,
      firedAt: now.toISOString(),
      notifiedRoles: escalation.notify,
      unfilledRoles,
      blocking,
    };
    escalation.status = 'open';
    escalation.firedAt = now;
    escalation.claimedUntil = null;
    escalation.unfilledRoles = unfilledRoles;
    for (const r of byPerson.values())
      em.create(EscalationRecipientRecord, { escalationId: escalation.id, personId: r.personId, roles: r.roles, organisationId: r.organisationId });
    const messages = this.outbox.enqueue(em, notice, [...byPerson.values()], now);
    if (!byPerson.size)
      this.logger.warn(
        `case ${record.id}: escalation ${escalation.id} (${escalation.level}) fired, but nobody holds ${escalation.notify.join('/')} on the case`,
      );
    return {
      type: 'escalation.raised',
      payload: {
        escalation: { id: escalation.id, level: escalation.level, rung: escalation.rung },
        state: escalation.stateId,
        deadline: { dueOn: deadline.dueOn, dueAt: deadline.dueAt.toISOString() },
        ...status,
        notified: [...byPerson.values()].map((r) => ({ person: r.personId, organisation: r.organisationId, roles: r.roles })),
        unfilledRoles,
        messages: { email: messages.filter((m) => m.channel === 'email').length, webhook: messages.filter((m) => m.channel === 'webhook').length },
        blocking: blocking.map((b) => ({ event: b.event, failing: b.failures.map((f) => f.rule) })),
      },
      value: undefined,
    };
  }

  /**
   * What keeps the case in the step: for each gated event the escalating state (or a state around
   * or inside it) accepts, the conditions its gate finds unmet now, in Swedish.
   */
  private async blocking(em: EntityManager, record: CaseRecord, workflow: CompiledWorkflow, stateId: string): Promise<BlockingGate[]> {
    const related = (source: string) => source === stateId || source.startsWith(`${stateId}.`) || stateId.startsWith(`${source}.`);
    const events = new Map<string, string | undefined>();
    for (const t of candidateTransitions(workflow, record.state)) {
      if (t.gate.length && related(t.source) && !events.has(t.event)) events.set(t.event, t.title?.sv);
    }
    const out: BlockingGate[] = [];
    for (const [event, title] of events) {
      const result = await this.queries.explainGate(record.id, event, em);
      out.push({
        event,
        ...(title ? { title } : {}),
        failures: result.failures.map((f) => ({ rule: f.rule, message: f.message.sv, ...(f.responsible ? { responsible: f.responsible } : {}) })),
      });
    }
    return out;
  }
}
