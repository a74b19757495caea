import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, READ_ERRORS } from './api-answers.js';
import { NotificationPageDto, NotificationViewDto } from './dto/service-responses.dto.js';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from './auth.guard.js';
import { uuidParam } from './params.js';
import { OutboxQuery } from './dto/outbox.dto.js';
import { Outbox, notificationView } from '../notifications/outbox.js';

@ApiTags('deadlines and escalations')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: Outbox) {}

  @Get()
  @ApiOperation({ summary: 'The outbox of e-mails and webhooks: pending (with attempts and the last error), sent, failed. Process owners only.' })
  @ApiAnswers({ type: NotificationPageDto })
  async list(@Query() query: OutboxQuery, @CurrentActor() actor: Actor): Promise<NotificationPageDto> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const { items, total, readable } = await this.outbox.list(
      {
        ...(query.status ? { status: query.status } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.caseId ? { caseId: query.caseId } : {}),
        limit,
        offset,
      },
      actor,
    );
    return { items: items.map((n) => notificationView(n, readable)), total, limit, offset };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a failed notification a new round of attempts. Process owners only.' })
  @ApiAnswers({ type: NotificationViewDto, errors: [...READ_ERRORS, 409] })
  async retry(@Param('id', uuidParam('notification id')) id: string, @CurrentActor() actor: Actor): Promise<NotificationViewDto> {
    const { notification, readable } = await this.outbox.retry(id, actor);
    return notificationView(notification, readable);
  }
}
