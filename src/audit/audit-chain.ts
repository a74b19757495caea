import { canonicalJson, sha256 } from '../common/canonical-json.js';
import type { AuditActor } from './audit-event.entity.js';

/** The parts of a history entry that its hash covers. */
export interface ChainedEvent {
  caseId: string;
  seq: number;
  type: string;
  occurredAt: Date;
  actor: AuditActor;
  payload: Record<string, unknown>;
  prevHash: string | null;
}

/**
 * The hash of a history entry: SHA-256 over the canonical JSON (RFC 8785) of the entry including
 * the previous entry's hash. Pure. Changing any covered field, or the order, changes the hash.
 */
export function hashEvent(event: ChainedEvent): string {
  return sha256(
    canonicalJson({
      caseId: event.caseId,
      seq: event.seq,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      actor: event.actor,
      payload: event.payload,
      prevHash: event.prevHash,
    }),
  );
}

/** The verdict on a case's history. */
export type ChainVerdict =
  | { valid: true; events: number }
  | { valid: false; events: number; firstBrokenEvent: number; reason: string };

/**
 * Checks a case's history, given in order, against itself and against the case's own record of
 * how many events it has and the hash of the newest (so removing entries at the end is seen too).
 * Pure.
 */
export function verifyChain(
  events: ReadonlyArray<ChainedEvent & { hash: string }>,
  head: { version: number; headHash: string },
): ChainVerdict {
  let prevHash: string | null = null;
  for (const [i, event] of events.entries()) {
    const expectedSeq = i + 1;
    const broken = (reason: string): ChainVerdict => ({ valid: false, events: events.length, firstBrokenEvent: expectedSeq, reason });
    if (event.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing (found event ${event.seq} in its place)`);
    if (event.prevHash !== prevHash) return broken(`event ${expectedSeq} does not point to the hash of event ${expectedSeq - 1}`);
    if (hashEvent(event) !== event.hash) return broken(`event ${expectedSeq} was changed after it was written (its hash does not match its content)`);
    prevHash = event.hash;
  }
  if (events.length !== head.version || prevHash !== head.headHash) {
    const first = Math.min(events.length, head.version) + 1;
    return {
      valid: false,
      events: events.length,
      firstBrokenEvent: first,
      reason: `the case records ${head.version} events ending in hash ${head.headHash.slice(0, 12)}…, but the history holds ${events.length}`,
    };
  }
  return { valid: true, events: events.length };
}
