import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, COMMAND_HEADERS, WRITE_ERRORS } from './api-answers.js';
import { EscalationDto } from './dto/service-responses.dto.js';
import type { Request } from 'express';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from './auth.guard.js';
import { commandAnswer, HttpAnswer, mutationOptions } from './http.js';
import { languageOf } from './language.js';
import { uuidParam } from './params.js';
import type { EscalationRecord } from '../escalations/escalation.entity.js';
import { AcknowledgeEscalationDto, InboxQuery } from './dto/escalations.dto.js';
import { EscalationsService } from '../escalations/escalations.service.js';

@ApiTags('deadlines and escalations')
@Controller()
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get('cases/:id/escalations')
  @ApiOperation({ summary: 'The escalation ladder of the case: planned, fired, acknowledged and closed levels, with recipients and deliveries' })
  @ApiAnswers({ type: [EscalationDto] })
  async forCase(@Param('id', uuidParam('case id')) id: string, @Req() req: Request): Promise<EscalationDto[]> {
    return this.escalations.forCase(id, languageOf(req));
  }

  @Post('escalations/:id/ack')
  @ApiOperation({ summary: 'Acknowledge a fired escalation (a manager, the steering group, or a role the level told); in the case history' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version the client saw' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAnswers({ type: EscalationDto, headers: COMMAND_HEADERS, errors: WRITE_ERRORS })
  async acknowledge(
    @Param('id', uuidParam('escalation id')) id: string,
    @Body() dto: AcknowledgeEscalationDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<HttpAnswer<EscalationDto>> {
    const lang = languageOf(req);
    const options = mutationOptions(req, actor, 200, async (e: EscalationRecord, em) => (await this.escalations.views([e], lang, em))[0]);
    return commandAnswer(await this.escalations.acknowledge(id, actor, dto.comment, options));
  }

  @Get('me/escalations')
  @ApiOperation({ summary: 'My inbox: the escalations that told me (the acting person), newest first' })
  @ApiAnswers({ type: [EscalationDto] })
  async inbox(@Query() query: InboxQuery, @CurrentActor() actor: Actor, @Req() req: Request): Promise<EscalationDto[]> {
    return this.escalations.inbox(actor, query.status, languageOf(req));
  }
}
