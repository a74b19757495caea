import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { toCaseSummary, toCaseView, toGateView } from '../cases/case-view.js';
import { CaseQueries } from '../cases/case-queries.js';
import { CasesService, type CommandOptions } from '../cases/cases.service.js';
import { DomainError } from '../common/domain-error.js';
import { DeadlineQueries } from '../deadlines/deadline-queries.js';
import { HistoryVerification } from '../governance/history-verification.service.js';
import { CaseHistory } from '../governance/case-history.service.js';
import { CurrentActor } from './auth.guard.js';
import { CreateCaseDto, GateQuery, HistoryQuery, ListCasesQuery, SendEventDto } from './dto/cases.dto.js';
import { CaseDto, CasePageDto, GateDto, HistoryDto, VerifyDto } from './dto/responses.dto.js';
import { ApiAnswers, COMMAND_HEADERS, ETAG_HEADER, READ_ERRORS, WRITE_ERRORS } from './api-answers.js';
import { commandAnswer, HttpAnswer, idempotencyOf, ifMatchOf } from './http.js';
import { languageOf } from './language.js';

/** A UUID path parameter; anything else is a 400 with the parameter's name. */
const caseId = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () =>
    new DomainError(
      'VALIDATION_FAILED',
      { sv: 'ärendets id i sökvägen måste vara ett UUID', en: 'the case id in the path must be a UUID' },
      { errors: [{ path: 'id', message: { sv: 'måste vara ett UUID', en: 'must be a UUID' } }] },
    ),
});

/** `If-Match`, `Idempotency-Key`, and the case view (with its deadlines as written by the command) in the caller's language as the answer. */
function commandOptions(req: Request, actor: Actor, deadlines: DeadlineQueries, status = 200): CommandOptions {
  const lang = languageOf(req);
  return {
    expectedVersion: ifMatchOf(req),
    idempotency: idempotencyOf(req, actor),
    respond: async (r, em) => ({ status, body: toCaseView(r.record, r.workflow, lang, r.actor, await deadlines.open(r.record.id, r.workflow, em)) }),
  };
}

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly queries: CaseQueries,
    private readonly deadlines: DeadlineQueries,
    private readonly histories: HistoryVerification,
    private readonly historyInWords: CaseHistory,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a case on a workflow' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAnswers({ status: 201, type: CaseDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async create(@Body() dto: CreateCaseDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<CaseDto>> {
    const input = { workflow: dto.workflow, title: dto.title, ...(dto.version ? { version: dto.version } : {}) };
    return commandAnswer(await this.cases.create(input, actor, commandOptions(req, actor, this.deadlines, 201)));
  }

  @Get()
  @ApiOperation({ summary: 'List cases, most recently changed first; `stalled=true`: those past a deadline' })
  @ApiAnswers({ type: CasePageDto })
  async list(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CasePageDto> {
    const lang = languageOf(req);
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const { items, total } = await this.queries.list(
      {
        ...(query.state ? { state: query.state } : {}),
        ...(query.workflow ? { workflow: query.workflow } : {}),
        ...(query.q ? { text: query.q } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.stalled ? { stalled: query.stalled === 'true' } : {}),
        limit,
        offset,
      },
      actor,
    );
    return { items: items.map((i) => toCaseSummary(i.record, i.workflow, lang)), total, limit, offset };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: its step, titles, deadlines (working days left) and the events the caller may send now' })
  @ApiAnswers({ type: CaseDto, headers: ETAG_HEADER })
  async get(@Param('id', caseId) id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<CaseDto>> {
    const found = await this.queries.get(id, actor);
    const view: CaseDto = toCaseView(found.record, found.workflow, languageOf(req), found.actor, await this.deadlines.open(id, found.workflow));
    return new HttpAnswer(200, view, { ETag: `"${found.record.version}"` });
  }

  @Post(':id/events')
  @ApiOperation({ summary: 'Send an event: gate, transition and history in one transaction' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version (ETag) the client saw; a stale one gives 409' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAnswers({ type: CaseDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async send(@Param('id', caseId) id: string, @Body() dto: SendEventDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<CaseDto>> {
    const event = { type: dto.type, ...(dto.comment ? { comment: dto.comment } : {}) };
    return commandAnswer(await this.cases.send(id, event, actor, commandOptions(req, actor, this.deadlines)));
  }

  @Patch(':id/fields')
  @ApiOperation({ summary: 'Record case fields (merge patch: a value sets a field, null removes it)' })
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: { anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] },
      example: { arena: 'Blekingerådet', problemStatement: 'Ungdomsarbetslösheten är dubbelt så hög som i riket.' },
    },
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAnswers({ type: CaseDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async updateFields(@Param('id', caseId) id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request): Promise<HttpAnswer<CaseDto>> {
    return commandAnswer(await this.cases.updateFields(id, body, actor, commandOptions(req, actor, this.deadlines)));
  }

  @Get(':id/gate')
  @ApiOperation({ summary: 'What the gate of an event says now, every unmet condition explained' })
  @ApiAnswers({ type: GateDto })
  async gate(@Param('id', caseId) id: string, @Query() query: GateQuery, @Req() req: Request): Promise<GateDto> {
    return toGateView(query.event, await this.queries.explainGate(id, query.event), languageOf(req));
  }

  @Get(':id/history')
  @ApiOperation({
    summary:
      "The case history: append-only, hash-chained events, each with its payload for machines and a summary in words for people, in the caller's language",
  })
  @ApiAnswers({ type: HistoryDto })
  async history(@Param('id', caseId) id: string, @Query() query: HistoryQuery, @Req() req: Request): Promise<HistoryDto> {
    const entries = await this.historyInWords.page(id, { after: query.after ?? 0, limit: query.limit ?? 500 }, languageOf(req));
    return {
      caseId: id,
      events: entries.map(({ event: e, summary }) => ({
        seq: e.seq,
        type: e.type,
        occurredAt: e.occurredAt.toISOString(),
        actor: { kind: e.actorKind, person: e.actorPerson, organisation: e.actorOrganisation },
        payload: e.payload,
        summary,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
  }

  @Get(':id/history/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute the hash chain of the history, check its signatures and compare the replayed history with the stored state' })
  @ApiAnswers({ type: VerifyDto, errors: READ_ERRORS })
  async verify(@Param('id', caseId) id: string, @Req() req: Request): Promise<VerifyDto> {
    const verdict = await this.histories.verify(id);
    const lang = languageOf(req);
    if (!verdict.valid) return { ...verdict, reason: verdict.reason[lang] };
    const { note, ...rest } = verdict;
    return { ...rest, ...(note ? { note: note[lang] } : {}) };
  }
}
