import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * The first answer to a request sent with an `Idempotency-Key`, stored in the same transaction as
 * the change it answered, so a retry gets the same answer and changes nothing.
 */
export class IdempotencyRecord {
  /** Whose key: keys are scoped to the caller (person + organisation). */
  scope!: string;
  key!: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  requestHash!: string;
  status!: number;
  body!: string;
  etag!: string | null;
  createdAt!: Date;
}

export const IdempotencySchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'idempotency_keys',
  properties: {
    scope: { type: 'text', primary: true },
    key: { type: 'text', primary: true },
    requestHash: { type: 'text' },
    status: { type: 'integer' },
    body: { type: 'text' },
    etag: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
