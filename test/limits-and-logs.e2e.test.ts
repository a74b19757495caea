import { Writable } from 'node:stream';
import { ADMINISTRATOR, SECRETARIAT, request, startTestApp } from './support/test-app.js';

/*
 * In a file of its own: the pino logger keeps process-wide state, so the app that logs must be the
 * first (and only) one of its test file.
 */
describe('limits and logs', () => {
  it('limits requests per token (429 with Retry-After), opens CORS only to configured origins, and logs no personal data', async () => {
    const lines: string[] = [];
    const logs = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await startTestApp({ config: { rateLimitPerMinute: 5, corsOrigins: ['https://samverkan.kommun.se'] }, logStream: logs });
    try {
      const token = await t.token(SECRETARIAT);
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await request(t.url, 'GET', '/cases', { token })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await request(t.url, 'GET', '/cases', { token });
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another token has its own budget.
      expect((await request(t.url, 'GET', '/cases', { token: await t.token(ADMINISTRATOR) })).status).toBe(200);

      const cors = await request(t.url, 'GET', '/health', { headers: { origin: 'https://samverkan.kommun.se' } });
      expect(cors.headers.get('access-control-allow-origin')).toBe('https://samverkan.kommun.se');

      const text = lines.join('');
      expect(text).toContain('"path":"/cases"');
      for (const secret of [token, SECRETARIAT.person, 'anna.svensson@example.org', '127.0.0.1']) expect(text).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});
