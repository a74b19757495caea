import { EntitySchema } from '@mikro-orm/postgresql';
import type { Sla } from '../definitions/workflow-types.js';

/**
 * The deadline of one stay of a case in a step that has an SLA. Written in the transaction that
 * enters the step, closed in the one that leaves it; never deleted (it is the record of how long
 * the step took against its SLA).
 */
export class DeadlineRecord {
  id!: string;
  caseId!: string;
  /** Dot path of the state, e.g. `goals` or `followUp.measure`. */
  stateId!: string;
  /** Sequence number of the history event that entered the state: identifies the stay. */
  entrySeq!: number;
  enteredAt!: Date;
  sla!: Sla;
  /** The SLA's last day (Stockholm). */
  dueOn!: string;
  /** The instant the deadline passes. */
  dueAt!: Date;
  closedAt!: Date | null;
  /** Sequence number of the history event that left the state. */
  closedSeq!: number | null;
}

export const DeadlineSchema = new EntitySchema<DeadlineRecord>({
  class: DeadlineRecord,
  tableName: 'deadlines',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: { type: 'uuid' },
    stateId: { type: 'text' },
    entrySeq: { type: 'integer' },
    enteredAt: { type: 'datetime', columnType: 'timestamptz' },
    sla: { type: 'json', columnType: 'jsonb' },
    dueOn: { type: 'string', columnType: 'date' },
    dueAt: { type: 'datetime', columnType: 'timestamptz' },
    closedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    closedSeq: { type: 'integer', nullable: true },
  },
});
