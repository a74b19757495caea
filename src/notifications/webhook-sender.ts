import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody } from './webhook-signature.js';

/** How long a receiver may take to answer before the delivery counts as failed (and is retried). */
const TIMEOUT_MS = 10_000;

/**
 * Posts a webhook: the JSON body as stored, its HMAC-SHA256 signature and the delivery id in
 * headers. Resolves on a 2xx answer, rejects on anything else (the relay retries). Redirects are not
 * followed: the signed body goes only where it was configured to go.
 */
export async function postWebhook(url: string, body: string, deliveryId: string, secret: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Samverkan',
      [SIGNATURE_HEADER]: signBody(body, secret),
      [DELIVERY_HEADER]: deliveryId,
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`the receiver answered HTTP ${res.status}`);
}
