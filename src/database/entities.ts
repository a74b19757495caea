import { ApiTokenSchema } from '../access/api-token.entity.js';
import { AuditEventSchema } from '../audit/audit-event.entity.js';
import { CaseSchema } from '../cases/case.entity.js';
import { IdempotencySchema } from '../cases/idempotency.entity.js';
import { DeadlineSchema } from '../deadlines/deadline.entity.js';
import { EscalationRecipientSchema, EscalationSchema } from '../escalations/escalation.entity.js';
import { WorkflowDefinitionSchema } from '../definitions/workflow-definition.entity.js';
import { BoardDecisionSchema, DecisionPointSchema } from '../governance/decision.entity.js';
import { DocumentFileSchema, DocumentSchema, SignatureSchema } from '../governance/document.entity.js';
import { GoalSchema, MeasurementSchema } from '../governance/goal.entity.js';
import { BoardSchema, OrganisationSchema, PersonSchema } from '../registry/organisation.entity.js';
import { CasePartySchema, CaseRoleSchema, ChairRotationSchema } from '../cases/party.entity.js';
import { ActionSchema, ResourceCommitmentSchema } from '../governance/work.entity.js';
import { NotificationSchema } from '../notifications/notification.entity.js';

/** Every entity the ORM knows. A new table's schema is added here and in a migration. */
export const ENTITIES = [
  WorkflowDefinitionSchema,
  CaseSchema,
  AuditEventSchema,
  IdempotencySchema,
  OrganisationSchema,
  BoardSchema,
  PersonSchema,
  CasePartySchema,
  CaseRoleSchema,
  ChairRotationSchema,
  DecisionPointSchema,
  BoardDecisionSchema,
  GoalSchema,
  MeasurementSchema,
  ResourceCommitmentSchema,
  ActionSchema,
  DocumentSchema,
  DocumentFileSchema,
  SignatureSchema,
  ApiTokenSchema,
  DeadlineSchema,
  EscalationSchema,
  EscalationRecipientSchema,
  NotificationSchema,
];
