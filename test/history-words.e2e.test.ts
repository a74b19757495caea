import { PROCESS_OWNER, seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * GET /cases/:id/history says each event in words, in the caller's language: who (name and
 * organisation, never a login subject or id), what, and only what changed, with labels; the raw
 * payload stays for machines.
 */
describe('the history in words', () => {
  let t: TestApp;
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('names who did what and what changed, in Swedish and English, and keeps the payload', async () => {
    const orgs = await seedRegistry(t);
    const regionId = orgs.get('Region Kronoberg')!.id;
    const vaxjoId = orgs.get('Växjö kommun')!.id;
    // The secretariat is registered by name, as people are.
    await t.request('POST', '/people', { body: { subject: 'maria.nilsson', name: 'Maria Nilsson', organisationId: regionId }, as: PROCESS_OWNER });
    const maria: TestActor = { person: 'maria.nilsson', organisation: regionId };
    const r = async (method: string, path: string, body?: unknown, as = maria) => {
      const res = await t.request(method, path, { as, ...(body !== undefined ? { body } : {}) });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const c = await r('POST', '/cases', { workflow: 'kronoberg', title: 'Barnens bästa gäller' });
    await r('POST', `/cases/${c.id}/parties`, { organisationId: vaxjoId, responsibilities: ['decides', 'contributes'] });
    await r('PATCH', `/cases/${c.id}/fields`, { arena: 'Regionalt forum' });
    await r('PATCH', `/cases/${c.id}/fields`, { arena: 'Regionalt forum Barnens bästa', anteckning: 'Ring Växjö' });
    await r('POST', `/cases/${c.id}/documents`, { title: 'Elevärenden', kind: 'situationAnalysis', confidential: true, visibleTo: [regionId] });
    // A blocked step writes no event.
    expect((await t.request('POST', `/cases/${c.id}/events`, { as: maria, body: { type: 'ADVANCE' } })).status).toBe(422);

    const history = (await r('GET', `/cases/${c.id}/history`)).events;
    expect(history.map((e: any) => e.summary.what)).toEqual([
      'Ärendet startades',
      'Part lades till',
      'Uppgifter ändrades',
      'Uppgifter ändrades',
      'Dokument registrerades',
    ]);
    expect(history[0].summary).toMatchObject({
      who: 'Maria Nilsson, Region Kronoberg',
      text: 'Maria Nilsson, Region Kronoberg startade ärendet "Barnens bästa gäller" på arbetsflödet "Barnens bästa gäller".',
    });
    expect(history[1].summary.text).toBe('Maria Nilsson, Region Kronoberg lade till Växjö kommun som part (beslutar, bidrar).');
    // Only what changed, by label; an undeclared field by its own name.
    expect(history[3].summary.changes).toEqual([
      { label: 'Arena (forum)', from: 'Regionalt forum', to: 'Regionalt forum Barnens bästa' },
      { label: 'anteckning', from: null, to: 'Ring Växjö' },
    ]);
    // A confidential document is named by its kind, never its title.
    expect(history[4].summary.text).toBe('Maria Nilsson, Region Kronoberg registrerade ett sekretessmarkerat dokument (Nulägesanalys).');
    expect(JSON.stringify(history.map((e: any) => e.summary))).not.toMatch(UUID);
    expect(JSON.stringify(history.map((e: any) => e.summary))).not.toContain('Elevärenden');
    // The payload is still there for machines.
    expect(history[1].payload).toMatchObject({ organisation: { id: vaxjoId }, responsibilities: ['decides', 'contributes'] });

    const english = (await t.request('GET', `/cases/${c.id}/history`, { as: maria, headers: { 'accept-language': 'en' } })).body.events;
    expect(english[1].summary).toMatchObject({
      what: 'Party added',
      text: 'Maria Nilsson, Region Kronoberg added Växjö kommun as a party (decides, contributes).',
    });
    expect(english[3].summary.changes[0]).toEqual({ label: 'Arena (forum)', from: 'Regionalt forum', to: 'Regionalt forum Barnens bästa' });
  });
});
