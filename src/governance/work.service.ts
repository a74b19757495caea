import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayContribute, assertMayRunCase } from '../access/policy.js';
import { CasesService, updateOf, type CommandOptions, type CommandResult, type MutationResult } from '../cases/cases.service.js';
import { notFound, unprocessable } from '../common/domain-error.js';
import { notAParty } from './labels.js';
import { actFor, DEEDS } from './acting.js';
import { GoalRecord } from './goal.entity.js';
import { CasePartyRecord } from '../cases/party.entity.js';
import { ActionRecord, ResourceCommitmentRecord, type ActionStatus, type ResourceKind } from './work.entity.js';

/** Input of a resource commitment. */
export interface CommitmentInput {
  organisationId: string;
  kind: ResourceKind;
  amount?: number | null;
  unit?: string | null;
  description?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

/** Input of an action; responsible party and due date may come later (the gates ask for them). */
export interface ActionInput {
  title: string;
  responsibleOrganisationId?: string | null;
  dueDate?: string | null;
  status?: ActionStatus;
  subgroup?: string[];
  goalId?: string | null;
}

/** Resource commitments and the action plan of a case, each change in the case's history. */
@Injectable()
export class WorkService {
  constructor(
    private readonly orm: MikroORM,
    private readonly cases: CasesService,
  ) {}

  async commitments(caseId: string): Promise<ResourceCommitmentRecord[]> {
    return this.orm.em.fork().find(ResourceCommitmentRecord, { caseId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async actions(caseId: string): Promise<ActionRecord[]> {
    return this.orm.em.fork().find(ActionRecord, { caseId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /**
   * A party's commitment, recorded by its own secretariat or, on its behalf, by those who run the
   * case (policy's assertMayActFor). @throws DomainError FORBIDDEN, UNPROCESSABLE (not a party,
   * period ends before it starts)
   */
  commit(
    caseId: string,
    input: CommitmentInput,
    actor: Actor,
    options: CommandOptions<MutationResult<ResourceCommitmentRecord>> = {},
  ): Promise<CommandResult<MutationResult<ResourceCommitmentRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayContribute(onCase, 'record resource commitments');
      await this.assertParty(em, caseId, input.organisationId, 'organisationId');
      const acting = await actFor(em, onCase, input.organisationId, DEEDS.commit);
      if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart)
        throw unprocessable('periodEnd', { sv: 'perioden kan inte sluta innan den börjar', en: 'the period cannot end before it starts' });
      const c = em.create(ResourceCommitmentRecord, {
        id: randomUUID(),
        caseId,
        organisationId: input.organisationId,
        kind: input.kind,
        amount: input.amount ?? null,
        unit: input.unit?.trim() || null,
        description: input.description?.trim() || null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        createdAt: now,
      });
      return { type: 'resource.committed', payload: { commitment: commitmentSnapshot(c), ...acting }, value: c };
    });
  }

  /** Withdrawn as committed: for the commitment's own party. @throws DomainError NOT_FOUND, FORBIDDEN */
  withdraw(
    caseId: string,
    commitmentId: string,
    actor: Actor,
    options: CommandOptions<MutationResult<null>> = {},
  ): Promise<CommandResult<MutationResult<null>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayContribute(onCase, 'withdraw resource commitments');
      const c = await em.findOne(ResourceCommitmentRecord, { id: commitmentId, caseId });
      if (!c) throw notFound('resource commitment', commitmentId);
      const acting = await actFor(em, onCase, c.organisationId, DEEDS.withdraw);
      em.remove(c);
      return { type: 'resource.withdrawn', payload: { commitment: commitmentSnapshot(c), ...acting }, value: null };
    });
  }

  /** @throws DomainError UNPROCESSABLE (responsible or subgroup not parties, unknown goal) */
  addAction(
    caseId: string,
    input: ActionInput,
    actor: Actor,
    options: CommandOptions<MutationResult<ActionRecord>> = {},
  ): Promise<CommandResult<MutationResult<ActionRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, now, actor: onCase }) => {
      assertMayRunCase(onCase, 'change the action plan');
      const action = em.create(ActionRecord, {
        id: randomUUID(),
        caseId,
        title: input.title.trim(),
        responsibleOrganisationId: input.responsibleOrganisationId ?? null,
        dueDate: input.dueDate ?? null,
        status: input.status ?? 'planned',
        subgroup: [...new Set(input.subgroup ?? [])],
        goalId: input.goalId ?? null,
        createdAt: now,
      });
      await this.checkAction(em, caseId, action);
      return { type: 'action.added', payload: { action: actionSnapshot(action) }, value: action };
    });
  }

  /** @throws DomainError NOT_FOUND, UNPROCESSABLE */
  updateAction(
    caseId: string,
    actionId: string,
    patch: Partial<ActionInput>,
    actor: Actor,
    options: CommandOptions<MutationResult<ActionRecord>> = {},
  ): Promise<CommandResult<MutationResult<ActionRecord>>> {
    return this.cases.mutate(caseId, actor, options, async ({ em, actor: onCase }) => {
      assertMayRunCase(onCase, 'change the action plan');
      const action = await em.findOne(ActionRecord, { id: actionId, caseId });
      if (!action) throw notFound('action', actionId);
      const before = actionSnapshot(action);
      if (patch.title !== undefined) action.title = patch.title.trim();
      if (patch.responsibleOrganisationId !== undefined) action.responsibleOrganisationId = patch.responsibleOrganisationId;
      if (patch.dueDate !== undefined) action.dueDate = patch.dueDate;
      if (patch.status !== undefined) action.status = patch.status;
      if (patch.subgroup !== undefined) action.subgroup = [...new Set(patch.subgroup)];
      if (patch.goalId !== undefined) action.goalId = patch.goalId;
      await this.checkAction(em, caseId, action);
      const after = actionSnapshot(action);
      return updateOf('action.updated', { action: actionId }, before, after, action);
    });
  }

  private async checkAction(em: EntityManager, caseId: string, action: ActionRecord): Promise<void> {
    if (action.responsibleOrganisationId) await this.assertParty(em, caseId, action.responsibleOrganisationId, 'responsibleOrganisationId');
    for (const [i, id] of action.subgroup.entries()) await this.assertParty(em, caseId, id, `subgroup.${i}`);
    if (action.goalId && !(await em.findOne(GoalRecord, { id: action.goalId, caseId })))
      throw unprocessable('goalId', { sv: `målet "${action.goalId}" hör inte till det här ärendet`, en: `goal "${action.goalId}" is not a goal of this case` });
  }

  private async assertParty(em: EntityManager, caseId: string, organisationId: string, path: string): Promise<void> {
    if (!(await em.findOne(CasePartyRecord, { caseId, organisationId }))) throw unprocessable(path, notAParty(organisationId));
  }
}

export function commitmentSnapshot(c: ResourceCommitmentRecord) {
  return {
    id: c.id,
    organisation: c.organisationId,
    kind: c.kind,
    amount: c.amount,
    unit: c.unit,
    description: c.description,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
  };
}

export function actionSnapshot(a: ActionRecord) {
  return { id: a.id, title: a.title, responsible: a.responsibleOrganisationId, dueDate: a.dueDate, status: a.status, subgroup: a.subgroup, goal: a.goalId };
}
