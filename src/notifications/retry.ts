/**
 * How long the relay waits before it tries a failed delivery again: a minute after the first
 * failure, doubling up to an hour. With the default 12 attempts a message keeps trying for about
 * six hours before it is marked failed (and can be retried by hand). Pure.
 *
 * @param attempts attempts made so far (at least 1)
 */
export function retryDelayMs(attempts: number): number {
  const minutes = Math.min(60, 2 ** Math.max(0, attempts - 1));
  return minutes * 60_000;
}

/**
 * How long a relay or scheduler instance holds what it has claimed before another may take it
 * over: far longer than a delivery or a firing takes (SMTP and HTTP time out well before), so two
 * instances never work on the same row, yet short enough that a crashed instance's work is picked
 * up soon.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;
