import { appoint, readyCase } from '../support/cases.js';
import { SECRETARIAT, FIELD_LIFECYCLE, startTestApp, type TestActor, type TestApp } from '../support/test-app.js';
import { figure, n } from './figure.js';

/**
 * R2, idempotency under concurrency: many keys, each sent several times at once, as retrying
 * clients do. Every copy answers byte for byte like the first, the change happens once, the same
 * key with another body is refused (422), and one caller's keys never answer another caller.
 */
describe('R2 idempotency', () => {
  const KEYS = 60;
  const COPIES = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  /** A second secretariat of the same case (assigned below): another caller with the same keys. */
  const OTHER: TestActor = { person: 'karin.berg', organisation: SECRETARIAT.organisation };
  const key = (i: number) => ({ 'idempotency-key': `r2-key-${i}` });

  it(`${KEYS} keys × ${COPIES} concurrent copies: one change each, replays byte for byte, 422 on reuse, keys kept apart per caller`, async () => {
    const { id: caseId } = await readyCase(t, 'R2 – idempotens');
    const startVersion = await appoint(t, caseId, 'secretariat', OTHER);

    // Half the keys create cases, half change fields of one case; all copies of all keys at once.
    const isCreate = (i: number) => i % 2 === 0;
    const send = (i: number, as: TestActor, variant = '') =>
      isCreate(i)
        ? t.request('POST', '/cases', { body: { workflow: 'samverkan', title: `R2 fall ${i}${variant}` }, headers: key(i), as })
        : t.request('PATCH', `/cases/${caseId}/fields`, { body: { [`field${i}`]: `värde ${i}${variant}` }, headers: key(i), as });
    const answers = await Promise.all(Array.from({ length: KEYS * COPIES }, (_, j) => send(j % KEYS, SECRETARIAT).then((res) => ({ i: j % KEYS, res }))));

    const byKey = new Map<number, typeof answers>();
    for (const a of answers) byKey.set(a.i, [...(byKey.get(a.i) ?? []), a]);
    const mismatched = [...byKey.values()].filter((copies) => new Set(copies.map((c) => `${c.res.status} ${c.res.text}`)).size !== 1);
    const failed = answers.filter((a) => a.res.status >= 300);
    const replayed = answers.filter((a) => a.res.headers.get('idempotent-replayed') === 'true');
    expect({ mismatched: mismatched.length, failed: failed.map((f) => `${f.res.status} ${f.res.text}`) }).toEqual({ mismatched: 0, failed: [] });

    // Each create key made exactly one case; the field keys moved the case once each.
    const creates = Array.from({ length: KEYS }, (_, i) => i).filter(isCreate);
    const made = await Promise.all(
      creates.map(
        async (i) =>
          (await t.request('GET', `/cases?q=${encodeURIComponent(`R2 fall ${i}`)}&limit=100`)).body.items.filter(
            (c: { title: string }) => c.title === `R2 fall ${i}`,
          ).length,
      ),
    );
    expect(made).toEqual(creates.map(() => 1));
    const patched = (await t.request('GET', `/cases/${caseId}`)).body;
    const patchKeys = KEYS - creates.length;
    expect(patched.version).toBe(startVersion + patchKeys);
    expect((await t.request('GET', `/cases/${caseId}/history/verify`)).body).toEqual({ valid: true, events: startVersion + patchKeys });

    // The same key with another body: refused, nothing changes.
    const reused = await Promise.all(Array.from({ length: KEYS }, (_, i) => send(i, SECRETARIAT, ' (ändrad)')));
    expect(reused.filter((r) => r.status === 422 && r.body.code === 'IDEMPOTENCY_KEY_REUSED')).toHaveLength(KEYS);
    expect((await t.request('GET', `/cases/${caseId}`)).body.version).toBe(startVersion + patchKeys);

    // Another caller with the same keys and other bodies: their own requests, answered as new.
    const theirs = await Promise.all(Array.from({ length: KEYS }, (_, i) => send(i, OTHER, ' (annan)')));
    const apart = theirs.filter(
      (r, i) =>
        r.status < 300 &&
        r.headers.get('idempotent-replayed') === null &&
        (isCreate(i) ? r.body.title === `R2 fall ${i} (annan)` : r.body.fields[`field${i}`] === `värde ${i} (annan)`),
    );
    expect(apart).toHaveLength(KEYS);

    figure(
      `R2: ${n(answers.length)} requests over ${KEYS} keys → ${KEYS} applied, ${n(replayed.length)} replayed byte for byte, ${mismatched.length} mismatched; ` +
        `${reused.length} × 422 on reuse with another body; ${apart.length} of ${KEYS} keys of another caller kept apart`,
    );
  });
});
