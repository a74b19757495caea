import { EntitySchema } from '@mikro-orm/postgresql';
import type { CaseState } from './case-engine.js';

/** A value the secretariat records in a case field. */
export type FieldValue = string | number | boolean;

/**
 * One collaboration (samverkan): a case running through a pinned workflow version.
 *
 * `version` counts the case's audit events: every command bumps it by one and appends one event,
 * so `version` is also the sequence number of the newest event, and `headHash` that event's hash.
 */
export class CaseRecord {
  id!: string;
  workflowId!: string;
  workflowVersion!: number;
  title!: string;
  state!: CaseState;
  /** Dot paths of every active state, for filtering by step. */
  activeStates!: string[];
  status!: 'active' | 'closed';
  fields!: Record<string, FieldValue>;
  version!: number;
  headHash!: string;
  stateEnteredAt!: Date;
  createdAt!: Date;
  updatedAt!: Date;
  createdByPerson!: string;
  createdByOrganisation!: string;
}

export const CaseSchema = new EntitySchema<CaseRecord>({
  class: CaseRecord,
  tableName: 'cases',
  properties: {
    id: { type: 'uuid', primary: true },
    workflowId: { type: 'text' },
    workflowVersion: { type: 'integer' },
    title: { type: 'text' },
    state: { type: 'json', columnType: 'jsonb' },
    activeStates: { type: 'text[]', columnType: 'text[]' },
    status: { type: 'text' },
    fields: { type: 'json', columnType: 'jsonb' },
    version: { type: 'integer' },
    headHash: { type: 'text' },
    stateEnteredAt: { type: 'datetime', columnType: 'timestamptz' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
    createdByPerson: { type: 'text' },
    createdByOrganisation: { type: 'text' },
  },
});
