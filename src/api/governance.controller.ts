import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, COMMAND_HEADERS, WRITE_ERRORS } from './api-answers.js';
import {
  ActionViewDto,
  CommitmentViewDto,
  DecisionPointDto,
  DecisionPointSummaryDto,
  GoalViewDto,
  ImportResultDto,
  MeasurementRecordedDto,
  RecordedBoardDecisionDto,
  RemovedDto,
} from './dto/governance-responses.dto.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
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
import { CurrentActor } from './auth.guard.js';
import {
  ActionDto,
  CommitmentDto,
  CreateDecisionPointDto,
  GoalDto,
  MeasurementDto,
  RecordDecisionDto,
  UpdateActionDto,
  UpdateDecisionPointDto,
  UpdateGoalDto,
} from './dto/governance.dto.js';
import { commandAnswer, HttpAnswer, mutationOptions } from './http.js';
import { uuidParam } from './params.js';

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

/** The Kolada data API's JSON format, as far as the import reads it. */
const KOLADA_FILE = {
  type: 'object',
  required: ['values'],
  properties: {
    values: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kpi: { type: 'string', example: 'N03937' },
          municipality: { type: 'string', example: '0764' },
          period: { type: 'integer', example: 2025 },
          values: {
            type: 'array',
            items: { type: 'object', properties: { gender: { type: 'string', enum: ['T', 'K', 'M'] }, value: { type: 'number', nullable: true } } },
          },
        },
      },
    },
  },
};

@ApiTags('board decisions')
@Controller('cases/:id/decision-points')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @ApiOperation({ summary: 'The decision points of the case' })
  @ApiAnswers({ type: [DecisionPointSummaryDto] })
  async list(@Param('id', caseId) id: string): Promise<DecisionPointSummaryDto[]> {
    return (await this.decisions.list(id)).map(decisionPointSummaryView);
  }

  @Post()
  @ApiOperation({ summary: 'Set up a decision point: the reference text and the boards that must adopt it' })
  @ApiAnswers({ status: 201, type: DecisionPointSummaryDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async create(
    @Param('id', caseId) id: string,
    @Body() dto: CreateDecisionPointDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<DecisionPointSummaryDto>> {
    return commandAnswer(
      await this.decisions.createPoint(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, (p: DecisionPointRecord) => decisionPointSummaryView(p)),
      ),
    );
  }

  @Get(':key')
  @ApiOperation({ summary: "Every required board's decision: status, Kommunallagen dates, appeal window, and a word diff against the reference text" })
  @ApiAnswers({ type: DecisionPointDto })
  async get(@Param('id', caseId) id: string, @Param('key', pointKey) key: string): Promise<DecisionPointDto> {
    return decisionPointView(await this.decisions.overview(id, key));
  }

  @Patch(':key')
  @ApiOperation({ summary: 'Change the title, reference text or boards of a decision point' })
  @ApiAnswers({ type: DecisionPointSummaryDto, nullable: true, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async update(
    @Param('id', caseId) id: string,
    @Param('key', pointKey) key: string,
    @Body() dto: UpdateDecisionPointDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<DecisionPointSummaryDto | null>> {
    return commandAnswer(
      await this.decisions.updatePoint(
        id,
        key,
        dto,
        actor,
        mutationOptions(req, actor, 200, (p: DecisionPointRecord) => decisionPointSummaryView(p)),
      ),
    );
  }

  @Put(':key/decisions/:boardId')
  @ApiOperation({ summary: "Record a board's decision (status, text, meeting, §, justering, anslag); the appeal deadline is computed" })
  @ApiAnswers({ type: RecordedBoardDecisionDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async record(
    @Param('id', caseId) id: string,
    @Param('key', pointKey) key: string,
    @Param('boardId', uuidParam('board id')) boardId: string,
    @Body() dto: RecordDecisionDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<RecordedBoardDecisionDto>> {
    return commandAnswer(
      await this.decisions.recordDecision(
        id,
        key,
        boardId,
        dto,
        actor,
        mutationOptions(
          req,
          actor,
          200,
          (d: BoardDecisionRecord): RecordedBoardDecisionDto => ({ boardId, appealDeadline: d.appealDeadline ?? null, status: d.status }),
        ),
      ),
    );
  }
}

@ApiTags('goals')
@Controller('cases/:id/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @ApiOperation({ summary: 'Goals with indicator, baseline, target, measurements and progress (on track or not)' })
  @ApiAnswers({ type: [GoalViewDto] })
  async list(@Param('id', caseId) id: string): Promise<GoalViewDto[]> {
    return (await this.goals.list(id)).map(goalView);
  }

  @Post()
  @ApiOperation({ summary: 'Add a goal' })
  @ApiAnswers({ status: 201, type: GoalViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async create(@Param('id', caseId) id: string, @Body() dto: GoalDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<GoalViewDto>> {
    return commandAnswer(
      await this.goals.create(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, async (g: GoalRecord, em) => goalView(await this.goals.withProgress(g, em))),
      ),
    );
  }

  @Get(':goalId')
  @ApiOperation({ summary: 'A goal with its measurements and progress' })
  @ApiAnswers({ type: GoalViewDto })
  async get(@Param('id', caseId) id: string, @Param('goalId', uuidParam('goal id')) goalId: string): Promise<GoalViewDto> {
    return goalView(await this.goals.get(id, goalId));
  }

  @Patch(':goalId')
  @ApiOperation({ summary: 'Change a goal' })
  @ApiAnswers({ type: GoalViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async update(
    @Param('id', caseId) id: string,
    @Param('goalId', uuidParam('goal id')) goalId: string,
    @Body() dto: UpdateGoalDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<GoalViewDto>> {
    // Rendered from the record the command wrote: a read now would not see the uncommitted change.
    return commandAnswer(
      await this.goals.update(
        id,
        goalId,
        dto,
        actor,
        mutationOptions(req, actor, 200, async (g: GoalRecord, em) => goalView(await this.goals.withProgress(g, em))),
      ),
    );
  }

  @Post(':goalId/measurements')
  @ApiOperation({ summary: "Record a year's value of the goal's indicator" })
  @ApiAnswers({ status: 201, type: MeasurementRecordedDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async measure(
    @Param('id', caseId) id: string,
    @Param('goalId', uuidParam('goal id')) goalId: string,
    @Body() dto: MeasurementDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<MeasurementRecordedDto>> {
    return commandAnswer(
      await this.goals.recordMeasurement(
        id,
        goalId,
        dto,
        actor,
        mutationOptions(req, actor, 201, (m: MeasurementRecord): MeasurementRecordedDto => ({ goalId, period: dto.period, value: m.value })),
      ),
    );
  }

  @Post('kolada-import')
  @ApiOperation({
    summary: "Import measurements from a file in the Kolada data API's JSON format ({ values: [{ kpi, municipality, period, values: [{ gender, value }] }] })",
  })
  @ApiBody({ schema: KOLADA_FILE })
  @ApiAnswers({ type: ImportResultDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async importKolada(
    @Param('id', caseId) id: string,
    @Body() document: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<ImportResultDto>> {
    return commandAnswer(
      await this.goals.importKolada(
        id,
        document,
        actor,
        mutationOptions(req, actor, 200, (r: ImportResult) => r),
      ),
    );
  }

  @Post('kolada-sync')
  @ApiOperation({ summary: "Fetch each goal's KPI from Kolada's API (KOLADA_BASE_URL) and import the values" })
  @ApiAnswers({ type: ImportResultDto, errors: [...WRITE_ERRORS, 502] })
  async syncKolada(@Param('id', caseId) id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<ImportResultDto>> {
    return commandAnswer(
      await this.goals.syncKolada(
        id,
        actor,
        mutationOptions(req, actor, 200, (r: ImportResult) => r),
      ),
    );
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
  @ApiAnswers({ type: [CommitmentViewDto] })
  async commitments(@Param('id', caseId) id: string): Promise<CommitmentViewDto[]> {
    const list = await this.work.commitments(id);
    const names = await this.registry.names(list.map((c) => c.organisationId));
    return list.map((c) => commitmentView(c, names));
  }

  @Post('resources')
  @ApiOperation({ summary: 'Record a resource commitment of a party' })
  @ApiAnswers({ status: 201, type: CommitmentViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async commit(
    @Param('id', caseId) id: string,
    @Body() dto: CommitmentDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<CommitmentViewDto>> {
    return commandAnswer(
      await this.work.commit(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, async (c: ResourceCommitmentRecord, em) => commitmentView(c, await this.registry.names([c.organisationId], em))),
      ),
    );
  }

  @Delete('resources/:commitmentId')
  @ApiOperation({ summary: 'Withdraw a resource commitment' })
  @ApiAnswers({ type: RemovedDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async withdraw(
    @Param('id', caseId) id: string,
    @Param('commitmentId', uuidParam('commitment id')) commitmentId: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<RemovedDto>> {
    return commandAnswer(
      await this.work.withdraw(
        id,
        commitmentId,
        actor,
        mutationOptions(req, actor, 200, () => ({ removed: commitmentId })),
      ),
    );
  }

  @Get('actions')
  @ApiOperation({ summary: 'The action plan: actions with responsible party, due date, status and subgroup' })
  @ApiAnswers({ type: [ActionViewDto] })
  async actions(@Param('id', caseId) id: string): Promise<ActionViewDto[]> {
    const list = await this.work.actions(id);
    const names = await this.registry.names(list.flatMap((a) => [a.responsibleOrganisationId, ...a.subgroup]));
    return list.map((a) => actionView(a, names));
  }

  @Post('actions')
  @ApiOperation({ summary: 'Add an action' })
  @ApiAnswers({ status: 201, type: ActionViewDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async addAction(
    @Param('id', caseId) id: string,
    @Body() dto: ActionDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<ActionViewDto>> {
    return commandAnswer(
      await this.work.addAction(
        id,
        dto,
        actor,
        mutationOptions(req, actor, 201, (a: ActionRecord, em) => this.action(a, em)),
      ),
    );
  }

  @Patch('actions/:actionId')
  @ApiOperation({ summary: 'Change an action (status, date, responsible party, subgroup)' })
  @ApiAnswers({ type: ActionViewDto, nullable: true, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async updateAction(
    @Param('id', caseId) id: string,
    @Param('actionId', uuidParam('action id')) actionId: string,
    @Body() dto: UpdateActionDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<ActionViewDto | null>> {
    return commandAnswer(
      await this.work.updateAction(
        id,
        actionId,
        dto,
        actor,
        mutationOptions(req, actor, 200, (a: ActionRecord, em) => this.action(a, em)),
      ),
    );
  }

  private async action(a: ActionRecord, em: EntityManager): Promise<ActionViewDto> {
    return actionView(a, await this.registry.names([a.responsibleOrganisationId, ...a.subgroup], em));
  }
}
