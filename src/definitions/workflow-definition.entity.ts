import { EntitySchema } from '@mikro-orm/postgresql';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import type { WorkflowFile } from './workflow-types.js';

/**
 * A published workflow version with the rule sets it was published with. Cases pin to a row
 * here, so a case keeps running on exactly the definition it started on even if the files change
 * or disappear.
 */
export class WorkflowDefinitionRecord {
  workflowId!: string;
  version!: number;
  definition!: WorkflowFile;
  ruleSets!: Record<string, RuleSetFile>;
  hash!: string;
  rulesHash!: string;
  publishedAt!: Date;
}

export const WorkflowDefinitionSchema = new EntitySchema<WorkflowDefinitionRecord>({
  class: WorkflowDefinitionRecord,
  tableName: 'workflow_definitions',
  properties: {
    workflowId: { type: 'text', primary: true },
    version: { type: 'integer', primary: true },
    definition: { type: 'json', columnType: 'jsonb' },
    ruleSets: { type: 'json', columnType: 'jsonb' },
    hash: { type: 'text' },
    rulesHash: { type: 'text' },
    publishedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
