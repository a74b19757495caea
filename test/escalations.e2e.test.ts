import { ManualClock } from '../src/common/clock.js';
import { EscalationJob } from '../src/escalations/escalation.job.js';
import { EscalationsService } from '../src/escalations/escalations.service.js';
import { OutboxRelay } from '../src/notifications/outbox.relay.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifySignature } from '../src/notifications/webhook-signature.js';
import { ANNA, finishFristCase, fristDefinitions, seedCast, startCase } from './support/deadline-fixture.js';
import { PROCESS_OWNER } from './support/governance-fixture.js';
import { startMailCatcher, type MailCatcher } from './support/mail-catcher.js';
import { startTestApp, type TestApp, type TestAppOptions } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

/**
 * Two instances of the service on one database, each running the escalation sweep and the outbox
 * relay, a real SMTP server and a real webhook receiver in the process, restarts and crashes in
 * between: every level fires once, every recipient gets one e-mail per level, every level one
 * signed webhook and every recipient one inbox entry.
 *
 * On a PostgreSQL server the two instances sweep at the same moment. The embedded database (one
 * session, shared by both instances' pools) cannot interleave two transactions, so there they take
 * turns; the claims and the exactly-once rules are the same.
 */
describe('escalations with two scheduler instances', () => {
  const defs = fristDefinitions();
  const secret = 'delad-hemlighet-for-webhooks-0123456789';
  const clock = new ManualClock('2026-06-18T10:00:00+02:00');
  const concurrent = !!process.env.DATABASE_URL;
  let db: TestDatabase;
  let mail: MailCatcher;
  let hooks: WebhookReceiver;
  let a: TestApp;
  /** Whether instance a runs: the first test stops and starts it, as a restart and crashes do. */
  let aRuns = false;
  let b: TestApp;
  let seeded: Awaited<ReturnType<typeof seedCast>>;

  const options = (): TestAppOptions => ({
    workflowsDir: defs.workflowsDir,
    rulesDir: defs.rulesDir,
    clock,
    database: { db, target: { ...db.target, close: async () => {} } },
    config: { smtp: { url: mail.url, from: 'Samverkan <noreply@samverkan.example>' }, webhooks: { urls: [hooks.url], secret } },
    defaultActor: ANNA,
  });
  async function onBoth<R>(work: (t: TestApp) => Promise<R>): Promise<R[]> {
    if (concurrent) return Promise.all([work(a), work(b)]);
    return [await work(a), await work(b)];
  }
  const sweep = async () => (await onBoth((t) => t.app.get(EscalationJob).run())).reduce((x, y) => x + y, 0);
  const relay = async () =>
    (await onBoth((t) => t.app.get(OutboxRelay).run())).reduce((x, y) => ({
      sent: x.sent + y.sent,
      retrying: x.retrying + y.retrying,
      failed: x.failed + y.failed,
    }));
  const history = async (id: string, type: string) => (await a.request('GET', `/cases/${id}/history`)).body.events.filter((e: any) => e.type === type);

  const startA = async () => {
    a = await startTestApp(options());
    aRuns = true;
  };
  const stopA = async () => {
    aRuns = false;
    await a.close();
  };
  /** The cases the running test started; afterEach finishes them. */
  const started: string[] = [];
  const begin = async (t: TestApp, title: string) => {
    const id = await startCase(t, seeded, title);
    started.push(id);
    return id;
  };

  beforeAll(async () => {
    mail = await startMailCatcher();
    hooks = await startWebhookReceiver();
    db = await createTestDatabase();
    await startA();
    b = await startTestApp(options());
    seeded = await seedCast(a);
  });
  beforeEach(async () => {
    if (!aRuns) await startA();
  });
  // The sweep and the relay count every case's levels and messages: a test leaves none open or
  // unsent for the next, also when it failed half-way (a crashed instance's claims run out first).
  afterEach(async () => {
    if (!aRuns) await startA();
    for (const id of started.splice(0)) await finishFristCase(a, id);
    clock.advance({ minutes: 6 });
    await relay();
  });
  afterAll(async () => {
    if (aRuns) await a.close();
    await b?.close();
    await db?.drop();
    await mail?.close();
    await hooks?.close();
    defs.remove();
  });

  it('fires each level once, sends one e-mail per recipient and level and one verifiable webhook per level, across a restart and two crashes', async () => {
    clock.set('2026-06-18T10:00:00+02:00');
    const id = await begin(a, 'Stegen');
    const { cast } = seeded;
    expect(await sweep()).toBe(0);

    // The reminder: one whole working day left.
    clock.set('2026-06-24T00:00:00+02:00');
    expect(await sweep()).toBe(1);
    expect(await relay()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    // A restart between two ticks.
    await stopA();
    await startA();
    expect(await sweep()).toBe(0);
    clock.set('2026-06-25T08:00:00+02:00');
    expect(await sweep()).toBe(1);
    expect(await relay()).toEqual({ sent: 3, retrying: 0, failed: 0 });

    // The steering level: instance a claims it and dies before firing it.
    clock.set('2026-06-27T00:00:00+02:00');
    expect(await a.app.get(EscalationsService).claimNext()).toMatchObject({ caseId: id });
    await stopA();
    expect(await b.app.get(EscalationJob).run()).toBe(0); // a's claim holds
    await startA();
    expect(await sweep()).toBe(0);
    clock.advance({ minutes: 6 }); // a's lease has run out
    expect(await sweep()).toBe(1);
    // Instance a claims one of the two messages and dies before sending it.
    expect(await a.app.get(OutboxRelay).claimNext()).not.toBeNull();
    await stopA();
    await startA();
    expect(await relay()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    clock.advance({ minutes: 6 });
    expect(await relay()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    // Later ticks find nothing more.
    clock.set('2026-07-06T09:00:00+02:00');
    expect(await sweep()).toBe(0);
    expect(await relay()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // One history event per level, by the system actor.
    expect((await history(id, 'escalation.raised')).map((e: any) => [e.payload.escalation.level, e.actor.kind])).toEqual([
      ['reminder', 'system'],
      ['manager', 'system'],
      ['steering', 'system'],
    ]);

    // One e-mail per recipient per level, in Swedish, with what blocks the case. Stina has no address.
    const mails = mail.messages.filter((m) => m.subject.includes('Stegen'));
    expect(mails.map((m) => [m.to.join(), m.subject]).sort()).toEqual(
      [
        ['anna@region.example', 'Påminnelse: Stegen – Förberedelse ska vara klart 24 juni'],
        ['maria@region.example', 'Eskalering till chef: Stegen – Förberedelse har passerat fristen'],
        ['mats@kommun.example', 'Eskalering till chef: Stegen – Förberedelse har passerat fristen'],
        ['mats@kommun.example', 'Eskalering till styrgrupp: Stegen – Förberedelse är 2 arbetsdagar försenat'],
      ].sort(),
    );
    const steering = mails.find((m) => m.subject.startsWith('Eskalering till styrgrupp'))!;
    expect(steering.from).toBe('noreply@samverkan.example');
    expect(steering.text).toContain('du får det här meddelandet som styrgrupp i samverkan "Stegen".'); // the role the level told him in
    expect(steering.text).toContain('Frist: onsdag 24 juni 2026 (3 arbetsdagar)');
    expect(steering.text).toContain('Skicka på granskning (ADVANCE):\n  – Rapporten saknas: fyll i fältet "report". (ansvarig: sekretariat)');
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(4);

    // One webhook per level, signed over the body; the delivery id is the body's id.
    const received = hooks.received.filter((h) => JSON.parse(h.body).case.id === id);
    expect(received.map((h) => JSON.parse(h.body).escalation.level)).toEqual(['reminder', 'manager', 'steering']);
    for (const h of received) {
      expect(verifySignature(h.body, h.headers[SIGNATURE_HEADER.toLowerCase()] as string, secret)).toBe(true);
      expect(h.headers[DELIVERY_HEADER.toLowerCase()]).toBe(JSON.parse(h.body).id);
    }
    expect(JSON.parse(received[2]!.body)).toMatchObject({
      type: 'escalation.raised',
      step: { id: 'prepare', title: 'Förberedelse' },
      overdue: true,
      workingDaysLeft: -2,
      notifiedRoles: ['steeringGroup'],
    });

    // One inbox entry per recipient and level, on either instance.
    for (const [who, levels] of [
      ['anna', ['reminder']],
      ['maria', ['manager']],
      ['mats', ['manager', 'steering']],
      ['stina', ['steering']],
    ] as const) {
      for (const t of [a, b]) {
        const inbox = (await t.request('GET', '/me/escalations', { as: cast[who].as })).body.filter((e: any) => e.case.id === id);
        expect(inbox.map((e: any) => e.level).sort()).toEqual([...levels]);
      }
    }

    // The outbox shows every message sent; the two claimed by a crashed instance took two attempts.
    const outbox = (await b.request('GET', `/outbox?caseId=${id}`, { as: PROCESS_OWNER })).body;
    expect(outbox.total).toBe(7);
    expect(outbox.items.every((n: any) => n.status === 'sent')).toBe(true);
    expect(outbox.items.map((n: any) => n.attempts).sort()).toEqual([1, 1, 1, 1, 1, 1, 2]);

    // Moving on closes them; the history chain holds.
    await b.request('PATCH', `/cases/${id}/fields`, { body: { report: 'Rapporten' } });
    expect((await a.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } })).status).toBe(200);
    const prepare = (await b.request('GET', `/cases/${id}/escalations`)).body.filter((e: any) => e.step.id === 'prepare');
    expect(prepare.map((e: any) => e.status)).toEqual(['closed', 'closed', 'closed']);
    expect((await b.request('GET', `/cases/${id}/history/verify`)).body.valid).toBe(true);
    expect((await b.request('POST', `/cases/${id}/events`, { body: { type: 'CLOSE' } })).body.status).toBe('closed');
  });

  it('shares out many due levels between the instances and fires each once, in ladder order', async () => {
    clock.set('2026-09-07T09:00:00+02:00');
    const ids: string[] = [];
    for (let i = 1; i <= 8; i++) ids.push(await begin(i % 2 ? a : b, `Fall ${i}`));
    clock.set('2026-09-21T09:00:00+02:00'); // every level of every case is due
    expect(await sweep()).toBe(24);
    expect(await sweep()).toBe(0);
    for (const id of ids) {
      expect((await history(id, 'escalation.raised')).map((e: any) => e.payload.escalation.level)).toEqual(['reminder', 'manager', 'steering']);
    }
    const before = mail.messages.length;
    // 8 cases × (1 + 2 + 1 e-mails and 3 webhooks)
    expect(await relay()).toEqual({ sent: 56, retrying: 0, failed: 0 });
    expect(await relay()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const mails = mail.messages.slice(before);
    const keys = mails.map((m) => `${m.to.join()} ${m.subject}`);
    expect(new Set(keys).size).toBe(32);
    expect(keys).toHaveLength(32);
    const hooksPerLevel = hooks.received
      .map((h) => JSON.parse(h.body))
      .filter((p) => ids.includes(p.case.id))
      .map((p) => `${p.case.id} ${p.escalation.level}`);
    expect(new Set(hooksPerLevel).size).toBe(24);
    expect(hooksPerLevel).toHaveLength(24);
  });
});
