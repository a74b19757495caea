import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Actor } from '../access/actor.js';
import { DomainError } from '../common/domain-error.js';
import { PATTERNS } from '../definitions/schemas.js';
import type { BoardDecisionRecord, DecisionPointRecord } from '../governance/decision.entity.js';
import { DecisionsService } from '../governance/decisions.service.js';
import { GoalRecord, type MeasurementRecord } from '../governance/goal.entity.js';
import { GoalsService, type ImportResult } from '../governance/goals.service.js';
import { RegistryService } from '../governance/registry.service.js';
import { actionView, commitmentView, decisionPointSummaryView, decisionPointView, goalView } from '../governance/views.js';
import type { ActionRecord, ResourceCommitmentRecord } from '../governance/work.entity.js';
import { WorkService } from '../governance/work.service.js';
import { CurrentActor } from './actor.guard.js';
import { ActionDto, CommitmentDto, CreateDecisionPointDto, GoalDto, MeasurementDto, RecordDecisionDto, UpdateActionDto, UpdateDecisionPointDto, UpdateGoalDto } from './dto/governance.dto.js';
import { mutationOptions, sendCommandResult } from './http.js';
import { uuidParam } from './registry.controller.js';

const caseId = uuidParam('case id');

/** A decision point key in the path: kebab-case, or a 400. */
const pointKey = {
  transform(value: string): string {
    if (!new RegExp(PATTERNS.KEBAB).test(value) || value.length > 60) {
      throw new DomainError('VALIDATION_FAILED', {
        sv: 'beslutspunktens nyckel i sökvägen får bara ha små bokstäver, siffror och bindestreck (kebab-case), t.ex. "joint-agreement"',
        en: 'the decision point key in the path must be kebab-case, e.g. "joint-agreement"',
      });
    }
    return value;
  },
};

@ApiTags('board decisions')
@Controller('cases/:id/decision-points')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @ApiOperation({ summary: 'The decision points of the case' })
  async list(@Param('id', caseId) id: string) {
    return (await this.decisions.list(id)).map(decisionPointSummaryView);
  }

  @Post()
  @ApiOperation({ summary: 'Set up a decision point: the reference text and the boards that must adopt it' })
  async create(@Param('id', caseId) id: string, @Body() dto: CreateDecisionPointDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.decisions.createPoint(id, dto, actor, mutationOptions(req, actor, 201, (p: DecisionPointRecord) => decisionPointSummaryView(p))));
  }

  @Get(':key')
  @ApiOperation({ summary: "Every required board's decision: status, Kommunallagen dates, appeal window, and a word diff against the reference text" })
  async get(@Param('id', caseId) id: string, @Param('key', pointKey) key: string) {
    return decisionPointView(await this.decisions.overview(id, key));
  }

  @Patch(':key')
  @ApiOperation({ summary: 'Change the title, reference text or boards of a decision point' })
  async update(@Param('id', caseId) id: string, @Param('key', pointKey) key: string, @Body() dto: UpdateDecisionPointDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.decisions.updatePoint(id, key, dto, actor, mutationOptions(req, actor, 200, (p: DecisionPointRecord | undefined) => (p ? decisionPointSummaryView(p) : null))));
  }

  @Put(':key/decisions/:boardId')
  @ApiOperation({ summary: "Record a board's decision (status, text, meeting, §, justering, anslag); the appeal deadline is computed" })
  async record(@Param('id', caseId) id: string, @Param('key', pointKey) key: string, @Param('boardId', uuidParam('board id')) boardId: string, @Body() dto: RecordDecisionDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.decisions.recordDecision(id, key, boardId, dto, actor, mutationOptions(req, actor, 200, (d: BoardDecisionRecord | undefined) => ({ boardId, appealDeadline: d?.appealDeadline ?? null, status: d?.status ?? dto.status }))));
  }
}

@ApiTags('goals')
@Controller('cases/:id/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @ApiOperation({ summary: 'Goals with indicator, baseline, target, measurements and progress (on track or not)' })
  async list(@Param('id', caseId) id: string) {
    return (await this.goals.list(id)).map(goalView);
  }

  @Post()
  @ApiOperation({ summary: 'Add a goal' })
  async create(@Param('id', caseId) id: string, @Body() dto: GoalDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.goals.create(id, dto, actor, mutationOptions(req, actor, 201, async (g: GoalRecord, em) => goalView(await this.goals.withProgress(g, em)))));
  }

  @Get(':goalId')
  @ApiOperation({ summary: 'A goal with its measurements and progress' })
  async get(@Param('id', caseId) id: string, @Param('goalId', uuidParam('goal id')) goalId: string) {
    return goalView(await this.goals.get(id, goalId));
  }

  @Patch(':goalId')
  @ApiOperation({ summary: 'Change a goal' })
  async update(@Param('id', caseId) id: string, @Param('goalId', uuidParam('goal id')) goalId: string, @Body() dto: UpdateGoalDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    // Rendered from the record the command wrote: a read now would not see the uncommitted change.
    sendCommandResult(res, await this.goals.update(id, goalId, dto, actor, mutationOptions(req, actor, 200, async (g: GoalRecord | undefined, em) => goalView(await this.goals.withProgress(g ?? (await em.findOneOrFail(GoalRecord, { id: goalId })), em)))));
  }

  @Post(':goalId/measurements')
  @ApiOperation({ summary: "Record a year's value of the goal's indicator" })
  async measure(@Param('id', caseId) id: string, @Param('goalId', uuidParam('goal id')) goalId: string, @Body() dto: MeasurementDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.goals.recordMeasurement(id, goalId, dto, actor, mutationOptions(req, actor, 201, (m: MeasurementRecord | undefined) => ({ goalId, period: dto.period, value: m?.value ?? dto.value }))));
  }

  @Post('kolada-import')
  @ApiOperation({ summary: "Import measurements from a file in the Kolada data API's JSON format ({ values: [{ kpi, municipality, period, values: [{ gender, value }] }] })" })
  @ApiBody({ schema: { type: 'object', properties: { values: { type: 'array', items: { type: 'object' } } } } })
  async importKolada(@Param('id', caseId) id: string, @Body() document: unknown, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.goals.importKolada(id, document, actor, mutationOptions(req, actor, 200, (r: ImportResult | undefined) => r ?? { imported: 0, goals: [], unmatched: 0 })));
  }

  @Post('kolada-sync')
  @ApiOperation({ summary: "Fetch each goal's KPI from Kolada's API (KOLADA_BASE_URL) and import the values" })
  async syncKolada(@Param('id', caseId) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.goals.syncKolada(id, actor, mutationOptions(req, actor, 200, (r: ImportResult | undefined) => r ?? { imported: 0, goals: [], unmatched: 0 })));
  }
}

@ApiTags('resources and actions')
@Controller('cases/:id')
export class WorkController {
  constructor(
    private readonly work: WorkService,
    private readonly registry: RegistryService,
  ) {}

  @Get('resources')
  @ApiOperation({ summary: "The parties' resource commitments (money, staff, premises, other)" })
  async commitments(@Param('id', caseId) id: string) {
    const list = await this.work.commitments(id);
    const names = await this.registry.names(list.map((c) => c.organisationId));
    return list.map((c) => commitmentView(c, names));
  }

  @Post('resources')
  @ApiOperation({ summary: 'Record a resource commitment of a party' })
  async commit(@Param('id', caseId) id: string, @Body() dto: CommitmentDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.work.commit(id, dto, actor, mutationOptions(req, actor, 201, async (c: ResourceCommitmentRecord, em) => commitmentView(c, await this.registry.names([c.organisationId], em)))));
  }

  @Delete('resources/:commitmentId')
  @ApiOperation({ summary: 'Withdraw a resource commitment' })
  async withdraw(@Param('id', caseId) id: string, @Param('commitmentId', uuidParam('commitment id')) commitmentId: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.work.withdraw(id, commitmentId, actor, mutationOptions(req, actor, 200, () => ({ removed: commitmentId }))));
  }

  @Get('actions')
  @ApiOperation({ summary: 'The action plan: actions with responsible party, due date, status and subgroup' })
  async actions(@Param('id', caseId) id: string) {
    const list = await this.work.actions(id);
    const names = await this.registry.names(list.flatMap((a) => [a.responsibleOrganisationId, ...a.subgroup]));
    return list.map((a) => actionView(a, names));
  }

  @Post('actions')
  @ApiOperation({ summary: 'Add an action' })
  async addAction(@Param('id', caseId) id: string, @Body() dto: ActionDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.work.addAction(id, dto, actor, mutationOptions(req, actor, 201, (a: ActionRecord, em) => this.action(a, em))));
  }

  @Patch('actions/:actionId')
  @ApiOperation({ summary: 'Change an action (status, date, responsible party, subgroup)' })
  async updateAction(@Param('id', caseId) id: string, @Param('actionId', uuidParam('action id')) actionId: string, @Body() dto: UpdateActionDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    sendCommandResult(res, await this.work.updateAction(id, actionId, dto, actor, mutationOptions(req, actor, 200, (a: ActionRecord | undefined, em) => (a ? this.action(a, em) : null))));
  }

  private async action(a: ActionRecord, em: EntityManager) {
    return actionView(a, await this.registry.names([a.responsibleOrganisationId, ...a.subgroup], em));
  }
}
