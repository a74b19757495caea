import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyRecord } from './idempotency.entity.js';

/** An answer as sent: status and the exact body text, so a replay is byte for byte the same. */
export interface StoredResponse {
  status: number;
  body: string;
  /** The case version after the command, sent as `ETag`. */
  etag: string | null;
}

/** A request's idempotency key and the fingerprint of its method, path and body. */
export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

/**
 * The stored first answer for this key, if any.
 * @throws DomainError IDEMPOTENCY_KEY_REUSED when the key was used for a different request
 */
export async function findReplay(em: EntityManager, request: IdempotencyRequest): Promise<StoredResponse | undefined> {
  const row = await em.findOne(IdempotencyRecord, { scope: request.scope, key: request.key });
  if (!row) return undefined;
  if (row.requestHash !== request.requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', {
      sv: `Idempotency-Key "${request.key}" har redan använts för en annan begäran. Använd en ny nyckel för en ny begäran.`,
      en: `the Idempotency-Key "${request.key}" was already used for a different request; use a new key for a new request`,
    });
  }
  return { status: row.status, body: row.body, etag: row.etag };
}

/** Stores the first answer in the command's transaction. A concurrent duplicate fails at commit. */
export function remember(em: EntityManager, request: IdempotencyRequest, response: StoredResponse, now: Date): void {
  em.create(IdempotencyRecord, { ...request, status: response.status, body: response.body, etag: response.etag, createdAt: now });
}
