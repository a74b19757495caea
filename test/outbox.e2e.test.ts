import { EscalationJob } from '../src/escalations/escalation.job.js';
import { OutboxRelay } from '../src/notifications/outbox.relay.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER } from '../src/notifications/webhook-signature.js';
import { ANNA, fristDefinitions, seedCast, startCase } from './support/deadline-fixture.js';
import { PROCESS_OWNER } from './support/governance-fixture.js';
import { startMailCatcher, type MailCatcher } from './support/mail-catcher.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { freePort, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

/**
 * A mail server that is down and a webhook receiver that fails: delivery waits and retries with
 * backoff, visibly in the outbox, and never blocks or fails the case's commands; a message given
 * up on can be retried by hand.
 */
describe('the outbox when receivers fail', () => {
  const defs = fristDefinitions();
  let t: TestApp;
  let smtpPort: number;
  let mail: MailCatcher | undefined;
  let hooks: WebhookReceiver;
  const relay = () => t.app.get(OutboxRelay).run();
  const outbox = async (id: string) => (await t.request('GET', `/outbox?caseId=${id}`, { as: PROCESS_OWNER })).body.items as any[];
  const byChannel = (items: any[], channel: string) => items.find((n) => n.channel === channel);

  beforeAll(async () => {
    smtpPort = await freePort(); // nothing listens there yet
    hooks = await startWebhookReceiver();
    hooks.status = 503;
    t = await startTestApp({
      defaultActor: ANNA,
      workflowsDir: defs.workflowsDir,
      rulesDir: defs.rulesDir,
      config: {
        smtp: { url: `smtp://127.0.0.1:${smtpPort}`, from: 'noreply@samverkan.example' },
        webhooks: { urls: [hooks.url], secret: 'x'.repeat(32) },
        notifyMaxAttempts: 3,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await mail?.close();
    await hooks.close();
    defs.remove();
  });

  it('retries with backoff, shows why, lets the case go on, delivers when the receivers are back', async () => {
    t.clock.set('2026-06-18T10:00:00+02:00');
    const id = await startCase(t, await seedCast(t), 'Nere');
    t.clock.set('2026-06-24T00:00:00+02:00');
    expect(await t.app.get(EscalationJob).run()).toBe(1);

    expect(await relay()).toEqual({ sent: 0, retrying: 2, failed: 0 });
    let items = await outbox(id);
    expect(byChannel(items, 'email')).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-06-23T22:01:00.000Z',
      recipient: { roles: ['secretariat'] },
    });
    expect(byChannel(items, 'email').lastError).toMatch(/ECONNREFUSED/);
    expect(byChannel(items, 'webhook')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'the receiver answered HTTP 503' });
    const [escalation] = (await t.request('GET', `/cases/${id}/escalations`)).body;
    expect(escalation.deliveries).toEqual({ email: { pending: 1, sent: 0, failed: 0 }, webhook: { pending: 1, sent: 0, failed: 0 } });

    // The case is not held up by its notifications.
    expect((await t.request('PATCH', `/cases/${id}/fields`, { body: { note: 'arbetet pågår' } })).status).toBe(200);

    // Not before the backoff has passed.
    expect(await relay()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // The mail server comes up; the receiver still fails.
    mail = await startMailCatcher(smtpPort);
    t.clock.advance({ minutes: 1 });
    expect(await relay()).toEqual({ sent: 1, retrying: 1, failed: 0 });
    expect(mail.messages.map((m) => [m.to.join(), m.subject])).toEqual([['anna@region.example', 'Påminnelse: Nere – Förberedelse ska vara klart 24 juni']]);
    items = await outbox(id);
    expect(byChannel(items, 'email')).toMatchObject({ status: 'sent', attempts: 2, deliveredVia: 'smtp', lastError: null, nextAttemptAt: null });
    expect(byChannel(items, 'webhook')).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: '2026-06-23T22:03:00.000Z' });

    // The third failure is the last: the message is marked failed, and stays visible.
    t.clock.advance({ minutes: 2 });
    expect(await relay()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(byChannel(await outbox(id), 'webhook')).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await t.request('GET', '/outbox?status=failed', { as: PROCESS_OWNER })).body.total).toBe(1);
    t.clock.advance({ hours: 2 });
    expect(await relay()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // A process owner retries it once the receiver works; the same delivery, byte for byte.
    hooks.status = 200;
    const webhook = byChannel(await outbox(id), 'webhook');
    expect((await t.request('POST', `/outbox/${webhook.id}/retry`, { as: PROCESS_OWNER })).body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await t.request('POST', `/outbox/${webhook.id}/retry`, { as: PROCESS_OWNER })).body).toMatchObject({ status: 422 });
    expect(await relay()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(hooks.received).toHaveLength(4);
    expect(new Set(hooks.received.map((h) => h.body)).size).toBe(1);
    expect(new Set(hooks.received.map((h) => h.headers[SIGNATURE_HEADER.toLowerCase()])).size).toBe(1);
    expect(new Set(hooks.received.map((h) => h.headers[DELIVERY_HEADER.toLowerCase()]))).toEqual(new Set([webhook.id]));
    expect(byChannel(await outbox(id), 'webhook')).toMatchObject({ status: 'sent', deliveredVia: 'http' });
  });
});
