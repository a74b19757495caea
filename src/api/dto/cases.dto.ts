import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PATTERNS } from '../../definitions/schemas.js';

export class CreateCaseDto {
  @ApiProperty({ example: 'samverkan', description: 'Workflow id (a file workflows/<id>.v<N>.json)' })
  @IsString()
  @Matches(new RegExp(PATTERNS.KEBAB), { message: 'workflow must be a workflow id in kebab-case, e.g. "samverkan"' })
  workflow!: string;

  @ApiPropertyOptional({ example: 1, description: 'Workflow version; default: the newest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ example: 'Blekinge unga lyfter', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;
}

export class SendEventDto {
  @ApiProperty({ example: 'ADVANCE', description: 'Event type in UPPER_SNAKE_CASE' })
  @IsString()
  @Matches(new RegExp(PATTERNS.UPPER_SNAKE), { message: 'type must be an event in UPPER_SNAKE_CASE, e.g. "ADVANCE"' })
  type!: string;

  @ApiPropertyOptional({ example: 'Beslut i styrgruppen 2026-11-20, § 14', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ListCasesQuery {
  @ApiPropertyOptional({ description: 'State id (dot path): cases in that step or inside it', example: 'goals' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  state?: string;

  @ApiPropertyOptional({ example: 'samverkan' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  workflow?: string;

  @ApiPropertyOptional({ description: 'Words in the title', example: 'Blekinge' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['active', 'closed'] })
  @IsOptional()
  @IsIn(['active', 'closed'])
  status?: 'active' | 'closed';

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Only events after this sequence number', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class GateQuery {
  @ApiProperty({ example: 'ADVANCE' })
  @IsString()
  @Matches(new RegExp(PATTERNS.UPPER_SNAKE), { message: 'event must be an event in UPPER_SNAKE_CASE, e.g. "ADVANCE"' })
  event!: string;
}
