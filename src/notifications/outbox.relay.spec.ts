import { redact } from './outbox.relay.js';

describe('redact', () => {
  it('removes e-mail addresses that mail servers quote in their errors', () => {
    expect(redact('550 5.1.1 <Anna.Ek@region.example>: Recipient address rejected')).toBe('550 5.1.1 <<address>>: Recipient address rejected');
    expect(redact("Can't send mail - all recipients were rejected: 550 anna@x.se, bo@y.se")).toBe(
      "Can't send mail - all recipients were rejected: 550 <address>, <address>",
    );
    expect(redact('connect ECONNREFUSED 127.0.0.1:2525')).toBe('connect ECONNREFUSED 127.0.0.1:2525');
  });
});
