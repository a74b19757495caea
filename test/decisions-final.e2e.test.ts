import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kronobergCaseAtDecisions } from './support/factories.js';
import { seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * Kronoberg's gate waits for the decisions to become final (laga kraft): three weeks after the
 * announcement, moved past days off. And goals take their values from Kolada's live API.
 */
describe('decisions that must be final, and Kolada live', () => {
  let t: TestApp;
  let kolada: Server;
  const requested: string[] = [];

  beforeAll(async () => {
    // A local stand-in for api.kolada.se serving recorded data in its format.
    kolada = createServer((req, res) => {
      requested.push(req.url ?? '');
      const match = /^\/v2\/data\/kpi\/(\w+)\/municipality\/(\d+)$/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          count: 2,
          values: [2024, 2025].map((period, i) => ({
            kpi: match[1],
            municipality: match[2],
            period,
            values: [
              { count: 1, gender: 'K', status: '', value: 1 },
              { count: 1, gender: 'T', status: '', value: 9.5 - i },
            ],
          })),
        }),
      );
    });
    await new Promise<void>((r) => kolada.listen(0, '127.0.0.1', r));
    t = await startTestApp({ config: { koladaBaseUrl: `http://127.0.0.1:${(kolada.address() as AddressInfo).port}/` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => kolada.close(r));
  });

  it('blocks until the appeal window has passed, naming each board and the first day it is final', async () => {
    // Thursday 3 December 2026: three weeks later is julafton, so the window ends Monday 28 December.
    t.clock.set('2026-12-03T10:00:00+01:00');
    const orgs = await seedRegistry(t);
    const region = { person: 'sekr.kronoberg', organisation: '07' };
    const vaxjo = { person: 'sekr.vaxjo', organisation: '0780' };
    const as = (actor: TestActor) => (method: string, path: string, body?: unknown) =>
      t.request(method, path, { as: actor, ...(body !== undefined ? { body } : {}) });
    const r = as(region);
    const c = await kronobergCaseAtDecisions(t, orgs, { title: 'Barnens bästa – laga kraft', region, vaxjo });
    expect(c.state).toBe('decisions');

    const boards = [orgs.get('Region Kronoberg')!.boards.get('Regionstyrelsen')!, orgs.get('Växjö kommun')!.boards.get('Socialnämnden')!];
    const text = 'Nämnden ställer sig bakom överenskommelsen.';
    await r('POST', `/cases/${c.id}/decision-points`, { key: 'joint-agreement', title: 'Likalydande beslut', referenceText: text, boardIds: boards });
    // Not decided yet: the earliest day is that of a decision announced today (3 December).
    const undecided = await r('POST', `/cases/${c.id}/events`, { type: 'ADVANCE' });
    expect(undecided.body.failures.map((f: any) => f.message).filter((m: string) => m.includes('laga kraft'))).toEqual([
      'Region Kronoberg – regionstyrelsen: beslutet har inte vunnit laga kraft (tidigast 2026-12-29).',
      'Växjö kommun – socialnämnden: beslutet har inte vunnit laga kraft (tidigast 2026-12-29).',
    ]);
    for (const [board, actor] of [
      [boards[0]!, region],
      [boards[1]!, vaxjo],
    ] as const) {
      const res = await as(actor)('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${board}`, {
        status: 'announced',
        text,
        meetingDate: '2026-11-24',
        minutesApprovedDate: '2026-12-01',
        announcedDate: '2026-12-03',
      });
      expect(res.body.appealDeadline).toBe('2026-12-28');
    }
    const blocked = await r('POST', `/cases/${c.id}/events`, { type: 'ADVANCE' });
    expect(blocked.body.failures.map((f: any) => f.message)).toEqual([
      'Region Kronoberg – regionstyrelsen: beslutet har inte vunnit laga kraft (tidigast 2026-12-29).',
      'Växjö kommun – socialnämnden: beslutet har inte vunnit laga kraft (tidigast 2026-12-29).',
    ]);

    t.clock.set('2026-12-28T23:00:00+01:00');
    expect((await r('POST', `/cases/${c.id}/events`, { type: 'ADVANCE' })).status).toBe(422);
    t.clock.set('2026-12-29T08:00:00+01:00');
    const passed = await r('POST', `/cases/${c.id}/events`, { type: 'ADVANCE' });
    expect(passed.body.state.value).toBe('jointProblem');
    const gate = (await r('GET', `/cases/${c.id}/history`)).body.events.at(-1).payload.gate;
    expect(gate.ruleSets).toEqual([
      { id: 'identical-decisions', passed: true },
      { id: 'decisions-final', passed: true },
    ]);
  });

  it("imports the values of Kolada's live API for each goal's KPI and municipality", async () => {
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Kolada live' } });
    const goal = (
      await t.request('POST', `/cases/${c.id}/goals`, {
        body: {
          title: 'Lägre arbetslöshet i Växjö',
          kpi: 'N03937',
          municipalityCode: '0780',
          baselineValue: 10,
          baselineYear: 2023,
          targetKind: 'absolute',
          targetValue: 6,
          targetYear: 2030,
        },
      })
    ).body;
    const synced = await t.request('POST', `/cases/${c.id}/goals/kolada-sync`);
    expect(synced.body).toEqual({ imported: 2, goals: [goal.id], unmatched: 0 });
    expect(requested).toContain('/v2/data/kpi/N03937/municipality/0780');
    expect((await t.request('GET', `/cases/${c.id}/goals/${goal.id}`)).body.measurements).toEqual([
      { period: 2024, value: 9.5, source: 'kolada-api' },
      { period: 2025, value: 8.5, source: 'kolada-api' },
    ]);
    // Again: nothing new, so nothing in the history.
    const version = (await t.request('GET', `/cases/${c.id}`)).body.version;
    expect((await t.request('POST', `/cases/${c.id}/goals/kolada-sync`)).body).toEqual({ imported: 0, goals: [], unmatched: 0 });
    expect((await t.request('GET', `/cases/${c.id}`)).body.version).toBe(version);
  });
});
