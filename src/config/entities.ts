import { AuditEventSchema } from '../audit/audit-event.entity.js';
import { CaseSchema } from '../cases/case.entity.js';
import { IdempotencySchema } from '../cases/idempotency.entity.js';
import { WorkflowDefinitionSchema } from '../definitions/workflow-definition.entity.js';

/** Every entity the ORM knows. A new table's schema is added here and in a migration. */
export const ENTITIES = [WorkflowDefinitionSchema, CaseSchema, AuditEventSchema, IdempotencySchema];
