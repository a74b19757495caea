import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * Where an escalation level is in its life:
 * - `scheduled`: planned when the case entered the step; fires at `fireAt`;
 * - `open`: fired (recipients told), waiting for a manager's acknowledgement;
 * - `acknowledged`: a manager has seen it; the case is still in the step;
 * - `closed`: the case has left the step (after it fired);
 * - `cancelled`: the case left the step before it fired.
 */
export const ESCALATION_STATUSES = ['scheduled', 'open', 'acknowledged', 'closed', 'cancelled'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/**
 * One level of a step's escalation ladder for one stay of a case in the step. Created `scheduled`
 * with the deadline, so the ladder is planned once, in the transaction that enters the step; the
 * unique key (case, entry, state, level) makes a level exist once per stay, and the status change
 * `scheduled → open` under the case lock makes it fire once.
 */
export class EscalationRecord {
  id!: string;
  deadlineId!: string;
  caseId!: string;
  stateId!: string;
  entrySeq!: number;
  /** The level's name in the ladder, e.g. `reminder`. */
  level!: string;
  /** Position in the ladder, from 0. */
  rung!: number;
  /** Roles on the case to tell, as the ladder said when the step was entered. */
  notify!: string[];
  fireAt!: Date;
  status!: EscalationStatus;
  /** A scheduler instance holds the level until then (see the escalation job); null when free. */
  claimedUntil!: Date | null;
  firedAt!: Date | null;
  /** Roles named by the level that nobody held when it fired. */
  unfilledRoles!: string[] | null;
  acknowledgedAt!: Date | null;
  acknowledgedByPerson!: string | null;
  acknowledgedByOrganisation!: string | null;
  acknowledgementComment!: string | null;
  closedAt!: Date | null;
  /** Sequence number of the history event that left the step. */
  closedSeq!: number | null;
}

export const EscalationSchema = new EntitySchema<EscalationRecord>({
  class: EscalationRecord,
  tableName: 'escalations',
  properties: {
    id: { type: 'uuid', primary: true },
    deadlineId: { type: 'uuid' },
    caseId: { type: 'uuid' },
    stateId: { type: 'text' },
    entrySeq: { type: 'integer' },
    level: { type: 'text' },
    rung: { type: 'integer' },
    notify: { type: 'json', columnType: 'jsonb' },
    fireAt: { type: 'datetime', columnType: 'timestamptz' },
    status: { type: 'text' },
    claimedUntil: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    firedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    unfilledRoles: { type: 'json', columnType: 'jsonb', nullable: true },
    acknowledgedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    acknowledgedByPerson: { type: 'text', nullable: true },
    acknowledgedByOrganisation: { type: 'text', nullable: true },
    acknowledgementComment: { type: 'text', nullable: true },
    closedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    closedSeq: { type: 'integer', nullable: true },
  },
});

/**
 * A person told of an escalation: resolved from the roles on the case when the level fired. Their
 * in-app inbox (`GET /me/escalations`) is these rows; one per person and level, whatever roles
 * they hold.
 */
export class EscalationRecipientRecord {
  escalationId!: string;
  personId!: string;
  /** The level's roles this person held on the case when it fired. */
  roles!: string[];
  organisationId!: string;
}

export const EscalationRecipientSchema = new EntitySchema<EscalationRecipientRecord>({
  class: EscalationRecipientRecord,
  tableName: 'escalation_recipients',
  properties: {
    escalationId: { type: 'uuid', primary: true },
    personId: { type: 'uuid', primary: true },
    roles: { type: 'json', columnType: 'jsonb' },
    organisationId: { type: 'uuid' },
  },
});
