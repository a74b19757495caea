import { EntitySchema } from '@mikro-orm/postgresql';

export const RESOURCE_KINDS = ['money', 'staff', 'premises', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A party's commitment of resources: money (SEK), staff (FTE), premises, other. */
export class ResourceCommitmentRecord {
  id!: string;
  caseId!: string;
  organisationId!: string;
  kind!: ResourceKind;
  amount!: number | null;
  /** "SEK", "FTE", "m²", … */
  unit!: string | null;
  description!: string | null;
  periodStart!: string | null;
  periodEnd!: string | null;
  createdAt!: Date;
}

export const ResourceCommitmentSchema = new EntitySchema<ResourceCommitmentRecord>({
  class: ResourceCommitmentRecord,
  tableName: 'resource_commitments',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    organisationId: { type: 'uuid' },
    kind: { type: 'text' },
    amount: { type: 'double', columnType: 'double precision', nullable: true },
    unit: { type: 'text', nullable: true },
    description: { type: 'text', nullable: true },
    periodStart: { type: 'string', columnType: 'date', nullable: true },
    periodEnd: { type: 'string', columnType: 'date', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

export const ACTION_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * An action of the action plan: a responsible party, a due date, a status, and (Borås) the
 * subgroup of parties that work on it.
 */
export class ActionRecord {
  id!: string;
  caseId!: string;
  title!: string;
  responsibleOrganisationId!: string | null;
  dueDate!: string | null;
  status!: ActionStatus;
  subgroup!: string[];
  goalId!: string | null;
  createdAt!: Date;
}

export const ActionSchema = new EntitySchema<ActionRecord>({
  class: ActionRecord,
  tableName: 'actions',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    title: { type: 'text' },
    responsibleOrganisationId: { type: 'uuid', nullable: true },
    dueDate: { type: 'string', columnType: 'date', nullable: true },
    status: { type: 'text' },
    subgroup: { type: 'json', columnType: 'jsonb' },
    goalId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
