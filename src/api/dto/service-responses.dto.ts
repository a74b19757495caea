import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SYSTEM_ROLES } from '../../definitions/roles.js';
import { TASK_KINDS } from '../../rules/task-kinds.js';
import { ESCALATION_STATUSES } from '../../escalations/escalation.entity.js';
import { BOARD_KINDS, ORGANISATION_KINDS } from '../../registry/organisation.entity.js';
import { CHANNELS, NOTIFICATION_STATUSES } from '../../notifications/notification.entity.js';
import { StepDto } from './responses.dto.js';

/*
 * Answers of the registry, access, workflow, escalation, outbox, health and web-interface
 * endpoints. The controllers declare these as their return types (see responses.dto.ts).
 */

const FACT_TYPES = ['number', 'boolean', 'string', 'string[]', 'object', 'object[]'];

export class BoardViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ example: 'Socialnämnden' }) name!: string;
  @ApiProperty({ enum: BOARD_KINDS }) kind!: string;
}

export class OrganisationViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Alvesta kommun' }) name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: '212000-0662' }) orgNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0764' }) municipalityCode!: string | null;
  @ApiPropertyOptional({ type: [BoardViewDto], description: 'Only when one organisation is asked for' }) boards?: BoardViewDto[];
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationViewDto] }) items!: OrganisationViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class PersonViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ description: 'The sign-in subject: to administrators and to the person themself' }) subject?: string;
  @ApiProperty({ example: 'Anna Svensson' }) name!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, description: 'To administrators only' }) email?: string | null;
  @ApiPropertyOptional({ enum: SYSTEM_ROLES, isArray: true, description: 'To administrators only' }) systemRoles?: string[];
}

export class PersonPageDto {
  @ApiProperty({ type: [PersonViewDto] }) items!: PersonViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class DeactivationDto {
  @ApiProperty({ type: PersonViewDto }) person!: PersonViewDto;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Cases whose roles changed' }) casesChanged!: string[];
}

export class TokenViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ example: 'admin' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class CreatedTokenDto extends TokenViewDto {
  @ApiProperty({ description: 'The token itself: in this answer only', example: 'svk_…' }) token!: string;
}

export class TokenPageDto {
  @ApiProperty({ type: [TokenViewDto] }) items!: TokenViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class WorkflowVersionDto {
  @ApiProperty({ example: 'samverkan' }) id!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Samverkan för samhällsutveckling' }) title!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ description: 'The newest version of the workflow' }) latest!: boolean;
}

export class LocalizedTextDto {
  @ApiProperty() sv!: string;
  @ApiProperty() en!: string;
}

export class PublishedWorkflowDto {
  @ApiProperty({ example: 'samverkan' }) id!: string;
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) description?: LocalizedTextDto;
  @ApiProperty() latest!: boolean;
}

export class DefinitionProblemDto {
  @ApiProperty({ example: 'workflows/samverkan.v2.json' }) file!: string;
  @ApiProperty({ example: '/states/goals/on/ADVANCE' }) pointer!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'file#pointer: message' }) text!: string;
}

export class ValidationVerdictDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [DefinitionProblemDto] }) problems!: DefinitionProblemDto[];
}

export class WorkflowDefinitionDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The workflow as published (schemas/workflow.schema.json)' }) definition!: object;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    description: 'The pinned rule sets by id (schemas/rule-set.schema.json)',
  })
  ruleSets!: Record<string, unknown>;
}

class FactDto {
  @ApiProperty({ example: 'filledFields' }) name!: string;
  @ApiProperty({ enum: FACT_TYPES }) type!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Parameters a condition must give, each explained' })
  params?: Record<string, string>;
  @ApiPropertyOptional({ type: [String], description: 'Fields of an item of a list of objects' }) itemFields?: string[];
  @ApiPropertyOptional({ enum: ['field', 'documentKind'], description: "What a condition's value names, which the workflow must declare" }) names?: string;
  @ApiProperty({ enum: TASK_KINDS, description: 'The kind of task that satisfies a condition on the fact (docs/facts.md, "Tasks")' }) task!: string;
}

class OperatorDto {
  @ApiProperty({ example: 'equal' }) name!: string;
  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string', enum: FACT_TYPES } },
      { type: 'string', enum: ['any'] },
    ],
    description: 'Fact types it works on',
  })
  factTypes!: string[] | 'any';
  @ApiProperty({ enum: ['same', 'number', 'array', 'boolean', 'element', 'any'], description: "What the condition's value must be" }) value!: string;
}

export class FactCatalogueDto {
  @ApiProperty({ type: [FactDto] }) facts!: FactDto[];
  @ApiProperty({ type: [OperatorDto] }) operators!: OperatorDto[];
}

class DatabaseStatusDto {
  @ApiProperty({ enum: ['postgresql', 'embedded'] }) kind!: string;
  @ApiProperty() up!: boolean;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: string;
  @ApiProperty({ type: DatabaseStatusDto }) database!: DatabaseStatusDto;
  @ApiProperty({ format: 'date-time', description: "The service's own time" }) time!: string;
}

class OidcDto {
  @ApiProperty({ format: 'uri' }) issuer!: string;
  @ApiProperty() clientId!: string;
}

export class UiConfigDto {
  @ApiProperty({ description: 'A development database with a development token' }) development!: boolean;
  @ApiProperty({ type: OidcDto, nullable: true }) oidc!: OidcDto | null;
  @ApiProperty({ type: [String], example: ['sv', 'en'] }) languages!: string[];
  @ApiProperty({ description: 'Where to report accessibility problems' }) accessibilityContact!: string;
}

class MePersonDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() name!: string;
}

class MeOrganisationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class MeDto {
  @ApiProperty({ type: MePersonDto }) person!: MePersonDto;
  @ApiProperty({ type: MeOrganisationDto }) organisation!: MeOrganisationDto;
  @ApiProperty({ type: [String], example: ['administrator'] }) systemRoles!: string[];
}

class CaseRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

class EscalationDeadlineDto {
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

class RecipientDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
}

class AcknowledgementDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() person!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

class DeliveryCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
}

class DeliveriesDto {
  @ApiProperty({ type: DeliveryCountsDto }) email!: DeliveryCountsDto;
  @ApiProperty({ type: DeliveryCountsDto }) webhook!: DeliveryCountsDto;
}

export class EscalationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CaseRefDto }) case!: CaseRefDto;
  @ApiProperty({ type: StepDto }) step!: StepDto;
  @ApiProperty({ description: 'Sequence number of the history event that entered the step' }) entrySeq!: number;
  @ApiProperty({ example: 'reminder' }) level!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() rung!: number;
  @ApiProperty({ enum: ESCALATION_STATUSES }) status!: string;
  @ApiProperty({ type: [String] }) notify!: string[];
  @ApiProperty({ format: 'date-time' }) fireAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firedAt!: string | null;
  @ApiProperty({ type: EscalationDeadlineDto }) deadline!: EscalationDeadlineDto;
  @ApiProperty({ type: [String] }) unfilledRoles!: string[];
  @ApiProperty({ type: [RecipientDto] }) recipients!: RecipientDto[];
  @ApiProperty({ type: AcknowledgementDto, nullable: true }) acknowledged!: AcknowledgementDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Sequence number of the history event that left the step' }) closedSeq!: number | null;
  @ApiProperty({ type: DeliveriesDto, description: 'Outbox messages of the level by channel and status: a delivery that is retrying shows as pending' })
  deliveries!: DeliveriesDto;
}

class EmailRecipientDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class NotificationViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) escalationId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ type: EmailRecipientDto, nullable: true }) recipient!: EmailRecipientDto | null;
  @ApiProperty({ type: String, format: 'uri', nullable: true, description: 'The webhook URL' }) target!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only for cases the caller may read' }) subject!: string | null;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveredVia!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items!: NotificationViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
