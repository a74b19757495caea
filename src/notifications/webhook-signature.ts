import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature of a webhook's body. */
export const SIGNATURE_HEADER = 'X-Samverkan-Signature';
/** The header that carries the delivery's id (the same on every retry, to drop duplicates). */
export const DELIVERY_HEADER = 'X-Samverkan-Delivery';

/**
 * The signature of a webhook body: `sha256=` and the hex HMAC-SHA256 of the exact bytes of the
 * body (UTF-8) with the shared secret. Pure.
 */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * What a receiver does: recompute the signature over the body exactly as received and compare in
 * constant time. Pure.
 */
export function verifySignature(body: string, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
