import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { CaseGatesView, CaseTaskView, GateStatusView, ObligationView } from '../../cases/case-gates.js';
import type { TaskBoardView, TaskView } from '../../cases/task-view.js';
import { TASK_KINDS, TASK_STATUSES, type TaskKind, type TaskStatus } from '../../rules/task-kinds.js';
import type {
  AllowedEventView,
  CaseSummaryView,
  CaseView,
  DeadlineView,
  DeclaredFieldView,
  DocumentKindView,
  GateFailureView,
  StepView,
} from '../../cases/case-view.js';
import { FIELD_TYPES, type FieldType } from '../../rules/vocabulary.js';
import type { ChangeInWords, HistorySummary } from '../../governance/history-summary.js';

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

export class DeclaredFieldDto implements DeclaredFieldView {
  @ApiProperty({ example: 'continuationPlan', description: 'The key, as in `fields` and in PATCH /cases/{id}/fields' }) key!: string;
  @ApiProperty({ enum: FIELD_TYPES, example: 'longText', description: 'text (one line), longText, date (YYYY-MM-DD), number or boolean' }) type!: FieldType;
  @ApiProperty({ example: 'Plan för fortsättningen' }) label!: string;
  @ApiPropertyOptional({ example: 'Hur hålls arbetet vid liv när projektet är slut?' }) help?: string;
  @ApiProperty({ anyOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }], description: 'The value recorded; null while empty' })
  value!: string | number | boolean | null;
}

export class DocumentKindDto implements DocumentKindView {
  @ApiProperty({ example: 'declarationOfIntent', description: "The key, as in a document's `kind`" }) key!: string;
  @ApiProperty({ example: 'Avsiktsförklaring' }) label!: string;
  @ApiPropertyOptional() help?: string;
  @ApiProperty({ description: 'Whether the workflow declares the kind (its gates or forms use it); the others have a default label' }) declared!: boolean;
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
    description: 'The case fields: texts, numbers and yes/no values by key (declared ones and any others recorded)',
  })
  fields!: Record<string, unknown>;
  @ApiProperty({ type: [DeclaredFieldDto], description: 'The fields the workflow declares, in its order, with label, help and value' })
  declaredFields!: DeclaredFieldDto[];
  @ApiProperty({
    type: [DocumentKindDto],
    description: 'Every kind a document can have: those the workflow declares first (its label and help), then the others',
  })
  documentKinds!: DocumentKindDto[];
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

class KeyLabelDto {
  @ApiProperty({ example: 'continuationPlan' }) key!: string;
  @ApiProperty({ example: 'Plan för fortsättningen' }) label!: string;
}

class RoleRefDto {
  @ApiProperty({ example: 'secretariat' }) key!: string;
  @ApiProperty({ example: 'Sekretariat' }) title!: string;
}

class PartyRefDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation' }) id!: string;
  @ApiProperty({ example: 'Alvesta kommun' }) name!: string;
}

class TaskSubjectDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id!: string | null;
  @ApiProperty() title!: string;
}

export class TaskBoardDto implements TaskBoardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Alvesta kommun – socialnämnden' }) label!: string;
  @ApiProperty({ format: 'uuid', description: "The board's organisation" }) organisation!: string;
  @ApiPropertyOptional({ example: 'none', description: "Its decision's status: none, proposed, decided, minutesApproved, announced, appealed, rejected" })
  status?: string;
  @ApiPropertyOptional({ example: 'inget beslut' }) statusText?: string;
  @ApiPropertyOptional({ example: '14–16', description: 'Word positions in the reference text where its decision differs' }) words?: string;
  @ApiPropertyOptional({ example: 'och förebyggande', description: "The reference's words its decision lacks" }) missingWords?: string;
  @ApiPropertyOptional({ description: 'The words its decision has in their place' }) extraWords?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The first day its decision can be final; null when nobody knows (appealed)',
  })
  finalFrom?: string | null;
}

/** What would satisfy a gate condition (docs/facts.md, "Tasks"). */
export class TaskDto implements TaskView {
  @ApiProperty({ enum: TASK_KINDS, example: 'setField', description: 'What kind of task: which form satisfies it' }) kind!: TaskKind;
  @ApiProperty({ example: 'Fyll i "Plan för fortsättningen"', description: "What to do, in the caller's language" }) title!: string;
  @ApiProperty({ enum: TASK_STATUSES, example: 'notStarted' }) status!: TaskStatus;
  @ApiProperty({ example: 'Ej påbörjad', description: 'The status in words (Ej påbörjad, Pågår, Väntar på annan part, Klar)' }) statusText!: string;
  @ApiProperty({ type: String, nullable: true, example: 'filledFields', description: 'The fact the task comes from; null for a guard' }) fact!: string | null;
  @ApiPropertyOptional({ type: [KeyLabelDto], description: 'setField: the field(s)' }) fields?: KeyLabelDto[];
  @ApiPropertyOptional({ type: [KeyLabelDto], description: 'registerDocument, signDocument: the document kind(s)' }) documentKinds?: KeyLabelDto[];
  @ApiPropertyOptional({ description: 'With several fields or kinds: one of them will do' }) anyOf?: boolean;
  @ApiPropertyOptional({ type: RoleRefDto, description: 'assignRole: the role' }) role?: RoleRefDto;
  @ApiPropertyOptional({ enum: ['leads', 'decides', 'contributes'], description: 'addParty: the responsibility a party is wanted for' })
  responsibility?: string;
  @ApiPropertyOptional({ example: 'N03937', description: 'addGoal: the Kolada KPI' }) kpi?: string;
  @ApiPropertyOptional({ example: 'joint-agreement', description: 'setUpDecisionPoint, recordDecision: the decision point' }) decisionPoint?: string;
  @ApiPropertyOptional({ type: PartyRefDto, description: 'The party the task is about' }) party?: PartyRefDto;
  @ApiPropertyOptional({ type: TaskBoardDto, description: 'recordDecision: the board this line is about' }) board?: TaskBoardDto;
  @ApiPropertyOptional({
    type: [TaskBoardDto],
    description:
      'recordDecision, for a condition explained as a whole (no each): every board still missing, differing or not final; with each, one task per board',
  })
  boards?: TaskBoardDto[];
  @ApiPropertyOptional({
    type: [PartyRefDto],
    description: 'signDocument, for a condition explained as a whole (no each): every party that still has to sign; with each, one task per party',
  })
  signers?: PartyRefDto[];
  @ApiPropertyOptional({ type: [String], description: 'signDocument: ids of the documents of the kind that can be signed (confidential ones are not listed)' })
  documents?: string[];
  @ApiPropertyOptional({ type: TaskSubjectDto, description: 'completeGoal, recordMeasurement: the goal' }) goal?: TaskSubjectDto;
  @ApiPropertyOptional({ type: TaskSubjectDto, description: 'updateAction: the action' }) action?: TaskSubjectDto;
  @ApiPropertyOptional({ example: 'utgångsvärde, målvärde', description: 'What a goal or action lacks, in words' }) missing?: string;
}

export class GateFailureDto implements GateFailureView {
  @ApiProperty({ nullable: true, type: String, example: 'actors-gathered' }) ruleSet!: string | null;
  @ApiProperty({ example: 'arena-described' }) rule!: string;
  @ApiProperty({ example: 'Ingen arena (forum) är beskriven: fyll i "Arena (forum)".' }) message!: string;
  @ApiPropertyOptional({ example: 'secretariat' }) responsible?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts!: Record<string, unknown>;
  @ApiProperty({ type: TaskDto, description: 'What would satisfy the condition; its status as the facts say' }) task!: TaskDto;
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

class ChangeInWordsDto implements ChangeInWords {
  @ApiProperty({ example: 'Arena (forum)', description: 'What changed, by its label' }) label!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Before, in words; null: none (added)' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Samverkansforum', description: 'After, in words; null: none (removed)' }) to!: string | null;
}

/** A history event in words (src/governance/history-summary.ts). */
export class HistorySummaryDto implements HistorySummary {
  @ApiProperty({ example: 'Maria Nilsson, Region Kronoberg', description: 'Who: a person by name and organisation, or the system' }) who!: string;
  @ApiProperty({ example: 'Part lades till', description: 'The kind of event, in words' }) what!: string;
  @ApiProperty({
    example: 'Maria Nilsson, Region Kronoberg lade till Växjö kommun som part (beslutar, bidrar).',
    description: 'One sentence saying who did what',
  })
  text!: string;
  @ApiProperty({ type: [ChangeInWordsDto], description: 'Only the properties that changed, with labels and values in words' }) changes!: ChangeInWordsDto[];
}

export class HistoryEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'case.transitioned' }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as recorded, for machines (ids, raw values)' }) payload!: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: HistorySummaryDto, description: "The event in words, in the caller's language" }) summary!: HistorySummaryDto;
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
  @ApiProperty({ type: TaskDto, description: 'What would satisfy it; its status for the caller (waitingForOthers when another organisation owes it)' })
  task!: TaskDto;
}

export class CaseTaskDto extends TaskDto implements CaseTaskView {
  @ApiProperty({ type: String, nullable: true, example: 'actors-gathered' }) ruleSet!: string | null;
  @ApiProperty({ example: 'arena-described' }) rule!: string;
  @ApiProperty({ type: String, nullable: true, description: "The condition's message while unmet; null when done" }) message!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'secretariat' }) responsible!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Sekretariat' }) responsibleTitle!: string | null;
  @ApiProperty({ type: [NamedOrganisationDto], description: 'The organisations that owe it (none when done)' }) owedBy!: NamedOrganisationDto[];
  @ApiProperty({ description: "The caller's organisation is among them" }) mine!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last day of the step the gate leads out of; null when done' }) dueOn!:
    | string
    | null;
}

export class GateStatusDto implements GateStatusView {
  @ApiProperty({ example: 'ADVANCE' }) event!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: StepDto }) target!: StepDto;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: [ObligationDto] }) failures!: ObligationDto[];
  @ApiProperty({ type: [CaseTaskDto], description: 'The gate as a task list: every condition in file order, unmet (one per item) and done' })
  tasks!: CaseTaskDto[];
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
  @ApiProperty({ format: 'date-time', description: 'The instant the deadline passes: the end of the last day, or the hour of an SLA in hours' })
  dueAt!: string;
  @ApiProperty() workingDaysLeft!: number;
  @ApiProperty() overdue!: boolean;
}

class OwedDto {
  @ApiProperty({ example: 'ADVANCE' }) event!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, nullable: true }) responsibleTitle!: string | null;
}

class FiredEscalationDto {
  @ApiProperty({ example: 'manager', description: "The level's name in the step's escalation ladder" }) level!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Eskalering till chef', description: "The level's title in the caller's language" }) title!:
    | string
    | null;
  @ApiProperty({ enum: ['open', 'acknowledged'], description: 'Open: waiting for acknowledgement; acknowledged: seen, the case still in the step' })
  status!: 'open' | 'acknowledged';
  @ApiProperty({ format: 'date-time' }) firedAt!: string;
}

export class MyCaseDto extends OmitType(CaseSummaryDto, ['workflow'] as const) {
  @ApiProperty({ type: WorkflowRefDto }) workflow!: WorkflowRefDto;
  @ApiProperty({ description: 'Past the deadline of a step it is in' }) stalled!: boolean;
  @ApiProperty({
    type: FiredEscalationDto,
    nullable: true,
    description: 'The highest escalation level that has fired in the steps the case is in now (open or acknowledged); null when none has',
  })
  escalation!: FiredEscalationDto | null;
  @ApiProperty({ type: NextDeadlineDto, nullable: true, description: 'The nearest deadline' }) deadline!: NextDeadlineDto | null;
  @ApiProperty({ type: [OwedDto], description: "What the caller's organisation still owes the case" }) owed!: OwedDto[];
}

export class MyCasesDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [MyCaseDto] }) items!: MyCaseDto[];
}
