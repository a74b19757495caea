import { readyCase as ready } from './support/cases.js';
import { FIELD_LIFECYCLE, startTestApp, type TestApp } from './support/test-app.js';

describe('concurrent commands on one case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  const readyCase = () => ready(t);

  it('20 commands with the same If-Match: exactly one wins, 19 get 409, the history shows one transition', async () => {
    const { id, version } = await readyCase();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' }, headers: { 'if-match': `"${version}"` } })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'VERSION_CONFLICT' && r.body.currentVersion === version + 1)).toBe(true);
    const history = await t.request('GET', `/cases/${id}/history`);
    expect(history.body.events.filter((e: any) => e.type === 'case.transitioned')).toHaveLength(1);
    expect((await t.request('GET', `/cases/${id}/history/verify`)).body).toEqual({ valid: true, events: version + 1 });
  });

  it('without If-Match no update is lost: 20 concurrent field changes all land, one event each', async () => {
    const { id, version } = await readyCase();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.request('PATCH', `/cases/${id}/fields`, { body: { [`note${i}`]: `anteckning ${i}` } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const after = await t.request('GET', `/cases/${id}`);
    expect(Object.keys(after.body.fields).filter((k) => k.startsWith('note'))).toHaveLength(20);
    expect(after.body.version).toBe(version + 20);
    expect((await t.request('GET', `/cases/${id}/history/verify`)).body).toEqual({ valid: true, events: version + 20 });
  });

  it('without If-Match, racing ADVANCEs move the case once each: never two transitions from one state', async () => {
    const { id, version } = await readyCase();
    const results = await Promise.all(Array.from({ length: 10 }, () => t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } })));
    // The first moves to jointProblem; the rest find its gate (problem statement) unmet.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.failures[0].rule === 'problem-statement')).toBe(true);
    expect((await t.request('GET', `/cases/${id}`)).body).toMatchObject({ version: version + 1, state: { value: 'jointProblem' } });
  });
});
