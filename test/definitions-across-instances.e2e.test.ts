import { readFileSync } from 'node:fs';
import { APP_CONFIG } from '../src/config/tokens.js';
import { DefinitionRegistry, VERSION_USAGE } from '../src/definitions/definition-registry.js';
import { ADMINISTRATOR, SECRETARIAT, startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * A version published through one instance is what every instance runs at once: no instance keeps
 * "the newest version" in memory.
 *
 * On a PostgreSQL server the publisher is a second instance of the whole service on the same
 * database (POST /workflows over HTTP). The embedded database has a single session, which two
 * instances cannot share; there the publisher is a second DefinitionRegistry (another instance's
 * memory) over the instance's own connection. Either way the instance under test was told nothing.
 */
describe('workflow versions across instances on one database', () => {
  const shipped = JSON.parse(readFileSync('workflows/samverkan.v1.json', 'utf8'));
  let db: TestDatabase;
  let b: TestApp;
  let a: TestApp | undefined;
  let publish: (workflow: unknown) => Promise<{ version: number; latest: boolean }>;

  // A database of its own for each test: what the tests assert is the catalogue of versions, which
  // one test's publishing would change for the next.
  beforeEach(async () => {
    db = await createTestDatabase();
    const shared = { db, target: { ...db.target, close: async () => {} } };
    b = await startTestApp({ database: shared });
    if (db.url) {
      a = await startTestApp({ database: shared });
      publish = async (workflow) => {
        const res = await a!.request('POST', '/workflows', { body: { workflow }, as: ADMINISTRATOR });
        if (res.status !== 201) throw new Error(`publishing on A answered ${res.status} ${res.text}`);
        return res.body;
      };
    } else {
      // The embedded database takes one connection: a second registry on the same ORM stands in for instance A.
      const other = new DefinitionRegistry(b.orm, b.app.get(APP_CONFIG), b.clock, b.app.get(VERSION_USAGE));
      publish = (workflow) => other.publishSubmission({ workflow });
    }
  });
  afterEach(async () => {
    await a?.close();
    a = undefined;
    await b?.close();
    await db?.drop();
  });

  const startOnB = async (title: string) => {
    const res = await b.request('POST', '/cases', { body: { workflow: 'samverkan', title }, as: SECRETARIAT });
    expect(res.status).toBe(201);
    return res.body;
  };
  const listedOnB = async () =>
    ((await b.request('GET', '/workflows', { as: SECRETARIAT })).body as Array<{ id: string; version: number; latest: boolean }>)
      .filter((w) => w.id === 'samverkan')
      .map((w) => `${w.id} v${w.version}${w.latest ? ' latest' : ''}`);
  const firstStep = (workflow: { states: { gatherActors: { meta: { title: { sv: string } } } } }) => workflow.states.gatherActors.meta.title.sv;
  const stepOnB = async (caseId: string) =>
    (await b.request('GET', `/cases/${caseId}`, { as: SECRETARIAT, headers: { 'accept-language': 'sv' } })).body.state.steps.map(
      (s: { title: string }) => s.title,
    );

  it('starts a case on a version published elsewhere a moment ago, and lists it as the newest', async () => {
    expect((await startOnB('Före')).workflow.version).toBe(1);
    expect(await listedOnB()).toEqual(['samverkan v1 latest']);

    const v2 = { ...structuredClone(shipped), version: 2 };
    v2.states.gatherActors.meta.title.sv = 'Samla parterna';
    expect(await publish(v2)).toMatchObject({ version: 2, latest: true });

    const created = await startOnB('Efter');
    expect(created.workflow.version).toBe(2);
    expect(await listedOnB()).toEqual(['samverkan v2 latest', 'samverkan v1']);
    const shown = await b.request('GET', '/workflows/samverkan/versions/2', { as: SECRETARIAT });
    expect(firstStep(shown.body.definition)).toBe('Samla parterna');
    expect(await stepOnB(created.id)).toEqual(['Samla parterna']);
    // The case pinned to v2 runs on it on B too: its history says so.
    const history = (await b.request('GET', `/cases/${created.id}/history`, { as: SECRETARIAT })).body.events;
    expect(history[0].payload.workflow).toEqual({ id: 'samverkan', version: 2 });
  });

  it('runs the content a version without cases was published again with, not what the instance read before', async () => {
    const v3 = { ...structuredClone(shipped), version: 3 };
    v3.states.gatherActors.meta.title.sv = 'Första utkastet';
    await publish(v3);
    // B reads the first content (and so has it in memory)...
    expect(firstStep((await b.request('GET', '/workflows/samverkan/versions/3', { as: SECRETARIAT })).body.definition)).toBe('Första utkastet');
    // ...then v3, still without cases, is published again elsewhere with other content.
    v3.states.gatherActors.meta.title.sv = 'Andra utkastet';
    await publish(v3);
    expect(firstStep((await b.request('GET', '/workflows/samverkan/versions/3', { as: SECRETARIAT })).body.definition)).toBe('Andra utkastet');
    const created = await startOnB('På andra utkastet');
    expect(created.workflow.version).toBe(3);
    expect(await stepOnB(created.id)).toEqual(['Andra utkastet']);
    // A case is now pinned to v3: another edit is refused, whoever publishes it.
    v3.states.gatherActors.meta.title.sv = 'Tredje utkastet';
    await expect(publish(v3)).rejects.toThrow(/en använd version ändras aldrig/);
  });
});
