import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { type ChainVerdict, hashEvent, verifyChain } from './audit-chain.js';
import { AuditEventRecord } from './audit-event.entity.js';
import { HISTORY_SIGNER } from './history-keys.js';
import type { HistorySigner } from './history-signing.js';
import { jsonForm } from './json-form.js';

/** What a command appends to its case's history. */
export interface NewAuditEvent {
  type: string;
  actor: Actor;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/**
 * The case history: appending (inside the command's transaction), reading and verifying.
 */
/**
 * The head of a case's history as the case row keeps it: the last event's number and hash. The
 * case entity has this shape; the history module, below the cases, names only the shape.
 */
export interface HistoryHead {
  id: string;
  version: number;
  headHash: string;
  updatedAt: Date;
}

@Injectable()
export class AuditService {
  constructor(@Inject(HISTORY_SIGNER) private readonly signer: HistorySigner) {}

  /**
   * Appends the next event of a case and advances the case's head (`version`, `headHash`).
   *
   * Runs inside the caller's transaction, on a case the caller has locked (`FOR UPDATE`), so the
   * sequence number and previous hash cannot race. Call exactly once per command; the caller
   * flushes. The new event's `seq` equals the case's new `version`.
   *
   * The payload is first brought to its JSON form (`jsonForm`), and that form is both hashed and
   * stored: the hash recomputed from the stored row is the hash written. The hash is signed with
   * the current signing key.
   *
   * @throws DomainError VALIDATION_FAILED for text that is not valid Unicode (a lone surrogate)
   */
  append(em: EntityManager, record: HistoryHead, event: NewAuditEvent, isNewCase = false): AuditEventRecord {
    const seq = isNewCase ? 1 : record.version + 1;
    const prevHash = isNewCase ? null : record.headHash;
    const { type, actor, payload } = jsonForm({
      type: event.type,
      actor: { kind: event.actor.kind, person: event.actor.person, organisation: event.actor.organisation },
      payload: event.payload,
    }) as Pick<AuditEventRecord, 'type' | 'payload'> & { actor: { kind: AuditEventRecord['actorKind']; person: string; organisation: string } };
    const hash = hashEvent({ caseId: record.id, seq, type, occurredAt: event.occurredAt, actor, payload, prevHash });
    const { keyId, signature } = this.signer.sign(hash);
    const entry = em.create(AuditEventRecord, {
      caseId: record.id,
      seq,
      type,
      occurredAt: event.occurredAt,
      actorKind: actor.kind,
      actorPerson: actor.person,
      actorOrganisation: actor.organisation,
      payload,
      prevHash,
      hash,
      signatureKeyId: keyId,
      signature,
    });
    record.version = seq;
    record.headHash = hash;
    record.updatedAt = event.occurredAt;
    return entry;
  }

  /** A case's events in order. */
  async history(em: EntityManager, caseId: string, range: { after?: number; limit?: number } = {}): Promise<AuditEventRecord[]> {
    return em.find(AuditEventRecord, { caseId, seq: { $gt: range.after ?? 0 } }, { orderBy: { seq: 'asc' }, ...(range.limit ? { limit: range.limit } : {}) });
  }

  /** The chain verdict on a case's events, read in order, against its head; checks every signature. */
  verifyEvents(events: readonly AuditEventRecord[], head: Pick<HistoryHead, 'version' | 'headHash'>): ChainVerdict {
    return verifyChain(
      events.map((e) => ({
        caseId: e.caseId,
        seq: e.seq,
        type: e.type,
        occurredAt: e.occurredAt,
        actor: { kind: e.actorKind, person: e.actorPerson, organisation: e.actorOrganisation },
        payload: e.payload,
        prevHash: e.prevHash,
        hash: e.hash,
        signature: e.signatureKeyId !== null && e.signature !== null ? { keyId: e.signatureKeyId, signature: e.signature } : null,
      })),
      head,
      (hash, signature) => this.signer.check(hash, signature),
    );
  }
}
