import { readFileSync } from 'node:fs';
import { ADMINISTRATOR, SECRETARIAT, startTestApp, type TestApp } from './support/test-app.js';

/** Process owners check workflow and rule files over the API, and publish new versions. */
describe('checking and publishing workflow versions', () => {
  let t: TestApp;
  const shipped = JSON.parse(readFileSync('workflows/samverkan.v1.json', 'utf8'));
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('checks a workflow and a rule set and answers every problem at its JSON pointer', async () => {
    const wf = structuredClone(shipped);
    wf.states.followUp.on.REVISE_GOALS.target = 'goal';
    const res = await t.request('POST', '/workflows/validate', {
      as: ADMINISTRATOR,
      headers: { 'accept-language': 'en' },
      body: {
        workflow: wf,
        ruleSets: [
          {
            id: 'new-rules',
            title: { sv: 'x', en: 'x' },
            conditions: [{ id: 'a', when: { fact: 'partyCont', operator: 'equal', value: 1 }, message: { sv: 'x', en: 'x' } }],
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.problems.map((p: any) => p.text)).toEqual([
      'rules/new-rules.json#/conditions/0/when/fact: unknown fact "partyCont" (did you mean "partyCount"?)',
      'workflows/samverkan.v1.json#/states/followUp/on/REVISE_GOALS/target: unknown state "goal" (known: "gatherActors", "jointProblem", "situationAnalysis", "goals", "resources", "actionPlans", "followUp", "closed")',
    ]);
    expect((await t.request('POST', '/workflows/validate', { as: ADMINISTRATOR, body: { workflow: shipped } })).body).toEqual({ valid: true, problems: [] });
    expect((await t.request('POST', '/workflows/validate', { as: ADMINISTRATOR, body: [] })).status).toBe(400);
  });

  it('publishes a new version for process owners only; a used version is never changed', async () => {
    const v2 = { ...structuredClone(shipped), version: 2 };
    v2.states.goals.meta.title.sv = 'Mål och delmål';
    expect((await t.request('POST', '/workflows', { body: { workflow: v2 } })).status).toBe(403);
    const published = await t.request('POST', '/workflows', { body: { workflow: v2 }, as: ADMINISTRATOR });
    expect(published.body).toMatchObject({ id: 'samverkan', version: 2, latest: true });
    const created = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'På version 2' }, as: SECRETARIAT });
    expect(created.body.workflow.version).toBe(2);
    v2.states.goals.meta.title.sv = 'Mål igen';
    const edited = await t.request('POST', '/workflows', { body: { workflow: v2 }, as: ADMINISTRATOR });
    expect(edited.body).toMatchObject({
      status: 409,
      message: expect.stringContaining('en använd version ändras aldrig: ångra ändringen och spara den som samverkan.v3.json'),
    });
  });
});
