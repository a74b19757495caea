import { EscalationJob } from '../src/escalations/escalation.job.js';
import { OutboxRelay } from '../src/notifications/outbox.relay.js';
import { ANNA, finishFristCase, fristDefinitions, seedCast, startCase } from './support/deadline-fixture.js';
import { PROCESS_OWNER } from './support/governance-fixture.js';
import { MEMBER, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Deadlines on the Swedish calendar and the escalation ladder, on one instance without SMTP (mail
 * goes to the log; the inbox works). The clock is moved, never waited for.
 */
describe('deadlines and escalations', () => {
  const defs = fristDefinitions();
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedCast>>;
  const job = () => t.app.get(EscalationJob);
  const relay = () => t.app.get(OutboxRelay);
  const history = async (id: string, type: string) => (await t.request('GET', `/cases/${id}/history`)).body.events.filter((e: any) => e.type === type);
  const escalations = async (id: string) => (await t.request('GET', `/cases/${id}/escalations`)).body as any[];
  /** Moves a case to its end, so that its deadlines and levels do not count in later tests. */
  const finish = async (id: string) => {
    await finishFristCase(t, id);
    expect((await t.request('GET', `/cases/${id}`)).body.status).toBe('closed');
  };
  /** The cases the running test started; afterEach finishes those it did not (when it failed half-way). */
  const started: string[] = [];
  const begin = async (title: string) => {
    const id = await startCase(t, seeded, title);
    started.push(id);
    return id;
  };
  const stalled = async (value: 'true' | 'false') =>
    ((await t.request('GET', `/cases?workflow=frist&stalled=${value}&limit=100`)).body.items as any[]).map((c) => c.id);

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: defs.workflowsDir, rulesDir: defs.rulesDir, defaultActor: ANNA });
    seeded = await seedCast(t);
  });
  beforeEach(() => t.clock.set('2026-06-18T10:00:00+02:00')); // Thursday before midsommar
  // The escalation job and the relay work on every case: nothing a test started may be left open
  // or unsent for the next one, also when it failed before its own finish.
  afterEach(async () => {
    for (const id of started.splice(0)) await finishFristCase(t, id);
    await relay().run();
  });
  afterAll(async () => {
    await t.close();
    defs.remove();
  });

  it('puts the deadline of 3 working days from Thursday 2026-06-18 on Wednesday the 24th, across midsommar and a weekend', async () => {
    const id = await begin('Midsommarfristen');
    const deadline = async () => (await t.request('GET', `/cases/${id}`)).body.deadlines;
    expect(await deadline()).toEqual([
      {
        step: { id: 'prepare', title: 'Förberedelse' },
        enteredAt: '2026-06-18T08:00:00.000Z',
        sla: { workingDays: 3 },
        dueOn: '2026-06-24',
        dueAt: '2026-06-24T22:00:00.000Z',
        overdue: false,
        workingDaysLeft: 3,
      },
    ]);
    // Midsommarafton (Friday) and the weekend are not working days: still 3 left on Sunday.
    t.clock.set('2026-06-21T12:00:00+02:00');
    expect((await deadline())[0]).toMatchObject({ overdue: false, workingDaysLeft: 3 });
    t.clock.set('2026-06-22T09:00:00+02:00');
    expect((await deadline())[0]).toMatchObject({ overdue: false, workingDaysLeft: 2 });
    t.clock.set('2026-06-24T23:59:00+02:00');
    expect((await deadline())[0]).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    expect(await stalled('true')).not.toContain(id);
    expect(await stalled('false')).toContain(id);
    t.clock.set('2026-06-25T00:00:00+02:00');
    expect((await deadline())[0]).toMatchObject({ overdue: true, workingDaysLeft: 0 });
    expect(await stalled('true')).toContain(id);
    expect(await stalled('false')).not.toContain(id);
    t.clock.set('2026-06-29T10:00:00+02:00'); // Thursday and Friday have gone by
    expect((await deadline())[0]).toMatchObject({ overdue: true, workingDaysLeft: -2 });
    await finish(id);
    expect(await deadline()).toEqual([]);
  });

  it('refuses a stalled filter that is not true or false', async () => {
    const res = await t.request('GET', '/cases?stalled=yes');
    expect(res.body).toMatchObject({ status: 400, errors: [{ path: 'stalled', message: 'stalled måste vara ett av följande värden: "true", "false"' }] });
  });

  it('climbs the ladder once per level, tells the roles on the case, and closes it when the case moves on', async () => {
    t.clock.set('2026-06-18T10:00:00+02:00');
    const id = await begin('Stegen');
    const planned = await escalations(id);
    expect(planned.map((e) => [e.level, e.status, e.fireAt])).toEqual([
      ['reminder', 'scheduled', '2026-06-23T22:00:00.000Z'], // end of Tuesday: one whole working day left
      ['manager', 'scheduled', '2026-06-24T22:00:00.000Z'], // the deadline
      ['steering', 'scheduled', '2026-06-26T22:00:00.000Z'], // two whole working days late
    ]);

    expect(await job().run()).toBe(0);
    t.clock.set('2026-06-24T00:00:00+02:00');
    expect(await job().run()).toBe(1);
    expect(await job().run()).toBe(0);
    t.clock.set('2026-06-29T07:00:00+02:00');
    // The service was away over the weekend: both remaining levels fire, in ladder order.
    expect(await job().run()).toBe(2);
    expect(await job().run()).toBe(0);

    const raised = await history(id, 'escalation.raised');
    expect(raised.map((e: any) => [e.payload.escalation.level, e.actor.kind, e.payload.overdue, e.payload.workingDaysLeft])).toEqual([
      ['reminder', 'system', false, 1],
      ['manager', 'system', true, -2],
      ['steering', 'system', true, -2],
    ]);
    const { cast } = seeded;
    expect(raised[1].payload.notified.map((n: any) => n.person).sort()).toEqual([cast.maria.id, cast.mats.id].sort());
    expect(raised[1].payload.blocking).toEqual([{ event: 'ADVANCE', failing: ['report-written'] }]);
    expect(raised[2].payload.messages).toEqual({ email: 1, webhook: 0 }); // Stina has no e-mail address

    // No SMTP configured: the mail is written to the log and counts as delivered.
    expect(await relay().run()).toEqual({ sent: 4, retrying: 0, failed: 0 });
    const outbox = (await t.request('GET', `/outbox?caseId=${id}`, { as: PROCESS_OWNER })).body;
    expect(outbox.items.map((n: any) => [n.channel, n.status, n.deliveredVia]).sort()).toEqual(Array(4).fill(['email', 'sent', 'log']));
    expect(JSON.stringify(outbox)).not.toContain('@'); // no e-mail addresses in the operators' view
    expect((await t.request('GET', '/outbox', { as: MEMBER })).status).toBe(403);

    // The inbox of each person: Mats holds both roles and gets both levels; Stina has no e-mail but an inbox.
    const inbox = async (who: keyof typeof cast) =>
      (await t.request('GET', '/me/escalations', { as: cast[who].as })).body.filter((e: any) => e.case.id === id).map((e: any) => e.level);
    expect(await inbox('anna')).toEqual(['reminder']);
    expect(await inbox('maria')).toEqual(['manager']);
    expect((await inbox('mats')).sort()).toEqual(['manager', 'steering']);
    expect(await inbox('stina')).toEqual(['steering']);

    // A member may not acknowledge; a manager may, once; it is in the history.
    const manager = (await escalations(id)).find((e) => e.level === 'manager');
    expect(manager).toMatchObject({ status: 'open', title: 'Eskalering till chef', deliveries: { email: { sent: 2 } } });
    expect(manager.recipients.map((r: any) => r.name).sort()).toEqual(['Maria Chef', 'Mats Chef']);
    // Someone of an organisation that is not a party does not see it at all; the secretariat is not a manager.
    expect((await t.request('POST', `/escalations/${manager.id}/ack`, { body: {}, as: MEMBER })).status).toBe(404);
    const denied = await t.request('POST', `/escalations/${manager.id}/ack`, { body: {} });
    expect(denied.body).toMatchObject({ status: 403, message: 'bara chef eller styrgrupp får kvittera den här eskaleringen; du har sekretariat i ärendet' });
    const ack = await t.request('POST', `/escalations/${manager.id}/ack`, { body: { comment: 'Tas upp i ledningsgruppen.' }, as: cast.maria.as });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledged: { person: 'maria.chef', comment: 'Tas upp i ledningsgruppen.' } });
    const again = await t.request('POST', `/escalations/${manager.id}/ack`, { body: {}, as: cast.maria.as });
    expect(again.body).toMatchObject({ status: 409, code: 'ESCALATION_NOT_OPEN' });
    expect((await history(id, 'escalation.acknowledged')).map((e: any) => [e.payload.escalation.level, e.actor.person, e.payload.comment])).toEqual([
      ['manager', 'maria.chef', 'Tas upp i ledningsgruppen.'],
    ]);
    expect(
      (await t.request('GET', '/me/escalations?status=open', { as: cast.mats.as })).body.filter((e: any) => e.case.id === id).map((e: any) => e.level),
    ).toEqual(['steering']);

    // Moving on closes every open escalation of the step; the new step gets its own deadlines.
    await t.request('PATCH', `/cases/${id}/fields`, { body: { report: 'Rapport 2026-06-29' } });
    const moved = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } });
    expect(moved.status).toBe(200);
    const seq = moved.body.version;
    expect((await escalations(id)).filter((e) => e.step.id === 'prepare').map((e) => [e.level, e.status, e.closedSeq])).toEqual([
      ['reminder', 'closed', seq],
      ['manager', 'closed', seq],
      ['steering', 'closed', seq],
    ]);
    expect((await escalations(id)).find((e) => e.level === 'manager' && e.step.id === 'prepare').acknowledged).toMatchObject({ person: 'maria.chef' });
    expect((await t.request('POST', `/escalations/${manager.id}/ack`, { body: {}, as: cast.mats.as })).body.code).toBe('ESCALATION_NOT_OPEN');
    expect(await stalled('true')).not.toContain(id);
    expect((await t.request('GET', `/cases/${id}/history/verify`)).body.valid).toBe(true);
    await finish(id);
  });

  it('gives nested and parallel steps a deadline each, and closes only the ones left', async () => {
    t.clock.set('2026-12-21T09:00:00+01:00'); // Monday before Christmas
    const id = await begin('Parallell granskning');
    await t.request('PATCH', `/cases/${id}/fields`, { body: { report: 'klar' } });
    const moved = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } });
    // The command's answer carries the deadlines it wrote, as GET does.
    expect(moved.body.deadlines.map((d: any) => [d.step.id, d.dueOn, d.dueAt])).toEqual([
      ['review', '2027-01-04', '2027-01-04T23:00:00.000Z'], // 10 calendar days = 31 Dec (nyårsafton, off) → Monday 4 January
      ['review.finance', '2026-12-23', '2026-12-23T23:00:00.000Z'], // Tue 22, Wed 23
      ['review.legal.reading', '2026-12-21', '2026-12-21T16:00:00.000Z'], // 8 hours
    ]);
    t.clock.set('2026-12-21T17:00:00+01:00');
    expect(await job().run()).toBe(1); // reading's manager level, at its exact hour
    expect((await escalations(id)).filter((e) => e.step.id === 'review.legal.reading').map((e) => e.status)).toEqual(['open']);
    const next = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } });
    expect(next.body.state.value).toEqual({ review: { legal: 'done', finance: {} } });
    expect(next.body.deadlines.map((d: any) => d.step.id)).toEqual(['review', 'review.finance']);
    expect((await escalations(id)).filter((e) => e.step.id === 'review.legal.reading').map((e) => e.status)).toEqual(['closed']);
    // Closing the case closes what is left; a closed case is never stalled.
    const closed = await t.request('POST', `/cases/${id}/events`, { body: { type: 'CLOSE' } });
    expect(closed.body).toMatchObject({ status: 'closed', deadlines: [] });
    t.clock.set('2027-02-01T09:00:00+01:00');
    expect(await stalled('true')).not.toContain(id);
    expect(await job().run()).toBe(0);
  });

  it('cancels levels that have not fired when the case moves on in time, and records a vacant role', async () => {
    t.clock.set('2026-09-07T09:00:00+02:00');
    const id = await begin('I tid');
    // Maria is the case's process owner, so the case can be run while the secretariat is vacant.
    const { cast, orgs } = seeded;
    await t.request('POST', `/cases/${id}/roles`, { body: { role: 'processOwner', organisationId: orgs.region, holderId: cast.maria.id } });
    const secretariat = (await t.request('GET', `/cases/${id}/roles`)).body.find((r: any) => r.role === 'secretariat');
    await t.request('PATCH', `/cases/${id}/roles/${secretariat.id}`, { body: { holderId: null } });
    t.clock.set('2026-09-10T00:00:00+02:00'); // the reminder is due: one whole working day (Thursday) left
    expect(await job().run()).toBe(1);
    const reminder = (await escalations(id))[0];
    expect(reminder).toMatchObject({ level: 'reminder', status: 'open', unfilledRoles: ['secretariat'], recipients: [] });
    expect((await history(id, 'escalation.raised'))[0].payload).toMatchObject({
      notified: [],
      unfilledRoles: ['secretariat'],
      messages: { email: 0, webhook: 0 },
    });
    await t.request('PATCH', `/cases/${id}/roles/${secretariat.id}`, { body: { holderId: cast.anna.id }, as: cast.maria.as });
    await t.request('PATCH', `/cases/${id}/fields`, { body: { report: 'klar i tid' } });
    expect((await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } })).status).toBe(200);
    expect((await escalations(id)).filter((e) => e.step.id === 'prepare').map((e) => [e.level, e.status])).toEqual([
      ['reminder', 'closed'],
      ['manager', 'cancelled'],
      ['steering', 'cancelled'],
    ]);
    t.clock.set('2026-09-30T09:00:00+02:00');
    expect(await job().run()).toBe(1); // the review's one level (reading's), none of the cancelled ones
    expect((await escalations(id)).filter((e) => e.step.id === 'prepare').map((e) => e.status)).toEqual(['closed', 'cancelled', 'cancelled']);
    await finish(id);
  });
});
