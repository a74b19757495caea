import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PATTERNS } from '../../definitions/schemas.js';
import { Omittable } from './validators.js';

/**
 * Text without control characters (tab and line breaks allowed). PostgreSQL cannot store NUL in
 * text at all, and the others only hide things from the people who read the case.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what SafeText refuses
export const SafeText = () => Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: '$property must not contain control characters' });

/*
 * Decorator order matters: class-validator checks the decorator nearest the property first, and
 * stops at the first failure. So the type check (@IsString, @IsInt) sits nearest the property.
 */

export class CreateCaseDto {
  @ApiProperty({ example: 'samverkan', description: 'Workflow id (a file workflows/<id>.v<N>.json)' })
  @Matches(new RegExp(PATTERNS.KEBAB), { message: 'workflow must be a workflow id in kebab-case, e.g. "samverkan"' })
  @IsString()
  workflow!: string;

  @ApiPropertyOptional({ example: 1, description: 'Workflow version; default: the newest' })
  @Omittable()
  @Min(1)
  @IsInt()
  version?: number;

  @ApiProperty({ example: 'Blekinge unga lyfter', maxLength: 200 })
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  @SafeText()
  @IsString()
  title!: string;
}

export class SendEventDto {
  @ApiProperty({ example: 'ADVANCE', description: 'Event type in UPPER_SNAKE_CASE' })
  @Matches(new RegExp(PATTERNS.UPPER_SNAKE), { message: 'type must be an event in UPPER_SNAKE_CASE, e.g. "ADVANCE"' })
  @IsString()
  type!: string;

  @ApiPropertyOptional({ example: 'Beslut i styrgruppen 2026-11-20, § 14', maxLength: 2000 })
  @Omittable()
  @MaxLength(2000)
  @SafeText()
  @IsString()
  comment?: string;
}

/** `limit` and `offset` of a list: 1–100 items a page, 20 unless asked. */
export class PageQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @Omittable()
  @Type(() => Number)
  @Min(1)
  @Max(100)
  @IsInt()
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @Omittable()
  @Type(() => Number)
  @Min(0)
  @Max(1_000_000)
  @IsInt()
  offset?: number;
}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'State id (dot path): cases in that step or inside it', example: 'goals' })
  @Omittable()
  @MaxLength(200)
  @SafeText()
  @IsString()
  state?: string;

  @ApiPropertyOptional({ example: 'samverkan' })
  @Omittable()
  @MaxLength(100)
  @SafeText()
  @IsString()
  workflow?: string;

  @ApiPropertyOptional({ description: 'Words in the title', example: 'Blekinge' })
  @Omittable()
  @MaxLength(200)
  @SafeText()
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: ['active', 'closed'] })
  @Omittable()
  @IsIn(['active', 'closed'])
  status?: 'active' | 'closed';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only cases past the deadline of a step they are in; false: only the others' })
  @Omittable()
  @IsIn(['true', 'false'], { message: 'stalled must be true or false' })
  stalled?: 'true' | 'false';
}

export class HistoryQuery {
  @ApiPropertyOptional({ description: 'Only events after this sequence number', default: 0 })
  @Omittable()
  @Type(() => Number)
  @Min(0)
  @IsInt()
  after?: number;

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 1000 })
  @Omittable()
  @Type(() => Number)
  @Min(1)
  @Max(1000)
  @IsInt()
  limit?: number;
}

export class GateQuery {
  @ApiProperty({ example: 'ADVANCE' })
  @Matches(new RegExp(PATTERNS.UPPER_SNAKE), { message: 'event must be an event in UPPER_SNAKE_CASE, e.g. "ADVANCE"' })
  @IsString()
  event!: string;
}
