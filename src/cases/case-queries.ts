import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { CaseRoleDirectory } from './case-roles.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditEventRecord } from '../audit/audit-event.entity.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { stalledCondition } from '../deadlines/deadline-queries.js';
import { DefinitionRegistry } from '../definitions/definition-registry.js';
import type { GateResult } from '../rules/gate-evaluator.js';
import { GateService } from './gate.service.js';
import { transitionsAccepting } from './case-checks.js';
import { gateRuleSetsFor } from './case-engine.js';
import { CasePartyRecord } from './party.entity.js';
import { CaseRecord } from './case.entity.js';
import type { CaseCommandResult, CaseResult } from './cases.service.js';
import { isUuid } from '../common/uuid.js';

/** Filters of the case list. */
export interface CaseFilter {
  /** A state id (dot path): cases in that step or inside it. */
  state?: string;
  workflow?: string;
  /** Words in the title. */
  text?: string;
  status?: 'active' | 'closed';
  /** true: only cases past the deadline of a step they are in (now); false: only the others. */
  stalled?: boolean;
  limit: number;
  offset: number;
}

/** Reads cases. Never writes. */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly definitions: DefinitionRegistry,
    private readonly gates: GateService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly roles: CaseRoleDirectory,
  ) {}

  /**
   * A case, with the actor as they stand on it (their roles on the case added).
   * @throws DomainError NOT_FOUND
   */
  async get(caseId: string, actor: Actor): Promise<CaseCommandResult> {
    const em = this.orm.em.fork();
    const record = await em.findOne(CaseRecord, { id: caseId });
    if (!record) throw notFound('case', caseId);
    return {
      record,
      workflow: await this.definitions.get(record.workflowId, record.workflowVersion, em),
      actor: await this.roles.actorOnCase(em, caseId, actor),
    };
  }

  /**
   * A page of the cases the actor's organisation is party to, most recently changed first, with
   * the total that match. Others' cases are neither listed nor counted.
   */
  async list(filter: CaseFilter, actor: Actor): Promise<{ items: CaseResult[]; total: number }> {
    const em = this.orm.em.fork();
    const where: FilterQuery<CaseRecord> = {};
    if (actor.kind !== 'system') {
      const parties = em
        .createQueryBuilder(CasePartyRecord, 'p')
        .select('p.caseId')
        .where({ organisationId: isUuid(actor.organisation) ? actor.organisation : '00000000-0000-0000-0000-000000000000' });
      where.id = { $in: parties.toRaw() };
    }
    if (filter.workflow) where.workflowId = filter.workflow;
    if (filter.status) where.status = filter.status;
    if (filter.state) where.activeStates = { $contains: [filter.state] };
    if (filter.text) where.title = { $ilike: `%${escapeLike(filter.text)}%` };
    if (filter.stalled !== undefined) Object.assign(where, stalledCondition(this.clock.now(), filter.stalled));
    const [records, total] = await em.findAndCount(CaseRecord, where, {
      orderBy: { updatedAt: 'desc', id: 'asc' },
      limit: filter.limit,
      offset: filter.offset,
    });
    const items = await Promise.all(
      records.map(async (record) => ({ record, workflow: await this.definitions.get(record.workflowId, record.workflowVersion, em) })),
    );
    return { items, total };
  }

  /** @throws DomainError NOT_FOUND */
  async history(caseId: string, range: { after?: number; limit?: number }): Promise<AuditEventRecord[]> {
    const em = this.orm.em.fork();
    if (!(await em.count(CaseRecord, { id: caseId }))) throw notFound('case', caseId);
    return this.audit.history(em, caseId, range);
  }

  /**
   * What stands between the case and `event` now: the verdict of the gates of every transition
   * that could take the event. Reads only; the same evaluation as a real command. Inside a
   * transaction, pass its `em` (the embedded database has one connection, which it holds).
   * @throws DomainError NOT_FOUND, EVENT_NOT_ACCEPTED, CASE_CLOSED
   */
  async explainGate(caseId: string, event: string, em: EntityManager = this.orm.em.fork()): Promise<GateResult> {
    const record = await em.findOne(CaseRecord, { id: caseId });
    if (!record) throw notFound('case', caseId);
    const workflow = await this.definitions.get(record.workflowId, record.workflowVersion, em);
    const candidates = transitionsAccepting(workflow, record, event);
    return this.gates.evaluate(em, record, workflow, gateRuleSetsFor(candidates), this.clock.now());
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
