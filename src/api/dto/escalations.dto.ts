import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { SafeText } from './cases.dto.js';
import { Omittable } from './validators.js';
import { ESCALATION_STATUSES, type EscalationStatus } from '../../escalations/escalation.entity.js';

export class AcknowledgeEscalationDto {
  @ApiPropertyOptional({ example: 'Styrgruppen tar upp det på mötet 2026-06-30.', maxLength: 2000 })
  @Omittable()
  @MaxLength(2000)
  @SafeText()
  @IsString()
  comment?: string;
}

export class InboxQuery {
  @ApiPropertyOptional({ enum: ESCALATION_STATUSES, description: 'Only escalations in this status (open: not yet acknowledged)' })
  @Omittable()
  @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;
}
