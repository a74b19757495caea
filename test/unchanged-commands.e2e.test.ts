import { seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type RequestOptions, type TestActor, type TestApp } from './support/test-app.js';

/**
 * A change that changes nothing (the same values again) is honest about it: the answer is the thing
 * as it stands, never an empty body, and the case keeps its version and history. Each test makes
 * its own case.
 */
describe('a change that changes nothing', () => {
  let t: TestApp;
  let orgs: Awaited<ReturnType<typeof seedRegistry>>;
  const REGION: TestActor = { person: 'sekr.region', organisation: '07' };
  const req = (method: string, path: string, options: RequestOptions = {}) => t.request(method, path, { as: REGION, ...options });
  const org = (name: string) => orgs.get(name)!.id;

  beforeAll(async () => {
    t = await startTestApp();
    orgs = await seedRegistry(t);
  });
  afterAll(() => t.close());

  /** A new case led by Region Kronoberg, with Växjö kommun as a deciding party. */
  async function caseWithParty(title: string): Promise<string> {
    const id = (await req('POST', '/cases', { body: { workflow: 'samverkan', title } })).body.id as string;
    expect(
      (await req('POST', `/cases/${id}/parties`, { body: { organisationId: org('Växjö kommun'), responsibilities: ['decides', 'contributes'] } })).status,
    ).toBe(201);
    return id;
  }
  const historyLength = async (id: string) => (await req('GET', `/cases/${id}/history`)).body.events.length as number;

  it('a party patched with its own responsibilities answers the party, at the same version, with no history event', async () => {
    const id = await caseWithParty('Samma ansvar igen');
    const before = (await req('GET', `/cases/${id}`)).body.version as number;
    const events = await historyLength(id);
    const res = await req('PATCH', `/cases/${id}/parties/${org('Växjö kommun')}`, { body: { responsibilities: ['decides', 'contributes'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organisation: { name: 'Växjö kommun' }, responsibilities: ['decides', 'contributes'] });
    expect(res.headers.get('etag')).toBe(`"${before}"`);
    expect((await req('GET', `/cases/${id}`)).body.version).toBe(before);
    expect(await historyLength(id)).toBe(events);
  });

  it('an action patched with its own status answers the action, not null', async () => {
    const id = await caseWithParty('Samma status igen');
    const added = await req('POST', `/cases/${id}/actions`, { body: { title: 'Kartlägg insatserna', responsibleOrganisationId: org('Växjö kommun') } });
    expect(added.status).toBe(201);
    const events = await historyLength(id);
    const res = await req('PATCH', `/cases/${id}/actions/${added.body.id}`, { body: { status: added.body.status } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: added.body.id, title: 'Kartlägg insatserna', status: added.body.status });
    expect(await historyLength(id)).toBe(events);
  });
});
