import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PageQuery } from './cases.dto.js';
import { Omittable } from './validators.js';
import { CHANNELS, NOTIFICATION_STATUSES, type Channel, type NotificationStatus } from '../../notifications/notification.entity.js';

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @Omittable()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @Omittable()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID()
  caseId?: string;
}
