import { EscalationJob } from '../src/escalations/escalation.job.js';
import { createCase } from './support/factories.js';
import { seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * "Mina ärenden" says when an escalation has fired in the step a case is in, also before the
 * deadline (a reminder), so the list never shows a case as simply "in time" while its people are
 * being reminded or its manager has been told.
 */
describe('my cases and fired escalations', () => {
  let t: TestApp;
  const REGION: TestActor = { person: 'sekr.region', organisation: '07' };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T10:00:00+01:00');
    await seedRegistry(t);
  });
  afterAll(() => t.close());

  it('names the highest level that has fired, in the caller’s language, until the case leaves the step', async () => {
    const { id } = await createCase(t, { title: 'Påmint ärende' }, { as: REGION });
    const mine = async (lang = 'sv') =>
      (await t.request('GET', '/me/cases', { as: REGION, headers: { 'accept-language': lang } })).body.items.find((c: { id: string }) => c.id === id);
    expect((await mine()).escalation).toBeNull();
    // The instant the deadline passes, as the case has it (the web interface shows the hour of an SLA in hours).
    const read = await t.request('GET', `/cases/${id}`, { as: REGION });
    // Answers follow the language asked for, and a case's ETag is its version: caches keep a copy per language.
    expect(read.headers.get('vary')).toMatch(/accept-language/i);
    expect(read.headers.get('vary')).toMatch(/authorization/i);
    const deadlines = read.body.deadlines as Array<{ dueAt: string }>;
    expect((await mine()).deadline.dueAt).toBe(deadlines[0]!.dueAt);

    const ladder = (await t.request('GET', `/cases/${id}/escalations`, { as: REGION })).body as Array<{ level: string; fireAt: string }>;
    const at = (level: string) => new Date(new Date(ladder.find((e) => e.level === level)!.fireAt).getTime() + 60_000).toISOString();

    // The reminder fires five working days before the deadline: the case is still in time, but not "just in time".
    t.clock.set(at('reminder'));
    await t.app.get(EscalationJob).run();
    expect(await mine()).toMatchObject({ stalled: false, escalation: { level: 'reminder', title: 'Påminnelse', status: 'open', firedAt: expect.any(String) } });
    expect((await mine('en')).escalation.title).toBe('Reminder');

    // At the deadline the manager is told: the highest level is the one shown.
    t.clock.set(at('manager'));
    await t.app.get(EscalationJob).run();
    expect(await mine()).toMatchObject({ stalled: true, escalation: { level: 'manager', title: 'Eskalering till chef', status: 'open' } });
  });
});
