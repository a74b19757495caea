import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ApiTokensService } from '../../src/access/api-tokens.service.js';
import { DEVELOPMENT_ADMIN_SUBJECT, developmentAdministrator, developmentToken } from '../../src/access/development-admin.js';
import { DEVELOPMENT_TOKEN_FILE } from '../../src/demo/development-data.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider.js';
import { ADMINISTRATOR, SECRETARIAT, request, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Sign-in, development tokens, rate limits and slow clients (docs/access-and-security.md → "Sign-in, tokens
 * and rate limits"). Each test is what a caller or an operator notices.
 */

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cases = (t: TestApp, token: string) => request(t.url, 'GET', '/cases', { headers: bearer(token) });

describe('development administrator tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A token as npm start made them before this change: no expiry, one more at every start. */
  const legacyToken = async (app = t) => {
    const { personId } = await app.identity({
      person: DEVELOPMENT_ADMIN_SUBJECT,
      organisation: 'Utvecklingsmiljön',
      systemRoles: ['administrator', 'processOwner'],
    });
    return (await app.app.get(ApiTokensService).issue({ name: 'development administrator', personId }, 'npm start (development)')).token;
  };

  it('keeps one development token at a time: making a new one revokes the older ones', async () => {
    const older = await legacyToken();
    const first = (await developmentAdministrator(t.app)).token;
    const second = (await developmentAdministrator(t.app)).token;
    expect((await cases(t, second)).status).toBe(200);
    for (const token of [older, first]) expect((await cases(t, token)).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('lets a development token expire 12 hours after it was made', async () => {
    const { token } = await developmentAdministrator(t.app);
    t.clock.advance({ hours: 11, minutes: 59 });
    expect((await cases(t, token)).status).toBe(200);
    t.clock.advance({ minutes: 2 });
    expect((await cases(t, token)).status).toBe(401);
  });

  it('keeps the token in the data folder and makes (and so prints) a new one only when the kept one is gone or about to expire', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-devtoken-'));
    try {
      const first = await developmentToken(t.app, dataDir);
      expect(first.fresh).toBe(true);
      expect(readFileSync(join(dataDir, DEVELOPMENT_TOKEN_FILE), 'utf8').trim()).toBe(first.token);
      // The next start finds it valid: the same token, nothing new to print.
      t.clock.advance({ hours: 5 });
      const again = await developmentToken(t.app, dataDir);
      expect(again).toMatchObject({ token: first.token, fresh: false });
      expect((await cases(t, first.token)).status).toBe(200);
      // Less than an hour left: a new one, and the old one stops.
      t.clock.advance({ hours: 6, minutes: 30 });
      const renewed = await developmentToken(t.app, dataDir);
      expect(renewed.fresh).toBe(true);
      expect(renewed.token).not.toBe(first.token);
      expect(readFileSync(join(dataDir, DEVELOPMENT_TOKEN_FILE), 'utf8').trim()).toBe(renewed.token);
      expect((await cases(t, first.token)).status).toBe(401);
      expect((await cases(t, renewed.token)).status).toBe(200);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses development tokens in production, even ones made before NODE_ENV=production was set', async () => {
    const production = await startTestApp({ config: { production: true } });
    try {
      const earlier = await legacyToken(production);
      const res = await request(production.url, 'GET', '/cases', { headers: { ...bearer(earlier), 'accept-language': 'en' } });
      expect(res.body).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        message: 'development tokens are not accepted in production (NODE_ENV=production); sign in with a token of your own',
      });
      const sv = await request(production.url, 'GET', '/cases', { headers: bearer(earlier) });
      expect(sv.body.message).toBe('utvecklingstoken godtas inte i produktion (NODE_ENV=production); logga in med en egen token');
      // The development administrator cannot sign in there with any token.
      const person = await production.identity({ person: DEVELOPMENT_ADMIN_SUBJECT, organisation: 'Utvecklingsmiljön' });
      const own = (await production.app.get(ApiTokensService).issue({ name: 'x', personId: person.personId }, 'admin')).token;
      expect((await cases(production, own)).status).toBe(401);
      await expect(developmentAdministrator(production.app)).rejects.toThrow('production');
    } finally {
      await production.close();
    }
  });
});

describe('rate limits', () => {
  const bogus = () => `svk_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  /** Runs `use` against an app with these limits, closing it afterwards. */
  const withLimits = async (limits: Partial<AppConfig>, use: (t: TestApp) => Promise<void>) => {
    const t = await startTestApp({ config: limits });
    try {
      await use(t);
    } finally {
      await t.close();
    }
  };
  /** The statuses of `count` requests, one after the other. */
  const statusesOf = async (count: number, send: (i: number) => Promise<{ status: number }>) => {
    const statuses = [];
    for (let i = 0; i < count; i++) statuses.push((await send(i)).status);
    return statuses;
  };

  it('limits failed sign-ins per address, more strictly than requests, without locking out a valid token from that address', () =>
    withLimits({ rateLimitPerMinute: 1000, failedSignInsPerMinute: 3 }, async (t) => {
      expect(await statusesOf(5, () => cases(t, bogus()))).toEqual([401, 401, 401, 429, 429]);
      const limited = await request(t.url, 'GET', '/cases', { headers: { ...bearer(bogus()), 'accept-language': 'en' } });
      expect(limited.body).toEqual({
        status: 429,
        code: 'RATE_LIMITED',
        message: 'too many failed sign-ins from this address: at most 3 a minute; wait as Retry-After says',
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await cases(t, await t.token(SECRETARIAT))).status).toBe(200);
    }));

  it('counts a new bogus token on every request against the address', () =>
    withLimits({ rateLimitPerMinute: 4, failedSignInsPerMinute: 1000 }, async (t) => {
      expect(await statusesOf(5, () => cases(t, bogus()))).toEqual([401, 401, 401, 401, 429]);
    }));

  it('counts per person: the same token written with other spacing or case, and a second token of the same person, share one budget', () =>
    withLimits({ rateLimitPerMinute: 5 }, async (t) => {
      const token = await t.token(SECRETARIAT);
      const { personId } = await t.identity(SECRETARIAT);
      const second = (await t.app.get(ApiTokensService).issue({ name: 'second', personId }, 'test')).token;
      const spellings = [`Bearer ${token}`, `bearer  ${token}`, `BEARER ${token} `, `Bearer\t${token}`, `Bearer ${second}`, `bearer ${token}`];
      expect(await statusesOf(spellings.length, (i) => request(t.url, 'GET', '/cases', { headers: { authorization: spellings[i]! } }))).toEqual([
        200, 200, 200, 200, 200, 429,
      ]);
      expect((await request(t.url, 'GET', '/cases', { headers: { authorization: `Bearer ${second}`, 'accept-language': 'en' } })).body).toEqual({
        status: 429,
        code: 'RATE_LIMITED',
        message: 'too many requests: at most 5 a minute; wait as Retry-After says',
      });
      // Another person has a budget of their own.
      expect((await cases(t, await t.token(ADMINISTRATOR))).status).toBe(200);
    }));

  it('never limits /health, which load balancers poll', () =>
    withLimits({ rateLimitPerMinute: 2, failedSignInsPerMinute: 1 }, async (t) => {
      expect(await statusesOf(6, (i) => request(t.url, 'GET', '/health', i % 2 ? { headers: bearer(bogus()) } : {}))).toEqual([200, 200, 200, 200, 200, 200]);
    }));
});

describe('OpenID Connect access tokens', () => {
  let t: TestApp;
  let provider: TestIdentityProvider;

  beforeAll(async () => {
    provider = await startIdentityProvider();
    t = await startTestApp({ config: { oidc: { issuer: provider.issuer, audience: 'samverkan', jwksUri: provider.jwksUri, subjectClaim: 'sub' } } });
    await t.identity({ person: 'anna@vaxjo.se', organisation: 'Växjö' });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  const jwt = (claims: { exp?: number | null; iat?: number }) => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const builder = new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: provider.signing.kid })
      .setSubject('anna@vaxjo.se')
      .setIssuer(provider.issuer)
      .setAudience('samverkan')
      .setIssuedAt(claims.iat ?? now);
    if (claims.exp !== null) builder.setExpirationTime(claims.exp ?? now + 300);
    return builder.sign(provider.signing.privateKey);
  };
  const asEnglish = (token: string) => request(t.url, 'GET', '/cases', { headers: { ...bearer(token), 'accept-language': 'en' } });

  it('refuses a token without an expiry', async () => {
    expect((await asEnglish(await jwt({}))).status).toBe(200);
    expect((await asEnglish(await jwt({ exp: null }))).body).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'the token has no expiry (exp); the identity provider must issue tokens that expire',
    });
    expect((await request(t.url, 'GET', '/cases', { headers: bearer(await jwt({ exp: null })) })).body.message).toBe(
      'token saknar giltighetstid (exp); identitetsleverantören måste utfärda token som upphör att gälla',
    );
  });

  it('refuses a token issued in the future beyond the 30 seconds of clock difference it allows', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    expect((await asEnglish(await jwt({ iat: now + 20 }))).status).toBe(200);
    expect((await asEnglish(await jwt({ iat: now + 3600, exp: now + 7200 }))).body).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'the token is issued in the future (iat); check the clocks of the service and the identity provider',
    });
  });
});

/** What a client that sends slowly sees: when the server closed the connection, and what it said. */
function slowClient(url: string, first: string, drip: string, everyMs: number, giveUpMs: number): Promise<{ closedAfterMs: number | null; received: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let received = '';
    const socket = connect(Number(port), hostname, () => socket.write(first));
    const dripping = setInterval(() => socket.writable && socket.write(drip), everyMs);
    const finish = (closedAfterMs: number | null) => {
      clearInterval(dripping);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs, received });
    };
    const giveUp = setTimeout(() => finish(null), giveUpMs);
    socket.on('data', (d) => (received += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(Date.now() - started));
  });
}

describe('slow clients', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { http: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 } } });
  });
  afterAll(() => t.close());

  it('closes a connection whose headers never finish (one header line every 200 ms) within the headers timeout', async () => {
    const { closedAfterMs, received } = await slowClient(t.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\n', 'X-Slow: 1\r\n', 200, 6000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose body trickles in (one byte every 200 ms) within the request timeout', async () => {
    const head = 'POST /cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    const { closedAfterMs, received } = await slowClient(t.url, head, ' ', 200, 8000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(4000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle kept-alive connection after the keep-alive timeout', async () => {
    const { closedAfterMs, received } = await slowClient(t.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n', '', 60_000, 6000);
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3000);
  });

  it('still takes a 10 MB document file with the default timeouts', async () => {
    const standard = await startTestApp();
    try {
      const started = await standard.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Uppladdning' } });
      const doc = await standard.request('POST', `/cases/${started.body.id}/documents`, { body: { title: 'Stor bilaga', kind: 'agreement' } });
      expect(doc.status).toBe(201);
      const file = Buffer.alloc(10 * 1024 * 1024, 'a');
      const upload = await fetch(`${standard.url}/cases/${started.body.id}/documents/${doc.body.id}/file?name=bilaga.txt`, {
        method: 'PUT',
        body: file,
        headers: { 'content-type': 'text/plain', ...bearer(await standard.token(SECRETARIAT)) },
      });
      expect(upload.status).toBe(200);
      expect(((await upload.json()) as any).file).toMatchObject({ size: file.length });
    } finally {
      await standard.close();
    }
  });
});
