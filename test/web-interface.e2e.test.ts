import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addParty, createCase, registerDocument } from './support/factories.js';
import { seedRegistry } from './support/governance-fixture.js';
import { request, startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * What the web interface needs of the API: how to sign in (`GET /ui/config`, no token), who is
 * signed in (`GET /me`), my cases with what my organisation owes (`GET /me/cases`), and every gate
 * ahead of a case attributed to the organisations that owe it (`GET /cases/:id/gates`); and the
 * built app itself, served at /app/ with the API's security headers.
 */
describe('the web interface API', () => {
  let t: TestApp;
  let orgs: Awaited<ReturnType<typeof seedRegistry>>;
  const webDir = mkdtempSync(join(tmpdir(), 'samverkan-web-'));
  const REGION: TestActor = { person: 'sekr.region', organisation: '07' };
  const ALVESTA: TestActor = { person: 'sekr.alvesta', organisation: '0764' };
  const LJUNGBY: TestActor = { person: 'sekr.ljungby', organisation: '0781' };

  /** The region's case "Barnens bästa gäller", with Alvesta deciding and an agreement nobody has signed yet. */
  const barnensBasta = async (app: TestApp, registry: typeof orgs) => {
    const { id } = await createCase(app, { title: 'Barnens bästa gäller' }, { as: REGION });
    await addParty(app, id, { organisationId: registry.get('Alvesta kommun')!.id, responsibilities: ['decides', 'contributes'] }, { as: REGION });
    await registerDocument(app, id, { title: 'Överenskommelse', kind: 'agreement' }, { as: REGION });
    return id;
  };

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="sv"><title>Samverkan</title><div id="root"></div></html>');
    t = await startTestApp({ config: { webDir } });
    t.clock.set('2026-03-02T10:00:00+01:00');
    orgs = await seedRegistry(t);
  });
  afterAll(() => t.close());

  it('tells the app how to sign in, without a token', async () => {
    const res = await t.request('GET', '/ui/config', { as: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      development: expect.any(Boolean),
      oidc: null,
      languages: ['sv', 'en'],
      accessibilityContact: 'tillganglighet@samverkan.example',
    });
  });

  it('names the identity provider and client when OpenID Connect is configured, and lets the browser reach it', async () => {
    const oidc = await startTestApp({
      config: { webDir, oidc: { issuer: 'https://login.region.example/realms/samverkan', audience: 'samverkan-web', subjectClaim: 'sub' } },
    });
    try {
      const res = await request(oidc.url, 'GET', '/ui/config');
      expect(res.body.oidc).toEqual({ issuer: 'https://login.region.example/realms/samverkan', clientId: 'samverkan-web' });
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' https://login.region.example");
    } finally {
      await oidc.close();
    }
  });

  it('says who is signed in', async () => {
    const res = await t.request('GET', '/me', { as: ALVESTA });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      person: { id: (await t.identity(ALVESTA)).personId, subject: 'sekr.alvesta', name: 'sekr.alvesta' },
      organisation: { id: orgs.get('Alvesta kommun')!.id, name: 'Alvesta kommun' },
      systemRoles: [],
    });
    expect((await t.request('GET', '/me', { as: null })).status).toBe(401);
  });

  it('attributes each unmet condition to the organisation that owes it: an item to its own organisation, the rest to the lead', async () => {
    const caseId = await barnensBasta(t, orgs);
    const asRegion = (await t.request('GET', `/cases/${caseId}/gates`, { as: REGION })).body;
    const gate = asRegion.gates.find((g: any) => g.event === 'ADVANCE');
    expect(gate).toMatchObject({ passed: false, target: { id: 'jointProblem' } });
    const unsigned = gate.failures.filter((f: any) => f.rule === 'signed-by-all');
    expect(unsigned.map((f: any) => [f.message, f.organisations.map((o: any) => o.name), f.responsibleTitle])).toEqual([
      ['Alvesta kommun har inte skrivit under avtalet eller avsiktsförklaringen.', ['Alvesta kommun'], 'Sekretariat'],
    ]);
    const arena = gate.failures.find((f: any) => f.rule === 'arena-described');
    expect(arena).toMatchObject({ organisations: [{ name: 'Region Kronoberg' }], mine: true, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(asRegion.owedByMe.map((f: any) => f.message)).toContain('Ingen arena (forum) är beskriven: fyll i "Arena (forum)".');
    expect(asRegion.owedByMe.map((f: any) => f.message)).not.toContain('Alvesta kommun har inte skrivit under avtalet eller avsiktsförklaringen.');

    const asAlvesta = (await t.request('GET', `/cases/${caseId}/gates`, { as: ALVESTA })).body;
    expect(asAlvesta.owedByMe.map((f: any) => f.message)).toEqual(['Alvesta kommun har inte skrivit under avtalet eller avsiktsförklaringen.']);
    const english = (await t.request('GET', `/cases/${caseId}/gates`, { as: ALVESTA, headers: { 'accept-language': 'en' } })).body;
    expect(english.owedByMe[0]).toMatchObject({ message: expect.stringContaining('Alvesta kommun has not signed'), responsibleTitle: 'Secretariat' });
  });

  it('hides another organisation’s case from its gates (404)', async () => {
    const caseId = await barnensBasta(t, orgs);
    const res = await t.request('GET', `/cases/${caseId}/gates`, { as: LJUNGBY });
    expect(res.status).toBe(404);
  });

  // The lists below are exactly these organisations' cases: on the app of the other tests, the
  // region's and Alvesta's cases of those tests would be in them. So this test has an app of its own.
  describe('on an app of its own', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { webDir } });
      t.clock.set('2026-03-02T10:00:00+01:00');
      await barnensBasta(t, await seedRegistry(t));
      await createCase(t, { title: 'Ljungbys eget' }, { as: LJUNGBY });
    });
    afterAll(() => t.close());

    it('lists my cases, stalled ones first, with working days left and what my organisation owes', async () => {
      const mine = (await t.request('GET', '/me/cases', { as: ALVESTA })).body;
      expect(mine.items.map((c: any) => c.title)).toEqual(['Barnens bästa gäller']);
      expect(mine.items[0]).toMatchObject({
        stalled: false,
        steps: [{ id: 'gatherActors' }],
        deadline: { workingDaysLeft: expect.any(Number), overdue: false },
      });
      expect(mine.items[0].owed).toEqual([
        { event: 'ADVANCE', message: 'Alvesta kommun har inte skrivit under avtalet eller avsiktsförklaringen.', responsibleTitle: 'Sekretariat' },
      ]);
      expect((await t.request('GET', '/me/cases', { as: LJUNGBY })).body.items.map((c: any) => c.title)).toEqual(['Ljungbys eget']);

      // Past the step's deadline: the case is stalled, and asked for alone.
      t.clock.set('2026-06-01T10:00:00+02:00');
      await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Nyare ärende' }, as: REGION });
      const later = (await t.request('GET', '/me/cases', { as: REGION })).body;
      expect(later.items.map((c: any) => [c.title, c.stalled])).toEqual([
        ['Barnens bästa gäller', true],
        ['Nyare ärende', false],
      ]);
      expect(later.items[0].deadline.workingDaysLeft).toBeLessThan(0);
      expect((await t.request('GET', '/me/cases?stalled=true&q=barn', { as: REGION })).body.items.map((c: any) => c.title)).toEqual(['Barnens bästa gäller']);
      expect((await t.request('GET', '/me/cases?offset=3', { as: REGION })).status).toBe(400);
    });
  });

  it('serves the app at /app/ (its own routes too) and sends a browser from / to it; API clients of / are unchanged', async () => {
    const caseId = await barnensBasta(t, orgs);
    const page = await fetch(`${t.url}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([302, '/app/']);
    const json = await fetch(`${t.url}/`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    const route = await fetch(`${t.url}/app/cases/${caseId}`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect(route.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${t.url}/app/assets/missing.js`)).status).toBe(404);
  });
});
