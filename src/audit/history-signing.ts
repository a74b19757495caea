import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SigningKey, SigningKeys } from '../config/app-config.js';

// The keys' shape is a setting (config/app-config.ts reads them from the environment).
export type { SigningKey, SigningKeys };

/** A signature as stored with an event. */
export interface EventSignature {
  keyId: string;
  signature: string;
}

/** What checking one signature found. */
export type SignatureCheck = 'valid' | 'invalid' | 'unknownKey';

/** Signs and checks history events with keys the database does not hold (docs/access-and-security.md). */
export interface HistorySigner {
  /** The signature of an event's hash with the current key. */
  sign(hash: string): EventSignature;
  check(hash: string, signature: EventSignature): SignatureCheck;
}

/** Domain separation: a signature of the history can never be mistaken for any other HMAC of the same key. */
const PURPOSE = 'samverkan history event v1\n';

/**
 * HMAC-SHA256 over the event's hash (which covers the case, sequence number, type, time, actor,
 * payload and the previous hash), hex. Pure (no I/O).
 */
export function historySigner(keys: SigningKeys): HistorySigner {
  const byId = new Map([keys.current, ...keys.old].map((k) => [k.id, k.secret]));
  const mac = (secret: string, hash: string) =>
    createHmac('sha256', secret)
      .update(PURPOSE + hash, 'utf8')
      .digest('hex');
  return {
    sign: (hash) => ({ keyId: keys.current.id, signature: mac(keys.current.secret, hash) }),
    check: (hash, { keyId, signature }) => {
      const secret = byId.get(keyId);
      if (secret === undefined) return 'unknownKey';
      const expected = Buffer.from(mac(secret, hash), 'utf8');
      const given = Buffer.from(signature, 'utf8');
      return expected.length === given.length && timingSafeEqual(expected, given) ? 'valid' : 'invalid';
    },
  };
}
