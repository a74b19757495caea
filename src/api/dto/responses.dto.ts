import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AllowedEventView, CaseSummaryView, CaseView, DeadlineView, GateFailureView, StepView } from '../../cases/case-view.js';

/*
 * Response shapes for the OpenAPI document. Each class `implements` the view the code returns,
 * so TypeScript fails the build if the documentation and the answers drift apart.
 */

export class StepDto implements StepView {
  @ApiProperty({ example: 'gatherActors' }) id!: string;
  @ApiProperty({ example: 'Samla aktörerna' }) title!: string;
  @ApiPropertyOptional() description?: string;
}

export class AllowedEventDto implements AllowedEventView {
  @ApiProperty({ example: 'ADVANCE' }) type!: string;
  @ApiPropertyOptional({ example: 'Gå vidare till Gemensamt problem' }) title?: string;
  @ApiProperty({ type: StepDto }) target!: StepDto;
  @ApiProperty({ type: [String], example: ['actors-gathered'] }) gate!: string[];
}

class WorkflowRefDto {
  @ApiProperty({ example: 'samverkan' }) id!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Samverkan för samhällsutveckling' }) title!: string;
}

class CaseStateDto {
  @ApiProperty({ description: 'XState state value', example: 'gatherActors' }) value!: unknown;
  @ApiProperty({ type: [StepDto], description: 'Active steps, outermost first' }) steps!: StepDto[];
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
}

export class DeadlineDto implements DeadlineView {
  @ApiProperty({ type: StepDto }) step!: StepDto;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { workingDays: 3 }, description: 'The SLA: workingDays, calendarDays or hours' }) sla!: DeadlineView['sla'];
  @ApiProperty({ format: 'date', example: '2026-06-24', description: 'The last day (Swedish calendar)' }) dueOn!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant the deadline passes' }) dueAt!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ example: 2, description: 'Whole working days left (0 on the last day); negative: whole working days late' }) workingDaysLeft!: number;
}

class PersonRefDto {
  @ApiProperty() person!: string;
  @ApiProperty() organisation!: string;
}

export class CaseDto implements CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Blekinge unga lyfter' }) title!: string;
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ enum: ['active', 'closed'] }) status!: 'active' | 'closed';
  @ApiProperty({ type: CaseStateDto }) state!: CaseStateDto;
  @ApiProperty({ type: [DeadlineDto], description: 'One per step the case is in that has an SLA' }) deadlines!: DeadlineDto[];
  @ApiProperty({ type: [AllowedEventDto], description: 'Events the caller may send now (each may still be blocked by its gate)' }) allowedEvents!: AllowedEventDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, example: { arena: 'Blekingerådet' } }) fields!: Record<string, unknown>;
  @ApiProperty({ description: 'Number of events in the history; send it back in If-Match', example: 3 }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: PersonRefDto }) createdBy!: PersonRefDto;
}

class WorkflowIdVersionDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
}

export class CaseSummaryDto implements CaseSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: WorkflowIdVersionDto }) workflow!: WorkflowIdVersionDto;
  @ApiProperty({ enum: ['active', 'closed'] }) status!: 'active' | 'closed';
  @ApiProperty({ type: [StepDto] }) steps!: StepDto[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class GateFailureDto implements GateFailureView {
  @ApiProperty({ nullable: true, type: String, example: 'actors-gathered' }) ruleSet!: string | null;
  @ApiProperty({ example: 'arena-described' }) rule!: string;
  @ApiProperty({ example: 'Ingen arena (forum) är beskriven: fyll i fältet "arena".' }) message!: string;
  @ApiPropertyOptional({ example: 'secretariat' }) responsible?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts!: Record<string, unknown>;
}

class RuleSetVerdictDto {
  @ApiProperty() id!: string;
  @ApiProperty() passed!: boolean;
}

export class GateDto {
  @ApiProperty({ example: 'ADVANCE' }) event!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: [RuleSetVerdictDto] }) ruleSets!: RuleSetVerdictDto[];
  @ApiProperty({ type: [GateFailureDto] }) failures!: GateFailureDto[];
}

class ActorDto {
  @ApiProperty({ enum: ['person', 'system'] }) kind!: string;
  @ApiProperty() person!: string;
  @ApiProperty() organisation!: string;
}

export class HistoryEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'case.transitioned' }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) prevHash!: string | null;
  @ApiProperty() hash!: string;
}

export class HistoryDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [HistoryEventDto] }) events!: HistoryEventDto[];
}

export class VerifyDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Events checked' }) events!: number;
  @ApiPropertyOptional({ description: 'Sequence number of the first event that does not verify' }) firstBrokenEvent?: number;
  @ApiPropertyOptional({ description: 'Why the history does not verify, in the caller\'s language' }) reason?: string;
  @ApiPropertyOptional({ description: 'Events written before the history was signed (their hash chain is checked, their signatures cannot be)' }) unsignedEvents?: number;
  @ApiPropertyOptional({ description: 'What a valid verdict does not cover, in the caller\'s language' }) note?: string;
}

export class ErrorDto {
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({ example: 'GATE_BLOCKED' }) code!: string;
  @ApiProperty() message!: string;
}
