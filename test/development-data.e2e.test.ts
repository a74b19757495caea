import type { NestExpressApplication } from '@nestjs/platform-express';
import { developmentAdministrator } from '../src/access/development-admin.js';
import { seedDevelopmentData } from '../src/demo/development-data.js';
import { request, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The development database's demo cases show work the development administrator can do: they
 * run each case with its leading party (their organisation leads too, they hold its secretariat),
 * so the case page lists events they may send and tasks that are theirs.
 */
describe('the demo cases of the development database', () => {
  let t: TestApp;
  let token: string;
  const as = (method: string, path: string, body?: unknown) => request(t.url, method, path, { token, ...(body !== undefined ? { body } : {}) });

  beforeAll(async () => {
    t = await startTestApp();
    token = (await developmentAdministrator(t.app)).token;
    await seedDevelopmentData(t.app as NestExpressApplication, t.url, token, true);
  });
  afterAll(() => t?.close());

  it('lists the four demo cases as the development administrator’s, each with events they may send', async () => {
    const mine = (await as('GET', '/me/cases')).body;
    expect(mine.total).toBe(4);
    for (const item of mine.items) {
      const c = (await as('GET', `/cases/${item.id}`)).body;
      expect(`${c.title}: ${c.allowedEvents.map((e: any) => e.type).join(', ')}`).toMatch(/REVISE_GOALS, REVISE_PLANS/);
    }
  });

  it('gives them tasks of their own: Blekinge asks them for the plan for continuing the work', async () => {
    const blekinge = (await as('GET', '/me/cases')).body.items.find((c: any) => c.workflow.id === 'blekinge');
    const gates = (await as('GET', `/cases/${blekinge.id}/gates`)).body;
    const close = gates.gates.find((g: any) => g.event === 'CLOSE');
    const plan = close.tasks.find((task: any) => task.kind === 'setField');
    expect(plan).toMatchObject({
      title: 'Fyll i "Plan för fortsättningen"',
      mine: true,
      status: 'notStarted',
      owedBy: expect.arrayContaining([expect.objectContaining({ name: 'Utvecklingsmiljön' })]),
    });
    expect(gates.owedByMe.map((o: any) => o.rule)).toContain('continuation-planned');
    // And they can do it.
    const filled = await as('PATCH', `/cases/${blekinge.id}/fields`, {
      continuationPlan: 'Regionen tar över navigatorcentrumet i ordinarie verksamhet från 2027.',
    });
    expect(filled.status).toBe(200);
  });

  it('says so in the history, by name', async () => {
    const any = (await as('GET', '/me/cases')).body.items[0];
    const history = (await as('GET', `/cases/${any.id}/history`)).body.events;
    expect(history.map((e: any) => e.summary.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/lade till Utvecklingsmiljön som part \(leder\)\.$/),
        expect.stringMatching(/gav rollen Sekretariat för Utvecklingsmiljön till Utvecklingsadministratör\.$/),
      ]),
    );
  });
});
