import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayCreateCase, assertMayEditFields, assertMaySend } from '../access/policy.js';
import { AuditService } from '../audit/audit.service.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import { DefinitionRegistry } from '../definitions/definition-registry.js';
import { GUARD_CATALOGUE } from '../definitions/guard-catalogue.js';
import type { GateFailure, GateResult } from '../rules/gate-evaluator.js';
import { GateService } from '../rules/gate.service.js';
import { transitionsAccepting } from './case-checks.js';
import { activeStateIds, gateRuleSetsFor, initialCaseState, step, type BlockedTransition, type EngineEvent } from './case-engine.js';
import { parseFieldPatch } from './case-fields.js';
import { CaseRecord, type FieldValue } from './case.entity.js';
import { findReplay, remember, type IdempotencyRequest, type StoredResponse } from './idempotency.js';

/** A case after a command, with the workflow version it runs on. */
export interface CaseResult {
  record: CaseRecord;
  workflow: CompiledWorkflow;
}

/** Options every command takes. */
export interface CommandOptions {
  /** The case version the client saw (`If-Match`); a different current version → 409. */
  expectedVersion?: number;
  /** With an `Idempotency-Key`: a retry returns the stored first answer and changes nothing. */
  idempotency?: IdempotencyRequest;
  /** Renders the answer from the result; required with `idempotency` (the answer is stored). */
  respond?: (result: CaseResult) => { status: number; body: unknown };
}

/** What a command produced: its result, or, for a retried idempotent request, the first answer. */
export type CommandResult = { result: CaseResult; response?: StoredResponse } | { replayed: StoredResponse };

/** Input of {@link CasesService.create}. */
export interface NewCase {
  workflow: string;
  version?: number;
  title: string;
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
  ) {}

  /**
   * Starts a case on the newest version of a workflow (or the one asked for).
   * @throws DomainError WORKFLOW_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
   */
  create(input: NewCase, actor: Actor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.command(options, async (em, now) => {
      assertMayCreateCase(actor);
      const workflow = input.version === undefined ? await this.definitions.latest(input.workflow) : await this.definitions.get(input.workflow, input.version);
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
      this.audit.append(em, record, {
        type: 'case.created',
        actor,
        occurredAt: now,
        payload: { title: record.title, workflow: { id: workflow.id, version: workflow.version }, to: state },
      }, true);
      return { record, workflow };
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
      const { record, workflow } = await this.lock(em, caseId, options.expectedVersion);
      const candidates = transitionsAccepting(workflow, record, event.type);
      assertMaySend(actor, workflow, candidates, event.type);
      const ruleSets = gateRuleSetsFor(candidates);
      const gate = await this.gates.evaluate(em, record, workflow, ruleSets, now);
      const verdicts = Object.fromEntries(gate.ruleSets.map((r) => [r.id, r.passed]));
      const outcome = step(workflow, record.state, event, verdicts);
      if (outcome.kind === 'blocked') {
        const failures = this.blockedFailures(outcome.blocked, gate);
        throw new DomainError('GATE_BLOCKED', `${event.type} is blocked: ${failures.length} condition(s) are not met`, { failures });
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
          gate,
          workflow: { id: workflow.id, version: workflow.version },
        },
      });
      return { record, workflow };
    });
  }

  /**
   * Records case fields (merge patch: a value sets, null removes). A patch that changes nothing
   * writes nothing and appends no event.
   * @throws DomainError NOT_FOUND, VERSION_CONFLICT, CASE_CLOSED, FORBIDDEN, VALIDATION_FAILED
   */
  updateFields(caseId: string, patch: unknown, actor: Actor, options: CommandOptions = {}): Promise<CommandResult> {
    return this.command(options, async (em, now) => {
      const changes = parseFieldPatch(patch);
      const { record, workflow } = await this.lock(em, caseId, options.expectedVersion);
      assertMayEditFields(actor);
      if (record.status === 'closed') throw new DomainError('CASE_CLOSED', 'the case is closed; its fields cannot change');
      const fields: Record<string, FieldValue> = { ...record.fields };
      const diff: Record<string, { from: FieldValue | null; to: FieldValue | null }> = {};
      for (const [name, value] of Object.entries(changes)) {
        const before = fields[name] ?? null;
        if (before === value) continue;
        diff[name] = { from: before, to: value };
        if (value === null) delete fields[name];
        else fields[name] = value;
      }
      if (Object.keys(diff).length === 0) return { record, workflow };
      record.fields = fields;
      this.audit.append(em, record, { type: 'case.fields.updated', actor, occurredAt: now, payload: { changes: diff } });
      return { record, workflow };
    });
  }

  /** Loads and locks a case for the rest of the transaction; checks `If-Match`. */
  private async lock(em: EntityManager, caseId: string, expectedVersion: number | undefined): Promise<CaseResult> {
    const record = await em.findOne(CaseRecord, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!record) throw notFound('case', caseId);
    if (expectedVersion !== undefined && record.version !== expectedVersion) {
      throw new DomainError('VERSION_CONFLICT', `the case has changed: you sent If-Match ${expectedVersion}, it is now at version ${record.version}; reload it and try again`, { currentVersion: record.version });
    }
    return { record, workflow: await this.definitions.get(record.workflowId, record.workflowVersion) };
  }

  /**
   * Runs a command in one transaction with its idempotency bookkeeping. A concurrent duplicate of
   * an idempotent request loses at commit (primary key) and answers with the winner's response.
   */
  private async command(options: CommandOptions, work: (em: EntityManager, now: Date) => Promise<CaseResult>): Promise<CommandResult> {
    const { idempotency, respond } = options;
    if (idempotency && !respond) throw new Error('an idempotent command needs a responder');
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        if (idempotency) {
          const prior = await findReplay(em, idempotency);
          if (prior) return { replayed: prior };
        }
        const now = this.clock.now();
        const result = await work(em, now);
        if (!respond) return { result };
        const rendered = respond(result);
        const response = { status: rendered.status, body: JSON.stringify(rendered.body) };
        if (idempotency) remember(em, idempotency, response, now);
        return { result, response };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        if (idempotency) {
          const prior = await findReplay(this.orm.em.fork(), idempotency);
          if (prior) return { replayed: prior };
        }
        throw new DomainError('CONCURRENT_UPDATE', 'another change to this case was saved at the same moment; reload and try again');
      }
      throw error;
    }
  }

  /** The failures that explain a blocked step: the failing conditions of its gates and any guard that said no. */
  private blockedFailures(blocked: readonly BlockedTransition[], gate: GateResult): GateFailure[] {
    const failures: GateFailure[] = [];
    const failedSets = new Set(blocked.flatMap((b) => b.failedRuleSets));
    failures.push(...gate.failures.filter((f) => f.ruleSet !== null && failedSets.has(f.ruleSet)));
    for (const b of blocked) {
      if (!b.failedGuard) continue;
      const info = GUARD_CATALOGUE[b.failedGuard];
      failures.push({ ruleSet: null, rule: `guard:${b.failedGuard}`, message: info?.failure ?? { sv: b.failedGuard, en: b.failedGuard }, facts: {} });
    }
    return failures;
  }
}
