import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Serialises a JSON value canonically (RFC 8785, JSON Canonicalization Scheme): sorted keys, no
 * whitespace, normalised numbers. Two equal values always give the same text, whatever order
 * PostgreSQL's `jsonb` hands the keys back in. Used for hash chains and definition hashes.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new TypeError('value cannot be serialised as JSON');
  }
  return text;
}

/** Hex SHA-256 of a text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
