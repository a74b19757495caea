import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 's'.repeat(32);
  const body = JSON.stringify({ case: { title: 'Barnens bästa gäller' }, workingDaysLeft: -2 });

  it('is the hex HMAC-SHA256 of the UTF-8 body, as any receiver can compute it', () => {
    const hex = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signBody(body, secret)).toBe(`sha256=${hex}`);
  });

  it('verifies the body as sent and nothing else', () => {
    const signature = signBody(body, secret);
    expect(verifySignature(body, signature, secret)).toBe(true);
    expect(verifySignature(body.replace('-2', '-3'), signature, secret)).toBe(false);
    expect(verifySignature(body, signature, 't'.repeat(32))).toBe(false);
    expect(verifySignature(body, signature.slice(0, -1), secret)).toBe(false);
    expect(verifySignature(body, undefined, secret)).toBe(false);
  });
});
