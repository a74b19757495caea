import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startIdentityProvider, type TestIdentityProvider } from './support/identity-provider.js';
import { ADMINISTRATOR, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Sign-in: OpenID Connect access tokens verified against the issuer's keys (a local JWKS server
 * with keys the test generates), API tokens stored as hashes, and the limits around them.
 */
describe('authentication', () => {
  let t: TestApp;
  let provider: TestIdentityProvider;
  let issuer: string;
  let signing: { privateKey: CryptoKey; kid: string };
  let stranger: { privateKey: CryptoKey; kid: string };

  beforeAll(async () => {
    provider = await startIdentityProvider();
    ({ issuer, signing } = provider);
    stranger = { privateKey: (await generateKeyPair('RS256', { extractable: true })).privateKey, kid: 'k1' }; // same kid, wrong key
    t = await startTestApp({ config: { oidc: { issuer, audience: 'samverkan', jwksUri: provider.jwksUri, subjectClaim: 'sub' } } });
    await t.identity({ person: 'anna@vaxjo.se', organisation: 'Växjö' });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  const jwt = (claims: { sub?: string; aud?: string; iss?: string; expiresIn?: string; key?: { privateKey: CryptoKey; kid: string } } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: (claims.key ?? signing).kid })
      .setSubject(claims.sub ?? 'anna@vaxjo.se')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? 'samverkan')
      .setIssuedAt(Math.floor(t.clock.now().getTime() / 1000))
      .setExpirationTime(Math.floor(t.clock.now().getTime() / 1000) + 300)
      .sign((claims.key ?? signing).privateKey);
  // The refusals are asserted in English, asked for; the Swedish default is test/language.e2e.test.ts's.
  const withBearer = (token: string) => ({ as: null, headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });

  it('answers 401 without a token on every endpoint but health, the docs and how the web interface signs in', async () => {
    const doc = (await t.request('GET', '/docs-json', { as: null })).body;
    const open = ['GET /health', 'GET /ui/config'];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) {
        const res = await t.request(method.toUpperCase(), path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'), {
          as: null,
          ...(method === 'get' ? {} : { body: {} }),
        });
        if (open.includes(`${method.toUpperCase()} ${path}`)) expect(res.status).toBe(200);
        else expect({ endpoint: `${method} ${path}`, status: res.status }).toEqual({ endpoint: `${method} ${path}`, status: 401 });
      }
    }
    expect((await t.request('GET', '/docs-json', { as: null })).status).toBe(200);
    expect((await t.request('GET', '/docs', { as: null })).status).toBe(200);
  });

  it('accepts an access token of the identity provider for a registered person', async () => {
    const res = await t.request('GET', '/cases', withBearer(await jwt()));
    expect(res.status).toBe(200);
  });

  it('refuses a token signed by an unknown key, an expired one, one for another audience or issuer', async () => {
    const cases = [
      [await jwt({ key: stranger }), 'the token is not signed by a key of the identity provider'],
      [await jwt({ aud: 'another-service' }), 'the token is meant for another service (audience)'],
      [await jwt({ iss: 'https://idp.example.org' }), 'the token was issued by another identity provider'],
      [await jwt({ sub: 'nobody@vaxjo.se' }), 'you are signed in, but not registered as an active person of an organisation here; ask an administrator'],
      ['not.a.jwt', 'the token is not a valid signed token'],
    ] as const;
    for (const [token, message] of cases) {
      expect((await t.request('GET', '/cases', withBearer(token))).body).toEqual({ status: 401, code: 'UNAUTHENTICATED', message });
    }
    const expiring = await jwt();
    t.clock.advance({ minutes: 10 });
    expect((await t.request('GET', '/cases', withBearer(expiring))).body.message).toBe('the token has expired; sign in again');
  });

  it('creates API tokens for administrators only, shows them once, and revokes them', async () => {
    const { personId } = await t.identity({ person: 'integration.diarium', organisation: 'Växjö' });
    expect((await t.request('POST', '/tokens', { body: { name: 'x', personId } })).status).toBe(403);
    const created = await t.request('POST', '/tokens', { body: { name: 'Diariet', personId }, as: ADMINISTRATOR });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^svk_[A-Za-z0-9_-]{43}$/);
    const list = (await t.request('GET', '/tokens', { as: ADMINISTRATOR })).body;
    expect(JSON.stringify(list)).not.toContain(created.body.token);
    const stored = await t.orm.em.fork().getConnection().execute('select token_hash from api_tokens where id = ?', [created.body.id]);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(created.body.token);

    expect((await t.request('GET', '/cases', withBearer(created.body.token))).status).toBe(200);
    await t.request('POST', `/tokens/${created.body.id}/revoke`, { as: ADMINISTRATOR });
    expect((await t.request('GET', '/cases', withBearer(created.body.token))).body.message).toBe('the API token is unknown, revoked or expired');
  });

  it('sends security headers, keeps CORS closed, and gives every answer a request id', async () => {
    const res = await t.request('GET', '/health', { as: null, headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.request('GET', '/health', { as: null, headers: { 'x-request-id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
  });
});

describe('the registry of people', () => {
  it('shows sign-in subjects, e-mail addresses and system roles to administrators only (data minimisation)', async () => {
    const t = await startTestApp();
    try {
      await t.identity({ person: 'eva@lund.example', organisation: 'Lund' });
      const asMember = (await t.request('GET', '/people')).body.items.find((p: any) => p.name === 'eva@lund.example');
      expect(asMember).toEqual({ id: expect.any(String), name: 'eva@lund.example', organisationId: expect.any(String), active: true });
      const asAdmin = (await t.request('GET', '/people', { as: ADMINISTRATOR })).body.items.find((p: any) => p.subject === 'eva@lund.example');
      expect(asAdmin).toMatchObject({ email: 'eva@lund.example@example.org', systemRoles: [] });
    } finally {
      await t.close();
    }
  });
});
