import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { CaseGatesView, GateStatusView, ObligationView } from '../../cases/case-gates.js';
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
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    description: 'XState state value: a state id, or an object for nested states',
    example: 'gatherActors',
  })
  value!: unknown;
  @ApiProperty({ type: [StepDto], description: 'Active steps, outermost first' }) steps!: StepDto[];
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
}

export class DeadlineDto implements DeadlineView {
  @ApiProperty({ type: StepDto }) step!: StepDto;
  @ApiProperty({ format: 'date-time' }) enteredAt!: string;
  @ApiProperty({
    type: 'object',
    properties: { workingDays: { type: 'integer' }, calendarDays: { type: 'integer' }, hours: { type: 'integer' } },
    example: { workingDays: 3 },
    description: 'The SLA: workingDays, calendarDays or hours',
  })
  sla!: DeadlineView['sla'];
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
  @ApiProperty({ type: [AllowedEventDto], description: 'Events the caller may send now (each may still be blocked by its gate)' })
  allowedEvents!: AllowedEventDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { arena: 'Blekingerådet' },
    description: 'The case fields: texts, numbers and yes/no values by name',
  })
  fields!: Record<string, unknown>;
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
  @ApiPropertyOptional({ description: "Why the history does not verify, in the caller's language" }) reason?: string;
  @ApiPropertyOptional({ description: 'Events written before the history was signed (their hash chain is checked, their signatures cannot be)' })
  unsignedEvents?: number;
  @ApiPropertyOptional({ description: "What a valid verdict does not cover, in the caller's language" }) note?: string;
}

class FieldErrorDto {
  @ApiProperty({ example: 'title' }) path!: string;
  @ApiProperty({ example: 'title must not be blank' }) message!: string;
}

/** The one error shape of every operation (src/api/error.filter.ts): `{ status, code, message, …details }`. */
export class ErrorDto {
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({ example: 'GATE_BLOCKED', description: 'A code of the error table (src/common/domain-error.ts)' }) code!: string;
  @ApiProperty({ description: "What went wrong, in the caller's language" }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'VALIDATION_FAILED: each refused value' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ type: [GateFailureDto], description: 'GATE_BLOCKED: every unmet condition' }) failures?: GateFailureDto[];
}

class NamedOrganisationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class ObligationDto implements ObligationView {
  @ApiProperty({ example: 'ADVANCE' }) event!: string;
  @ApiProperty({ type: String, nullable: true }) ruleSet!: string | null;
  @ApiProperty() rule!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true, example: 'secretariat' }) responsible!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Sekretariat' }) responsibleTitle!: string | null;
  @ApiProperty({ type: [NamedOrganisationDto], description: 'The organisations that owe it' }) organisations!: NamedOrganisationDto[];
  @ApiProperty({ description: "The caller's organisation is among them" }) mine!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last day of the step the case is in' }) dueOn!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The item the line explains (a board, a party, …)' }) item!: Record<
    string,
    unknown
  > | null;
}

export class GateStatusDto implements GateStatusView {
  @ApiProperty({ example: 'ADVANCE' }) event!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: StepDto }) target!: StepDto;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: [ObligationDto] }) failures!: ObligationDto[];
}

export class CaseGatesDto implements CaseGatesView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [GateStatusDto] }) gates!: GateStatusDto[];
  @ApiProperty({ type: [ObligationDto], description: "The unmet conditions the caller's organisation owes" }) owedByMe!: ObligationDto[];
}

class NextDeadlineDto {
  @ApiProperty({ type: StepDto }) step!: StepDto;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty() workingDaysLeft!: number;
  @ApiProperty() overdue!: boolean;
}

class OwedDto {
  @ApiProperty({ example: 'ADVANCE' }) event!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true }) responsibleTitle!: string | null;
}

export class MyCaseDto extends OmitType(CaseSummaryDto, ['workflow'] as const) {
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ description: 'Past the deadline of a step it is in' }) stalled!: boolean;
  @ApiProperty({ type: NextDeadlineDto, nullable: true, description: 'The nearest deadline' }) deadline!: NextDeadlineDto | null;
  @ApiProperty({ type: [OwedDto], description: "What the caller's organisation still owes the case" }) owed!: OwedDto[];
}

export class MyCasesDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [MyCaseDto] }) items!: MyCaseDto[];
}
