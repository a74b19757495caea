import { MEMBER, SECRETARIAT, FIELD_LIFECYCLE, startTestApp, type TestApp } from './support/test-app.js';

describe('Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  it('makes a retried create return the first answer byte for byte and create nothing new', async () => {
    const headers = { 'idempotency-key': 'create-örebro-1'.normalize('NFKD').replace(/[^\x21-\x7e]/g, '') };
    const first = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Business Region Örebro' }, headers });
    t.clock.advance({ minutes: 1 });
    const again = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Business Region Örebro' }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.request('GET', '/cases?q=Örebro')).body.total).toBe(1);
  });

  it('makes a retried event change nothing', async () => {
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Retry' } });
    await t.request('PATCH', `/cases/${c.id}/fields`, { body: { arena: 'A', agreement: 'B' } });
    const headers = { 'idempotency-key': 'advance-1' };
    const first = await t.request('POST', `/cases/${c.id}/events`, { body: { type: 'ADVANCE' }, headers });
    const again = await t.request('POST', `/cases/${c.id}/events`, { body: { type: 'ADVANCE' }, headers });
    expect(first.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect((await t.request('GET', `/cases/${c.id}`)).body.version).toBe(first.body.version);
  });

  it('refuses the same key with a different request (422) and keeps keys apart per caller', async () => {
    const headers = { 'idempotency-key': 'k-2' };
    await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Första' }, headers });
    const other = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Andra' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherCaller = { ...MEMBER, roles: ['secretariat'] };
    const theirs = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Andra' }, headers, as: otherCaller });
    expect(theirs.status).toBe(201);
    expect(theirs.body.title).toBe('Andra');
  });

  it('lets concurrent duplicates change the case once and all answer alike', async () => {
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Samtidigt' } });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request('PATCH', `/cases/${c.id}/fields`, { body: { arena: 'Forum' }, headers: { 'idempotency-key': 'same-patch' }, as: SECRETARIAT }),
      ),
    );
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await t.request('GET', `/cases/${c.id}/history`)).body.events).toHaveLength(2);
  });

  it('refuses a key that is not printable ASCII', async () => {
    const res = await t.request('POST', '/cases', {
      body: { workflow: 'samverkan', title: 'X' },
      headers: { 'idempotency-key': ' '.repeat(3) + 'x'.repeat(300) },
    });
    expect(res.status).toBe(400);
  });
});
