import { readyCase } from '../support/cases.js';
import { FIELD_LIFECYCLE, startTestApp, type TestApp } from '../support/test-app.js';
import { figure } from './figure.js';

/**
 * R1, races: many clients act on one case at the same moment. With the same `If-Match`, exactly one
 * wins and the rest get 409 with the new version; without it, commands are serialised by the row
 * lock and none is lost.
 */
describe('R1 races', () => {
  const RACERS = 50;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  it(`${RACERS} conflicting commands with one If-Match: 1 succeeds, ${RACERS - 1} × 409, one event; without If-Match no update is lost`, async () => {
    const { id, version } = await readyCase(t, 'R1 – kapplöpning');
    const racing = await Promise.all(
      Array.from({ length: RACERS }, () => t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' }, headers: { 'if-match': `"${version}"` } })),
    );
    const won = racing.filter((r) => r.status === 200);
    const conflicts = racing.filter((r) => r.status === 409 && r.body.code === 'VERSION_CONFLICT' && r.body.currentVersion === version + 1);
    expect({ won: won.length, conflicts: conflicts.length }).toEqual({ won: 1, conflicts: RACERS - 1 });
    const afterRace = await t.request('GET', `/cases/${id}/history`);
    const transitions = afterRace.body.events.filter((e: { type: string }) => e.type === 'case.transitioned');
    expect(transitions).toHaveLength(1);

    // Without If-Match every change lands, each as its own event on top of the previous one.
    const changes = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => t.request('PATCH', `/cases/${id}/fields`, { body: { [`note${i}`]: `anteckning ${i}` } })),
    );
    expect(changes.filter((r) => r.status === 200)).toHaveLength(RACERS);
    const after = (await t.request('GET', `/cases/${id}`)).body;
    const kept = Object.keys(after.fields).filter((k) => k.startsWith('note')).length;
    expect({ kept, version: after.version }).toEqual({ kept: RACERS, version: version + 1 + RACERS });
    const seqs = changes.map((r) => r.body.version).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: RACERS }, (_, i) => version + 2 + i));
    expect((await t.request('GET', `/cases/${id}/history/verify`)).body).toEqual({ valid: true, events: version + 1 + RACERS });

    figure(
      `R1: ${RACERS} racing commands with one If-Match → ${won.length} applied, ${conflicts.length} × 409, ${transitions.length} event; ${RACERS} without If-Match → ${kept} kept, ${RACERS - kept} lost`,
    );
  });
});
