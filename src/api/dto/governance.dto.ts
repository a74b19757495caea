import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASE_ROLES, SYSTEM_ROLES } from '../../definitions/roles.js';
import { PATTERNS } from '../../definitions/schemas.js';
import { RECORDED_DECISION_STATUSES } from '../../governance/decision.entity.js';
import { DOCUMENT_KINDS } from '../../governance/document.entity.js';
import { GOAL_DIRECTIONS } from '../../governance/goal.entity.js';
import { BOARD_KINDS, ORGANISATION_KINDS } from '../../registry/organisation.entity.js';
import { PARTY_RESPONSIBILITIES } from '../../cases/party.entity.js';
import { ACTION_STATUSES, RESOURCE_KINDS } from '../../governance/work.entity.js';
import { SafeText } from './cases.dto.js';
import { IsLocalDate, Omittable } from './validators.js';

/*
 * Request bodies of the governance endpoints. As in cases.dto.ts, the type check sits nearest the
 * property (checked first); `null` is accepted where a field may be cleared (`ValidateIf`).
 */

const nullable = (property: string) => ValidateIf((o: Record<string, unknown>) => o[property] !== null);

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Alvesta kommun' }) @MaxLength(200) @Matches(/\S/, { message: 'name must not be blank' }) @SafeText() @IsString() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) @IsIn(ORGANISATION_KINDS) kind!: (typeof ORGANISATION_KINDS)[number];
  @ApiPropertyOptional({ example: '212000-0662' })
  @Omittable()
  @Matches(/^\d{6}-\d{4}$/, { message: 'orgNumber must be NNNNNN-NNNN' })
  @IsString()
  orgNumber?: string;
  @ApiPropertyOptional({ example: '0764' })
  @Omittable()
  @Matches(/^\d{2}(\d{2})?$/, { message: 'municipalityCode must be 4 digits (municipality) or 2 (region)' })
  @IsString()
  municipalityCode?: string;
}

export class CreateBoardDto {
  @ApiProperty({ example: 'Socialnämnden' }) @MaxLength(200) @Matches(/\S/, { message: 'name must not be blank' }) @SafeText() @IsString() name!: string;
  @ApiProperty({ enum: BOARD_KINDS }) @IsIn(BOARD_KINDS) kind!: (typeof BOARD_KINDS)[number];
}

export class CreatePersonDto {
  @ApiProperty({ description: 'The identity the person signs in with', example: 'anna.svensson@alvesta.se' })
  @MaxLength(200)
  @Matches(/^\S+$/, { message: 'subject has no spaces' })
  @SafeText()
  @IsString()
  subject!: string;
  @ApiProperty({ example: 'Anna Svensson' }) @MaxLength(200) @Matches(/\S/, { message: 'name must not be blank' }) @SafeText() @IsString() name!: string;
  @ApiPropertyOptional({ type: String, format: 'email', description: 'Work e-mail, for notifications' }) @Omittable() @IsEmail() email?: string;
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiPropertyOptional({ enum: SYSTEM_ROLES, isArray: true })
  @Omittable()
  @ArrayMaxSize(2)
  @IsIn(SYSTEM_ROLES, { each: true })
  @IsArray()
  systemRoles?: string[];
}

export class UpdatePersonDto {
  @ApiPropertyOptional() @Omittable() @MaxLength(200) @Matches(/\S/, { message: 'name must not be blank' }) @SafeText() @IsString() name?: string;
  @ApiPropertyOptional({ type: String, format: 'email', nullable: true }) @Omittable() @nullable('email') @IsEmail() email?: string | null;
  @ApiPropertyOptional({ enum: SYSTEM_ROLES, isArray: true, description: 'administrator, processOwner' })
  @Omittable()
  @ArrayMaxSize(2)
  @IsIn(SYSTEM_ROLES, { each: true })
  @IsArray()
  systemRoles?: string[];
}

export class AddPartyDto {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty({ enum: PARTY_RESPONSIBILITIES, isArray: true, example: ['decides', 'contributes'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(PARTY_RESPONSIBILITIES, { each: true })
  @IsArray()
  responsibilities!: Array<(typeof PARTY_RESPONSIBILITIES)[number]>;
  @ApiPropertyOptional({ description: 'Must sign the agreement; default: when it decides' }) @Omittable() @IsBoolean() mustSign?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'What the collaboration gives back to this party' })
  @Omittable()
  @nullable('benefit')
  @MaxLength(2000)
  @SafeText()
  @IsString()
  benefit?: string | null;
}

export class UpdatePartyDto {
  @ApiPropertyOptional({ enum: PARTY_RESPONSIBILITIES, isArray: true })
  @Omittable()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(PARTY_RESPONSIBILITIES, { each: true })
  @IsArray()
  responsibilities?: Array<(typeof PARTY_RESPONSIBILITIES)[number]>;
  @ApiPropertyOptional() @Omittable() @IsBoolean() mustSign?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @Omittable() @nullable('benefit') @MaxLength(2000) @SafeText() @IsString() benefit?: string | null;
}

export class AssignRoleDto {
  @ApiProperty({ enum: CASE_ROLES }) @IsIn(CASE_ROLES) role!: (typeof CASE_ROLES)[number];
  @ApiProperty({ type: String, format: 'uuid', description: 'The party the role is held for' }) @IsUUID() organisationId!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @Omittable() @nullable('holderId') @IsUUID() holderId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @Omittable() @nullable('deputyId') @IsUUID() deputyId?: string | null;
  @ApiPropertyOptional({ description: 'A gate can require that no required role is vacant' }) @Omittable() @IsBoolean() required?: boolean;
}

export class UpdateRoleDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @Omittable() @nullable('holderId') @IsUUID() holderId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @Omittable() @nullable('deputyId') @IsUUID() deputyId?: string | null;
  @ApiPropertyOptional() @Omittable() @IsBoolean() required?: boolean;
}

/** One party's turn in the order, as set (the view of it is RotationEntryDto in governance-responses.dto.ts: one name each, or the OpenAPI document keeps only one of the two shapes). */
export class RotationEntryInputDto {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Who chairs for this party' })
  @Omittable()
  @nullable('personId')
  @IsUUID()
  personId?: string | null;
}

export class SetRotationDto {
  @ApiProperty({ type: [RotationEntryInputDto] })
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RotationEntryInputDto)
  @IsArray()
  entries!: RotationEntryInputDto[];
  @ApiProperty({ example: 12, description: 'Months each party chairs' }) @Min(1) @Max(60) @IsInt() periodMonths!: number;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-01-01', description: 'Default: today' }) @Omittable() @IsLocalDate() startsOn?: string;
}

export class CreateDecisionPointDto {
  @ApiProperty({ example: 'joint-agreement' })
  @MaxLength(60)
  @Matches(new RegExp(PATTERNS.KEBAB), { message: 'key must be kebab-case, e.g. "joint-agreement"' })
  @IsString()
  key!: string;
  @ApiProperty({ example: 'Gemensam överenskommelse' })
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  @SafeText()
  @IsString()
  title!: string;
  @ApiProperty({ description: 'The text every board must adopt' })
  @MaxLength(50_000)
  @Matches(/\S/, { message: 'referenceText must not be blank' })
  @SafeText()
  @IsString()
  referenceText!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Boards that must decide' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  @IsArray()
  boardIds!: string[];
}

export class UpdateDecisionPointDto {
  @ApiPropertyOptional() @Omittable() @MaxLength(200) @Matches(/\S/, { message: 'title must not be blank' }) @SafeText() @IsString() title?: string;
  @ApiPropertyOptional()
  @Omittable()
  @MaxLength(50_000)
  @Matches(/\S/, { message: 'referenceText must not be blank' })
  @SafeText()
  @IsString()
  referenceText?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Omittable()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  @IsArray()
  boardIds?: string[];
}

export class RecordDecisionDto {
  @ApiProperty({ enum: RECORDED_DECISION_STATUSES, description: '"final" follows from the announcement and the appeal window' })
  @IsIn(RECORDED_DECISION_STATUSES)
  status!: (typeof RECORDED_DECISION_STATUSES)[number];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The text the board decided' })
  @Omittable()
  @nullable('text')
  @MaxLength(50_000)
  @SafeText()
  @IsString()
  text?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-02-10' })
  @Omittable()
  @nullable('meetingDate')
  @IsLocalDate()
  meetingDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '§ 14' })
  @Omittable()
  @nullable('minutesParagraph')
  @MaxLength(50)
  @SafeText()
  @IsString()
  minutesParagraph?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-02-14', description: 'Justering' })
  @Omittable()
  @nullable('minutesApprovedDate')
  @IsLocalDate()
  minutesApprovedDate?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-02-16', description: 'Anslag' })
  @Omittable()
  @nullable('announcedDate')
  @IsLocalDate()
  announcedDate?: string | null;
  @ApiPropertyOptional({
    example: 'Rättad enligt det justerade protokollet',
    description:
      'Why a decision that has become final is changed: the registration was wrong, not the decision. Required for such a change; recorded in the history',
  })
  @Omittable()
  @MaxLength(500)
  @Matches(/\S/, { message: 'correction must not be blank' })
  @SafeText()
  @IsString()
  correction?: string;
}

export class GoalDto {
  @ApiProperty({ example: 'Halverad ungdomsarbetslöshet i Blekinge' })
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  @SafeText()
  @IsString()
  title!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'N03937', description: 'Kolada KPI' })
  @Omittable()
  @nullable('kpi')
  @Matches(/^[A-Z]\d{5}$/, { message: 'kpi must be a Kolada KPI id like "N03937"' })
  @IsString()
  kpi?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'An own indicator, when there is no Kolada KPI' })
  @Omittable()
  @nullable('indicatorName')
  @MaxLength(300)
  @SafeText()
  @IsString()
  indicatorName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '%' }) @Omittable() @nullable('unit') @MaxLength(30) @SafeText() @IsString() unit?:
    | string
    | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '10' })
  @Omittable()
  @nullable('municipalityCode')
  @Matches(/^\d{2}(\d{2})?$/, { message: 'municipalityCode must be 4 digits (municipality) or 2 (region)' })
  @IsString()
  municipalityCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @Omittable() @nullable('organisationId') @IsUUID() organisationId?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 12.4 })
  @Omittable()
  @nullable('baselineValue')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baselineValue?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2022 }) @Omittable() @nullable('baselineYear') @Min(1900) @Max(2200) @IsInt() baselineYear?:
    | number
    | null;
  @ApiPropertyOptional({ nullable: true, enum: ['absolute', 'relative'] }) @Omittable() @nullable('targetKind') @IsIn(['absolute', 'relative']) targetKind?:
    | 'absolute'
    | 'relative'
    | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: -50, description: 'Absolute value, or percent of baseline for relative' })
  @Omittable()
  @nullable('targetValue')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  targetValue?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2030 }) @Omittable() @nullable('targetYear') @Min(1900) @Max(2200) @IsInt() targetYear?:
    | number
    | null;
  @ApiPropertyOptional({ nullable: true, enum: GOAL_DIRECTIONS }) @Omittable() @nullable('direction') @IsIn(GOAL_DIRECTIONS) direction?:
    | (typeof GOAL_DIRECTIONS)[number]
    | null;
}

export class UpdateGoalDto extends GoalDto {
  @ApiPropertyOptional() @Omittable() @MaxLength(300) @Matches(/\S/, { message: 'title must not be blank' }) @SafeText() @IsString() declare title: string;
}

export class MeasurementDto {
  @ApiProperty({ example: 2025 }) @Min(1900) @Max(2200) @IsInt() period!: number;
  @ApiProperty({ example: 9.8 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value!: number;
}

export class CommitmentDto {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty({ enum: RESOURCE_KINDS }) @IsIn(RESOURCE_KINDS) kind!: (typeof RESOURCE_KINDS)[number];
  @ApiPropertyOptional({ type: Number, nullable: true, example: 500000 })
  @Omittable()
  @nullable('amount')
  @Min(0)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'SEK' }) @Omittable() @nullable('unit') @MaxLength(30) @SafeText() @IsString() unit?:
    | string
    | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Omittable() @nullable('description') @MaxLength(2000) @SafeText() @IsString() description?:
    | string
    | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-01-01' })
  @Omittable()
  @nullable('periodStart')
  @IsLocalDate()
  periodStart?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-12-31' }) @Omittable() @nullable('periodEnd') @IsLocalDate() periodEnd?:
    | string
    | null;
}

export class ActionDto {
  @ApiProperty({ example: 'Öppna navigatorcentrum' })
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  @SafeText()
  @IsString()
  title!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Omittable()
  @nullable('responsibleOrganisationId')
  @IsUUID()
  responsibleOrganisationId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-09-01', nullable: true }) @Omittable() @nullable('dueDate') @IsLocalDate() dueDate?:
    | string
    | null;
  @ApiPropertyOptional({ enum: ACTION_STATUSES }) @Omittable() @IsIn(ACTION_STATUSES) status?: (typeof ACTION_STATUSES)[number];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Parties in the subgroup working on it' })
  @Omittable()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  @IsArray()
  subgroup?: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @Omittable() @nullable('goalId') @IsUUID() goalId?: string | null;
}

export class UpdateActionDto extends ActionDto {
  @ApiPropertyOptional() @Omittable() @MaxLength(300) @Matches(/\S/, { message: 'title must not be blank' }) @SafeText() @IsString() declare title: string;
}

export class DocumentDto {
  @ApiProperty({ example: 'Avsiktsförklaring Centrum för kunskap och säkerhet' })
  @MaxLength(300)
  @Matches(/\S/, { message: 'title must not be blank' })
  @SafeText()
  @IsString()
  title!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) kind!: (typeof DOCUMENT_KINDS)[number];
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The party whose registry (diarium) holds it' })
  @Omittable()
  @nullable('registryOrganisationId')
  @IsUUID()
  registryOrganisationId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'KS 2026/123' })
  @Omittable()
  @nullable('registrationNumber')
  @MaxLength(100)
  @SafeText()
  @IsString()
  registrationNumber?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uri', nullable: true, example: 'https://diarie.example.se/ks-2026-123' })
  @Omittable()
  @nullable('link')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  link?: string | null;
  @ApiPropertyOptional({ description: 'Confidential (OSL): visible only to visibleTo' }) @Omittable() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @Omittable() @ArrayMaxSize(100) @IsUUID('all', { each: true }) @IsArray() visibleTo?: string[];
}

export class SignatureDto {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-03-01' }) @IsLocalDate() signedOn!: string;
}

/** `limit` and `offset` of a registry list (organisations, people, tokens): 1–500 items a page, 100 unless asked. */
export class RegistryPageQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 }) @Omittable() @Type(() => Number) @Min(1) @Max(500) @IsInt() limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @Omittable() @Type(() => Number) @Min(0) @Max(1_000_000) @IsInt() offset?: number;
}

/** A page of a registry list given `RegistryPageQuery` (defaults filled in). */
export function registryPage(query: RegistryPageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? 100, offset: query.offset ?? 0 };
}

export class OrganisationQuery extends RegistryPageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @Omittable() @IsIn(ORGANISATION_KINDS) kind?: (typeof ORGANISATION_KINDS)[number];
  @ApiPropertyOptional() @Omittable() @MaxLength(100) @SafeText() @IsString() q?: string;
  @ApiPropertyOptional({ example: '0780' })
  @Omittable()
  @Matches(/^\d{2}(\d{2})?$/, { message: 'code must be 4 digits (municipality) or 2 (region)' })
  @IsString()
  code?: string;
}

export class PeopleQuery extends RegistryPageQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid' }) @Omittable() @IsUUID() organisationId?: string;
}
