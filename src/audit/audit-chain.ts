import { canonicalJson, sha256 } from '../common/canonical-json.js';
import type { LocalizedText } from '../common/i18n.js';
import type { AuditActor } from './audit-event.entity.js';
import type { EventSignature, SignatureCheck } from './history-signing.js';

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

/** A stored entry: its hash and, from events written since signing began, its signature. */
export interface StoredChainedEvent extends ChainedEvent {
  hash: string;
  signature?: EventSignature | null;
}

/**
 * The hash of a history entry: SHA-256 over the canonical JSON (RFC 8785) of the entry including
 * the previous entry's hash. Pure. Changing any covered field, or the order, changes the hash.
 * The payload must be in its JSON form (see `jsonForm`), as it is stored.
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

/** The verdict on a case's history; `reason` and `note` in Swedish and English. */
export type ChainVerdict =
  | { valid: true; events: number; unsignedEvents?: number; note?: LocalizedText }
  | { valid: false; events: number; firstBrokenEvent?: number; reason: LocalizedText };

/** Checks one signature; see `historySigner`. */
export type SignatureChecker = (hash: string, signature: EventSignature) => SignatureCheck;

/**
 * Checks a case's history, given in order, against itself, against the case's own record of how
 * many events it has and the hash of the newest (so removing entries at the end is seen too), and
 * each event's signature. Events without a signature are accepted only before the first signed
 * one (written before signing began): the verdict counts them. Pure.
 */
export function verifyChain(
  events: readonly StoredChainedEvent[],
  head: { version: number; headHash: string },
  checkSignature: SignatureChecker,
): ChainVerdict {
  let prevHash: string | null = null;
  let unsigned = 0;
  let signedSeen = false;
  for (const [i, event] of events.entries()) {
    const n = i + 1;
    const broken = (sv: string, en: string): ChainVerdict => ({ valid: false, events: events.length, firstBrokenEvent: n, reason: { sv, en } });
    if (event.seq !== n)
      return broken(`händelse ${n} saknas (händelse ${event.seq} står på dess plats)`, `event ${n} is missing (found event ${event.seq} in its place)`);
    if (event.prevHash !== prevHash)
      return broken(`händelse ${n} pekar inte på hashen för händelse ${n - 1}`, `event ${n} does not point to the hash of event ${n - 1}`);
    if (hashEvent(event) !== event.hash)
      return broken(
        `händelse ${n} har ändrats efter att den skrevs (hashen stämmer inte med innehållet)`,
        `event ${n} was changed after it was written (its hash does not match its content)`,
      );
    if (event.signature) {
      const check = checkSignature(event.hash, event.signature);
      if (check === 'unknownKey') {
        return broken(
          `händelse ${n} är signerad med nyckeln "${event.signature.keyId}", som tjänsten inte känner till (en äldre nyckel hör hemma i HISTORY_SIGNING_KEYS_OLD)`,
          `event ${n} is signed with key "${event.signature.keyId}", which the service does not know (an older key belongs in HISTORY_SIGNING_KEYS_OLD)`,
        );
      }
      if (check === 'invalid') {
        return broken(
          `händelse ${n} har en signatur som inte stämmer: den har skrivits eller ändrats av någon utan signeringsnyckeln`,
          `event ${n} carries a signature that does not match: it was written or changed by someone without the signing key`,
        );
      }
      signedSeen = true;
    } else if (signedSeen) {
      return broken(
        `händelse ${n} saknar signatur fast tidigare händelser är signerade: den har lagts till eller ändrats förbi tjänsten`,
        `event ${n} is not signed although earlier events are: it was added or changed behind the service's back`,
      );
    } else {
      unsigned++;
    }
    prevHash = event.hash;
  }
  if (events.length !== head.version || prevHash !== head.headHash) {
    return {
      valid: false,
      events: events.length,
      firstBrokenEvent: Math.min(events.length, head.version) + 1,
      reason: {
        sv: `ärendet anger ${head.version} händelser som slutar med hashen ${head.headHash.slice(0, 12)}…, men historiken har ${events.length}`,
        en: `the case records ${head.version} events ending in hash ${head.headHash.slice(0, 12)}…, but the history holds ${events.length}`,
      },
    };
  }
  if (!unsigned) return { valid: true, events: events.length };
  return {
    valid: true,
    events: events.length,
    unsignedEvents: unsigned,
    note: {
      sv: `händelse 1–${unsigned} skrevs innan historiken signerades: deras hashkedja stämmer, men de är inte skyddade mot den som har åtkomst till databasen`,
      en: `events 1–${unsigned} were written before the history was signed: their hash chain holds, but they are not protected against someone with access to the database`,
    },
  };
}
