import { ApiProperty } from '@nestjs/swagger';
import { ACTION_STATUSES, RESOURCE_KINDS } from '../../governance/work.entity.js';
import { DOCUMENT_KINDS } from '../../governance/document.entity.js';
import { GOAL_DIRECTIONS, MEASUREMENT_SOURCES } from '../../governance/goal.entity.js';
import { PARTY_RESPONSIBILITIES } from '../../cases/party.entity.js';
import { RECORDED_DECISION_STATUSES } from '../../governance/decision.entity.js';

/*
 * Answers of the governance endpoints (src/governance/views.ts). The controllers declare these as
 * their return types, so TypeScript fails the build when a view loses a property documented here.
 */

/** An organisation or person referred to by id, with its name from the registry (null if unknown). */
export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Alvesta kommun' }) name!: string | null;
}

export class PartyViewDto {
  @ApiProperty({ type: NamedRefDto }) organisation!: NamedRefDto;
  @ApiProperty({ enum: PARTY_RESPONSIBILITIES, isArray: true }) responsibilities!: Array<(typeof PARTY_RESPONSIBILITIES)[number]>;
  @ApiProperty() mustSign!: boolean;
  @ApiProperty({ type: String, nullable: true }) benefit!: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

export class RoleViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'steeringGroup' }) role!: string;
  @ApiProperty({ example: 'Styrgrupp', description: "The role's title in the caller's language" }) title!: string;
  @ApiProperty({ type: NamedRefDto }) organisation!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true }) holder!: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto, nullable: true }) deputy!: NamedRefDto | null;
  @ApiProperty() required!: boolean;
  @ApiProperty() vacant!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) vacantSince!: string | null;
}

export class RotationEntryDto {
  @ApiProperty({ type: NamedRefDto }) organisation!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'Who chairs for the party' }) person!: NamedRefDto | null;
}

export class RotationDto {
  @ApiProperty({ type: [RotationEntryDto] }) entries!: RotationEntryDto[];
  @ApiProperty({ example: 12 }) periodMonths!: number;
  @ApiProperty({ type: NamedRefDto, description: 'The party that chairs now' }) current!: NamedRefDto;
  @ApiProperty({ format: 'date' }) nextRotationOn!: string;
}

export class ChairDto {
  @ApiProperty({ type: RotationDto, nullable: true, description: 'null until a rotation is set up' }) rotation!: RotationDto | null;
}

/** What a delete removed: the id of the party, role or commitment. */
export class RemovedDto {
  @ApiProperty({ format: 'uuid' }) removed!: string;
}

export class DecisionPointSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'joint-agreement' }) key!: string;
  @ApiProperty({ example: 'Gemensamt avtal' }) title!: string;
  @ApiProperty() referenceText!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) boardIds!: string[];
}

class DecisionSummaryCountsDto {
  @ApiProperty() required!: number;
  @ApiProperty() adopted!: number;
  @ApiProperty() identical!: number;
  @ApiProperty() final!: number;
}

class BoardRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Alvesta kommun – socialnämnden' }) label!: string;
}

class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class RecordedDecisionDto {
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) meetingDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '§ 14' }) minutesParagraph!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) minutesApprovedDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) announcedDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day to appeal (Kommunallagen 13 kap. 5 §)' }) appealDeadline!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the decision becomes final' }) finalFrom!: string | null;
  @ApiProperty({ enum: RECORDED_DECISION_STATUSES }) recordedStatus!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class WordRangeDto {
  @ApiProperty({ description: 'First word (1-based, in the reference text)' }) from!: number;
  @ApiProperty() to!: number;
}

class DiffPartDto {
  @ApiProperty({ enum: ['same', 'missing', 'extra'] }) op!: 'same' | 'missing' | 'extra';
  @ApiProperty({ type: [String] }) words!: string[];
}

class TextComparisonDto {
  @ApiProperty() identical!: boolean;
  @ApiProperty({ type: [WordRangeDto] }) differingWords!: WordRangeDto[];
  @ApiProperty({ type: [DiffPartDto] }) diff!: DiffPartDto[];
  @ApiProperty({ description: 'false: the texts differ too much to compare word by word; the differing passage is marked as a whole' }) wordByWord!: boolean;
}

class BoardLineDto {
  @ApiProperty({ type: BoardRefDto }) board!: BoardRefDto;
  @ApiProperty({ type: OrganisationRefDto }) organisation!: OrganisationRefDto;
  @ApiProperty({ enum: [...RECORDED_DECISION_STATUSES, 'final', 'none'] }) status!: string;
  @ApiProperty({ type: RecordedDecisionDto, nullable: true }) decision!: RecordedDecisionDto | null;
  @ApiProperty({ type: TextComparisonDto, nullable: true }) text!: TextComparisonDto | null;
}

export class DecisionPointDto extends DecisionPointSummaryDto {
  @ApiProperty({ type: DecisionSummaryCountsDto }) summary!: DecisionSummaryCountsDto;
  @ApiProperty({ type: [BoardLineDto] }) boards!: BoardLineDto[];
}

export class RecordedBoardDecisionDto {
  @ApiProperty({ format: 'uuid' }) boardId!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) appealDeadline!: string | null;
  @ApiProperty({ enum: RECORDED_DECISION_STATUSES }) status!: string;
}

class IndicatorDto {
  @ApiProperty({ type: String, nullable: true, example: 'N03937' }) kpi!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '%' }) unit!: string | null;
}

class MeasuredForDto {
  @ApiProperty({ type: String, nullable: true, example: '0764' }) municipalityCode!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
}

class BaselineDto {
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
}

class TargetDto {
  @ApiProperty({ type: String, enum: ['absolute', 'relative'], nullable: true }) kind!: string | null;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The target as an absolute value' }) resolvedValue!: number | null;
}

class MeasurementViewDto {
  @ApiProperty({ example: 2025 }) period!: number;
  @ApiProperty({ example: 9.8 }) value!: number;
  @ApiProperty({ enum: MEASUREMENT_SOURCES }) source!: string;
}

class LatestDto {
  @ApiProperty() period!: number;
  @ApiProperty() value!: number;
}

class ProgressDto {
  @ApiProperty({ type: LatestDto, nullable: true }) latest!: LatestDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the way from baseline to target (0 = baseline, 1 = target)' }) share!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "Share expected by the latest measurement's year" }) expectedShare!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null until there is a measurement after the baseline year' }) onTrack!: boolean | null;
}

export class GoalViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: IndicatorDto }) indicator!: IndicatorDto;
  @ApiProperty({ type: MeasuredForDto }) measuredFor!: MeasuredForDto;
  @ApiProperty({ type: BaselineDto }) baseline!: BaselineDto;
  @ApiProperty({ type: TargetDto }) target!: TargetDto;
  @ApiProperty({ type: String, enum: GOAL_DIRECTIONS, nullable: true }) direction!: string | null;
  @ApiProperty({ type: [MeasurementViewDto] }) measurements!: MeasurementViewDto[];
  @ApiProperty({ type: ProgressDto }) progress!: ProgressDto;
}

export class MeasurementRecordedDto {
  @ApiProperty({ format: 'uuid' }) goalId!: string;
  @ApiProperty() period!: number;
  @ApiProperty() value!: number;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Values imported' }) imported!: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Goals that got values' }) goals!: string[];
  @ApiProperty({ description: 'Values in the file that no goal of the case measures' }) unmatched!: number;
}

export class CommitmentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: NamedRefDto }) organisation!: NamedRefDto;
  @ApiProperty({ enum: RESOURCE_KINDS }) kind!: string;
  @ApiProperty({ type: Number, nullable: true }) amount!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'SEK' }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodStart!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodEnd!: string | null;
}

export class ActionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: NamedRefDto, nullable: true }) responsible!: NamedRefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate!: string | null;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: string;
  @ApiProperty({ type: [NamedRefDto] }) subgroup!: NamedRefDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) goalId!: string | null;
}

class RegistryEntryDto {
  @ApiProperty({ type: NamedRefDto }) organisation!: NamedRefDto;
  @ApiProperty({ type: String, nullable: true, example: 'KS 2026/123' }) registrationNumber!: string | null;
}

class StoredFileDto {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'application/pdf' }) type!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Bytes' }) size!: number | null;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256!: string;
}

class SignatureViewDto {
  @ApiProperty({ type: NamedRefDto }) organisation!: NamedRefDto;
  @ApiProperty({ format: 'date' }) signedOn!: string;
}

export class DocumentViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'The party that recorded it' }) organisation!: NamedRefDto | null;
  @ApiProperty({ type: RegistryEntryDto, nullable: true }) registry!: RegistryEntryDto | null;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) link!: string | null;
  @ApiProperty({ type: StoredFileDto, nullable: true }) file!: StoredFileDto | null;
  @ApiProperty() confidential!: boolean;
  @ApiProperty({ type: [NamedRefDto], nullable: true, description: 'Only for a confidential document' }) visibleTo!: NamedRefDto[] | null;
  @ApiProperty({ type: [SignatureViewDto] }) signatures!: SignatureViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SignatureRecordedDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'date' }) signedOn!: string;
}
