import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../api/actor.guard.js';
import { mutationOptions, sendCommandResult } from '../api/http.js';
import { languageOf } from '../api/language.js';
import { uuidParam } from '../api/registry.controller.js';
import type { EscalationRecord } from './deadline.entity.js';
import { AcknowledgeEscalationDto, InboxQuery } from './escalations.dto.js';
import { EscalationsService } from './escalations.service.js';

@ApiTags('deadlines and escalations')
@Controller()
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get('cases/:id/escalations')
  @ApiOperation({ summary: 'The escalation ladder of the case: planned, fired, acknowledged and closed levels, with recipients and deliveries' })
  async forCase(@Param('id', uuidParam('case id')) id: string, @Req() req: Request) {
    return this.escalations.forCase(id, languageOf(req));
  }

  @Post('escalations/:id/ack')
  @ApiOperation({ summary: 'Acknowledge a fired escalation (a manager, the steering group, or a role the level told); in the case history' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version the client saw' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async acknowledge(@Param('id', uuidParam('escalation id')) id: string, @Body() dto: AcknowledgeEscalationDto, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const lang = languageOf(req);
    const options = mutationOptions(req, actor, 200, async (e: EscalationRecord, em) => (await this.escalations.views([e], lang, em))[0]);
    sendCommandResult(res, await this.escalations.acknowledge(id, actor, dto.comment, options));
  }

  @Get('me/escalations')
  @ApiOperation({ summary: 'My inbox: the escalations that told me (the acting person), newest first' })
  async inbox(@Query() query: InboxQuery, @CurrentActor() actor: Actor, @Req() req: Request) {
    return this.escalations.inbox(actor, query.status, languageOf(req));
  }
}
