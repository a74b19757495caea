import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor, ActorOnCase } from '../access/actor.js';
import { CaseRoleDirectory } from './case-roles.js';
import { assertMayCreateCase, assertMayEditFields, assertMaySend } from '../access/policy.js';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../common/canonical-json.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { CompiledWorkflow, TransitionInfo } from '../definitions/compile-workflow.js';
import type { LocalizedText } from '../common/i18n.js';
import { DefinitionRegistry } from '../definitions/definition-registry.js';
import { GUARD_CATALOGUE } from '../definitions/guard-catalogue.js';
import type { GateFailure, GateResult } from '../rules/gate-evaluator.js';
import { GateService } from './gate.service.js';
import { transitionsAccepting } from './case-checks.js';
import { activeStateIds, gateRuleSetsFor, initialCaseState, step, type BlockedTransition, type CaseState, type EngineEvent } from './case-engine.js';
import { checkDeclaredFields, parseFieldPatch } from './case-fields.js';
import { CASE_STATE_LISTENERS, type CaseStateListener } from './case-listeners.js';
import { CasePartyRecord, CaseRoleRecord } from './party.entity.js';
import { CaseRecord, type FieldValue } from './case.entity.js';
import { findReplay, remember, type IdempotencyRequest, type StoredResponse } from './idempotency.js';
import { own } from '../common/own.js';

/** A case with the workflow version it runs on. */
export interface CaseResult {
  record: CaseRecord;
  workflow: CompiledWorkflow;
}

/** A case after a command: the case, and the actor as they stand on it (their roles on this case). */
export interface CaseCommandResult extends CaseResult {
  actor: ActorOnCase;
}

/**
 * A case after a {@link CasesService.mutate}, with what the change produced. `changed` says
 * whether anything changed: false when the change found nothing to do (no history event, no new
 * version); `value` is then the thing as it already stood, so the caller can answer with it.
 */
export interface MutationResult<V> extends CaseCommandResult {
  changed: boolean;
  value: V;
}

/** Options every command takes. */
export interface CommandOptions<R = CaseCommandResult> {
  /** The case version the client saw (`If-Match`); a different current version → 409. */
  expectedVersion?: number;
  /** With an `Idempotency-Key`: a retry returns the stored first answer and changes nothing. */
  idempotency?: IdempotencyRequest;
  /**
   * Renders the answer from the result; required with `idempotency` (the answer is stored).
   * Runs inside the command's transaction, before commit; it may look things up (e.g. names)
   * through `em`, and only through it: the embedded database has one connection, which the
   * transaction holds.
   */
  respond?: (result: R, em: EntityManager) => { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;
}

/** What a command produced: its result, or, for a retried idempotent request, the first answer. */
export type CommandResult<R = CaseCommandResult> = { result: R; response?: StoredResponse } | { replayed: StoredResponse };

/** Input of {@link CasesService.create}. */
export interface NewCase {
  workflow: string;
  version?: number;
  title: string;
}

/** What a change to a case's own data records: the history event, and a value for the caller. */
export interface CaseChange<V> {
  /** History event type, e.g. `party.added`. */
  type: string;
  payload: Record<string, unknown>;
  value: V;
}

/** A change that found nothing to do: no event, no new version; `value` is the thing as it stands. */
export interface NoChange<V> {
  unchanged: V;
}

/** What a {@link CasesService.mutate} change gives back: a change with its event, or none. */
export type ChangeOutcome<V> = CaseChange<V> | NoChange<V>;

/** Nothing changed; the caller is answered with `value`, the thing as it stands. */
export function unchanged<V>(value: V): NoChange<V> {
  return { unchanged: value };
}

/**
 * The history event of an update, or {@link unchanged} when nothing changed (no event, no new
 * version): `payload` gets `from` and `to` besides what `about` names. Pure.
 */
export function updateOf<V>(type: string, about: Record<string, unknown>, from: unknown, to: unknown, value: V): ChangeOutcome<V> {
  if (canonicalJson(from ?? null) === canonicalJson(to ?? null)) return unchanged(value);
  return { type, payload: { ...about, from, to }, value };
}

/** Context a {@link CasesService.mutate} change runs in: the locked case in its transaction. */
export interface MutationContext {
  em: EntityManager;
  record: CaseRecord;
  workflow: CompiledWorkflow;
  now: Date;
  /** The actor with the roles they hold on this case. */
  actor: ActorOnCase;
}

/**
 * The one writer of cases. Every change to a case, whether a person or the scheduler asks, goes
 * through a method here, which runs in **one transaction**: lock the case row, check, decide (the
 * pure engine), write the case and **one** hash-chained audit event, commit. Nothing is kept in
 * memory between commands, so any number of instances can serve one database.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly definitions: DefinitionRegistry,
    private readonly gates: GateService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_STATE_LISTENERS) private readonly listeners: CaseStateListener[],
    private readonly roles: CaseRoleDirectory,
  ) {}

  /**
   * Starts a case on the newest version of a workflow (or the one asked for).
   * @throws DomainError WORKFLOW_NOT_FOUND, FORBIDDEN
   */
  create(input: NewCase, actor: Actor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.command(options, async (em, now) => {
      assertMayCreateCase(actor);
      const workflow = await this.definitions.forNewCase(input.workflow, input.version, em);
      const state = initialCaseState(workflow);
      const record = em.create(CaseRecord, {
        id: randomUUID(),
        workflowId: workflow.id,
        workflowVersion: workflow.version,
        title: input.title.trim(),
        state,
        activeStates: activeStateIds(workflow, state),
        status: 'active',
        fields: {},
        version: 0,
        headHash: '',
        stateEnteredAt: now,
        createdAt: now,
        updatedAt: now,
        createdByPerson: actor.person,
        createdByOrganisation: actor.organisation,
      });
      // The one who starts a case runs it: their organisation leads, they are its secretariat.
      // Recorded in the same first event, so a new case has one event like any command.
      em.create(CasePartyRecord, {
        caseId: record.id,
        organisationId: actor.organisation,
        responsibilities: ['leads'],
        mustSign: false,
        benefit: null,
        addedAt: now,
        addedSeq: 1,
      });
      const secretariat = em.create(CaseRoleRecord, {
        id: randomUUID(),
        caseId: record.id,
        role: 'secretariat',
        organisationId: actor.organisation,
        holderId: actor.personId!,
        deputyId: null,
        required: true,
        vacantSince: null,
      });
      this.audit.append(
        em,
        record,
        {
          type: 'case.created',
          actor,
          occurredAt: now,
          payload: {
            title: record.title,
            workflow: { id: workflow.id, version: workflow.version },
            to: state,
            party: { organisation: actor.organisation, responsibilities: ['leads'] },
            role: { id: secretariat.id, role: 'secretariat', organisation: actor.organisation, holder: actor.personId },
          },
        },
        true,
      );
      await this.notifyListeners({ em, record, workflow, from: null, to: state, actor, now });
      return {
        record,
        workflow,
        actor: {
          ...actor,
          roles: ['secretariat'],
          holdings: [{ role: 'secretariat', organisationId: actor.organisation, leads: true, responsibilities: ['leads'] }],
        },
      };
    });
  }

  /**
   * Sends a workflow event: evaluates the gate of the transitions that could take it, runs the
   * pure engine step, and records the transition.
   *
   * @throws DomainError NOT_FOUND, VERSION_CONFLICT, CASE_CLOSED, EVENT_NOT_ACCEPTED (409),
   *         FORBIDDEN (403), GATE_BLOCKED (422, with every failing condition in `failures`)
   */
  send(caseId: string, event: EngineEvent, actor: Actor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.command(options, async (em, now) => {
      const { record, workflow, onCase } = await this.lock(em, caseId, options.expectedVersion, actor);
      const candidates = transitionsAccepting(workflow, record, event.type);
      assertMaySend(onCase, workflow, candidates, event.type);
      const ruleSets = gateRuleSetsFor(candidates);
      const gate = await this.gates.evaluate(em, record, workflow, ruleSets, now);
      const verdicts = Object.fromEntries(gate.ruleSets.map((r) => [r.id, r.passed]));
      const outcome = step(workflow, record.state, event, verdicts);
      if (outcome.kind === 'blocked') {
        const failures = this.blockedFailures(outcome.blocked, gate);
        throw new DomainError('GATE_BLOCKED', gateBlockedMessage(candidates, event.type, failures.length), { failures });
      }
      if (outcome.kind !== 'moved') throw new Error(`engine refused ${event.type} after accepting it (${outcome.kind})`);
      record.state = outcome.to;
      record.activeStates = activeStateIds(workflow, outcome.to);
      record.status = outcome.to.status === 'done' ? 'closed' : 'active';
      record.stateEnteredAt = now;
      this.audit.append(em, record, {
        type: 'case.transitioned',
        actor,
        occurredAt: now,
        payload: {
          event: { type: event.type, ...(event.comment ? { comment: event.comment } : {}) },
          from: outcome.from,
          to: outcome.to,
          transition: { source: outcome.transition.source, target: outcome.transition.target },
          // The verdict and its failures (none, as it passed); the conditions met are the rule files'.
          gate: { passed: gate.passed, ruleSets: gate.ruleSets, failures: gate.failures },
          workflow: { id: workflow.id, version: workflow.version },
        },
      });
      await this.notifyListeners({ em, record, workflow, from: outcome.from, to: outcome.to, actor, now });
      return { record, workflow, actor: onCase };
    });
  }

  /**
   * Records case fields (merge patch: a value sets, null removes). A patch that changes nothing
   * (values already set, or removing fields that were never set) writes nothing and appends no
   * event: the answer is the case at its current version. The fields the workflow declares take
   * values of their declared type; others are kept as they come (see `checkDeclaredFields`).
   * @throws DomainError NOT_FOUND, VERSION_CONFLICT, CASE_CLOSED, FORBIDDEN, VALIDATION_FAILED,
   *         UNPROCESSABLE (a declared field's value of another type)
   */
  async updateFields(caseId: string, patch: unknown, actor: Actor, options: CommandOptions = {}): Promise<CommandResult> {
    const changes = parseFieldPatch(patch);
    return this.mutate(caseId, actor, options, ({ record, workflow, actor: onCase }) => {
      assertMayEditFields(onCase);
      checkDeclaredFields(changes, workflow.vocabulary);
      // Own members only, in objects without a prototype: a name is never looked up through Object.prototype.
      const fields: Record<string, FieldValue> = Object.assign(Object.create(null), record.fields);
      const diff: Record<string, { from: FieldValue | null; to: FieldValue | null }> = Object.create(null);
      for (const [name, value] of Object.entries(changes)) {
        const before = Object.hasOwn(fields, name) ? fields[name]! : null;
        // Setting a field to its value, or removing one that was never set, changes nothing.
        if (before === value) continue;
        diff[name] = { from: before, to: value };
        if (value === null) delete fields[name];
        else fields[name] = value;
      }
      if (Object.keys(diff).length === 0) return unchanged(undefined);
      record.fields = { ...fields };
      return { type: 'case.fields.updated', payload: { changes: diff }, value: undefined };
    });
  }

  /**
   * Changes data that belongs to a case (fields, parties, decisions, escalations, …) in the case's
   * transaction, with its history event: locks the case, checks `If-Match` and that the case is
   * open, runs `change`, appends the event it describes. A change that returns
   * {@link unchanged} changed nothing: no event, no new version, and the result says so
   * (`changed: false`) with the thing as it stands.
   *
   * `change` writes through `ctx.em` only and throws {@link DomainError}s for bad input; whatever
   * it wrote is rolled back with them. `consequence` is for changes that follow from a registry
   * change rather than from the caller acting on this case (never for API requests on a case).
   */
  mutate<V>(
    caseId: string,
    actor: Actor,
    options: CommandOptions<MutationResult<V>>,
    change: (ctx: MutationContext) => Promise<ChangeOutcome<V>> | ChangeOutcome<V>,
    { allowClosed = false, consequence = false }: { allowClosed?: boolean; consequence?: boolean } = {},
  ): Promise<CommandResult<MutationResult<V>>> {
    return this.command(options, async (em, now) => {
      // A consequence of a registry change (a handover when someone leaves) reaches every case the
      // person is on, whoever made the change; it is still recorded as theirs.
      const { record, workflow, onCase } = await this.lock(em, caseId, options.expectedVersion, actor, consequence);
      if (record.status === 'closed' && !allowClosed)
        throw new DomainError('CASE_CLOSED', { sv: 'Ärendet är avslutat och kan inte ändras.', en: 'the case is closed; it cannot change' });
      const made = await change({ em, record, workflow, now, actor: onCase });
      if ('unchanged' in made) return { record, workflow, actor: onCase, changed: false, value: made.unchanged };
      this.audit.append(em, record, { type: made.type, actor, occurredAt: now, payload: made.payload });
      return { record, workflow, actor: onCase, changed: true, value: made.value };
    });
  }

  /**
   * Loads and locks a case for the rest of the transaction; checks that the actor may see it (a
   * case of another organisation is "not found", as on every read; a `consequence` reaches every
   * case) and `If-Match`. Returns the actor with their roles on the case.
   */
  private async lock(
    em: EntityManager,
    caseId: string,
    expectedVersion: number | undefined,
    actor: Actor,
    consequence = false,
  ): Promise<CaseResult & { onCase: ActorOnCase }> {
    const record = await em.findOne(CaseRecord, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const standing = record ? await this.roles.standing(em, caseId, actor) : null;
    if (!record || !standing || !(standing.party || consequence)) throw notFound('case', caseId);
    if (expectedVersion !== undefined && record.version !== expectedVersion) {
      throw new DomainError(
        'VERSION_CONFLICT',
        {
          sv: `Ärendet har ändrats sedan du hämtade det (du skickade If-Match ${expectedVersion}, nu är det version ${record.version}). Hämta det på nytt och försök igen.`,
          en: `the case has changed: you sent If-Match ${expectedVersion}, it is now at version ${record.version}; reload it and try again`,
        },
        { currentVersion: record.version },
      );
    }
    return { record, workflow: await this.definitions.get(record.workflowId, record.workflowVersion, em), onCase: standing.actor };
  }

  private async notifyListeners(change: {
    em: EntityManager;
    record: CaseRecord;
    workflow: CompiledWorkflow;
    from: CaseState | null;
    to: CaseState;
    actor: Actor;
    now: Date;
  }): Promise<void> {
    for (const listener of this.listeners) await listener.onStateChange({ ...change, seq: change.record.version });
  }

  /**
   * Runs a command in one transaction with its idempotency bookkeeping. A concurrent duplicate of
   * an idempotent request loses at commit (primary key) and answers with the winner's response.
   */
  private async command<R>(options: CommandOptions<R>, work: (em: EntityManager, now: Date) => Promise<R>): Promise<CommandResult<R>> {
    const { idempotency, respond } = options;
    if (idempotency && !respond) throw new Error('an idempotent command needs a responder');
    try {
      // `transactional` on the root EntityManager forks one for the transaction and, since the root
      // is never used for work (allowGlobalContext: false), merges nothing back afterwards. Forking
      // first would add, to every command, a second fork, an afterFlush subscriber and a merge of
      // the transaction's entities into a parent that is thrown away (docs/performance.md, "What the measurements changed").
      return await this.orm.em.transactional(async (em) => {
        if (idempotency) {
          const prior = await findReplay(em, idempotency);
          if (prior) return { replayed: prior };
        }
        const now = this.clock.now();
        const result = await work(em, now);
        if (!respond) return { result };
        const rendered = await respond(result, em);
        const version = (result as Partial<CaseResult>).record?.version;
        const response = { status: rendered.status, body: JSON.stringify(rendered.body), etag: version === undefined ? null : `"${version}"` };
        if (idempotency) remember(em, idempotency, response, now);
        return { result, response };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        if (idempotency) {
          const prior = await findReplay(this.orm.em.fork(), idempotency);
          if (prior) return { replayed: prior };
        }
        throw new DomainError('CONCURRENT_UPDATE', {
          sv: 'En annan ändring av ärendet sparades i samma ögonblick. Hämta ärendet på nytt och försök igen.',
          en: 'another change to this case was saved at the same moment; reload and try again',
        });
      }
      throw error;
    }
  }

  /** The failures that explain a blocked step: the failing conditions of its gates and any guard that said no. */
  private blockedFailures(blocked: readonly BlockedTransition[], gate: GateResult): GateFailure[] {
    const failedSets = new Set(blocked.flatMap((b) => b.failedRuleSets));
    const failures = gate.failures.filter((f) => f.ruleSet !== null && failedSets.has(f.ruleSet));
    for (const b of blocked) {
      if (!b.failedGuard) continue;
      const info = own(GUARD_CATALOGUE, b.failedGuard);
      failures.push({
        ruleSet: null,
        rule: `guard:${b.failedGuard}`,
        message: info?.failure ?? { sv: b.failedGuard, en: b.failedGuard },
        facts: {},
        task: { kind: 'other', status: 'notStarted', fact: null },
      });
    }
    return failures;
  }
}

/**
 * What a blocked gate says in one sentence; the failures list each condition. The action is named
 * by its label where the workflow gives one ("Gå vidare till Mål"), else by the event.
 */
export function gateBlockedMessage(candidates: readonly TransitionInfo[], event: string, count: number): LocalizedText {
  const title = candidates.find((t) => t.title)?.title;
  const conditions = { sv: count === 1 ? '1 villkor är inte uppfyllt' : `${count} villkor är inte uppfyllda`, en: `${count} condition(s) are not met` };
  return {
    sv: title ? `"${title.sv}" går inte ännu: ${conditions.sv}.` : `Steget kan inte lämnas ännu: ${conditions.sv}.`,
    en: `${title ? `"${title.en}" (${event})` : event} is blocked: ${conditions.en}`,
  };
}
