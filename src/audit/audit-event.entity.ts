import { EntitySchema } from '@mikro-orm/postgresql';

/** Who acted: a person for an organisation, or the system (the scheduler). */
export interface AuditActor {
  kind: 'person' | 'system';
  person: string;
  organisation: string;
}

/**
 * One entry of a case's history. Append-only: the database refuses UPDATE, DELETE and TRUNCATE
 * (see the first migration). Entries are hash-chained per case: `hash` covers the entry and
 * `prevHash`, so changing any stored entry breaks the chain from there on. Since signing began,
 * each entry also carries an HMAC of its hash with a key the database does not hold (`signatureKeyId`
 * names the key), so the chain cannot be recomputed by someone who can only write to the database.
 */
export class AuditEventRecord {
  caseId!: string;
  seq!: number;
  type!: string;
  occurredAt!: Date;
  actorKind!: AuditActor['kind'];
  actorPerson!: string;
  actorOrganisation!: string;
  payload!: Record<string, unknown>;
  prevHash!: string | null;
  hash!: string;
  /** Id of the key that signed the entry; null for entries written before signing began. */
  signatureKeyId!: string | null;
  /** HMAC-SHA256 of `hash` (hex); null for entries written before signing began. */
  signature!: string | null;
}

export const AuditEventSchema = new EntitySchema<AuditEventRecord>({
  class: AuditEventRecord,
  tableName: 'audit_events',
  properties: {
    caseId: { type: 'uuid', primary: true },
    seq: { type: 'integer', primary: true },
    type: { type: 'text' },
    occurredAt: { type: 'datetime', columnType: 'timestamptz' },
    actorKind: { type: 'text' },
    actorPerson: { type: 'text' },
    actorOrganisation: { type: 'text' },
    payload: { type: 'json', columnType: 'jsonb' },
    prevHash: { type: 'text', nullable: true },
    hash: { type: 'text' },
    signatureKeyId: { type: 'text', nullable: true },
    signature: { type: 'text', nullable: true },
  },
});
