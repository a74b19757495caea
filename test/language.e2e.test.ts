import { readFileSync } from 'node:fs';
import { ADMINISTRATOR, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The API answers in the caller's language: Swedish by default (the users are Swedish
 * authorities), English with `Accept-Language: en`. What a person meets first when something is
 * wrong: a bad body, a bad token, a bad workflow file.
 */
describe('the API speaks the caller’s language', () => {
  let t: TestApp;
  const shipped = JSON.parse(readFileSync('workflows/samverkan.v1.json', 'utf8'));
  const english = { 'accept-language': 'en' };
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('words a bad body in Swedish, with the limit, and in English when asked', async () => {
    const body = { workflow: 'samverkan', title: 'x'.repeat(201), owner: 'jag' };
    const sv = await t.request('POST', '/cases', { body });
    expect(sv.status).toBe(400);
    expect(sv.body.errors).toEqual([
      { path: 'owner', message: 'okänt fält: det ingår inte i den här begäran' },
      { path: 'title', message: 'title får vara högst 200 tecken' },
    ]);
    expect(sv.body.message).toBe('owner: okänt fält: det ingår inte i den här begäran; title: title får vara högst 200 tecken');
    const en = await t.request('POST', '/cases', { body, headers: english });
    expect(en.body.errors).toEqual([
      { path: 'owner', message: 'unknown field: it is not part of this request' },
      { path: 'title', message: 'title must be shorter than or equal to 200 characters' },
    ]);
    // The body guard, before any DTO, too.
    const guarded = await t.request('POST', '/cases', { rawBody: '{"workflow": "samverkan", "title": "a\\u0001b"}' });
    expect(guarded.body.errors).toEqual([
      { path: 'title', message: 'innehåller ett styrtecken (\\u0001 vid tecken 2); bara tabb och radbrytningar är tillåtna' },
    ]);
  });

  it('refuses an unknown token in Swedish, and in English when asked', async () => {
    const unknown = { authorization: 'Bearer svk_this-token-was-never-issued' };
    const sv = await t.request('GET', '/me', { as: null, headers: unknown });
    expect(sv.status).toBe(401);
    expect(sv.body.message).toBe('API-token är okänd, återkallad eller har gått ut');
    const en = await t.request('GET', '/me', { as: null, headers: { ...unknown, ...english } });
    expect(en.body.message).toBe('the API token is unknown, revoked or expired');
  });

  it('checks and refuses a bad workflow file in Swedish, and in English when asked', async () => {
    const wf = structuredClone(shipped);
    wf.version = 9;
    wf.states.followUp.on.REVISE_GOALS.target = 'goal';
    const where = 'workflows/samverkan.v9.json#/states/followUp/on/REVISE_GOALS/target';
    const known = '"gatherActors", "jointProblem", "situationAnalysis", "goals", "resources", "actionPlans", "followUp", "closed"';

    const checked = await t.request('POST', '/workflows/validate', { as: ADMINISTRATOR, body: { workflow: wf } });
    expect(checked.body.problems).toEqual([
      {
        file: 'workflows/samverkan.v9.json',
        pointer: '/states/followUp/on/REVISE_GOALS/target',
        message: `okänt steg "goal" (kända: ${known})`,
        text: `${where}: okänt steg "goal" (kända: ${known})`,
      },
    ]);
    const checkedEn = await t.request('POST', '/workflows/validate', { as: ADMINISTRATOR, body: { workflow: wf }, headers: english });
    expect(checkedEn.body.problems.map((p: { text: string }) => p.text)).toEqual([`${where}: unknown state "goal" (known: ${known})`]);

    const refused = await t.request('POST', '/workflows', { as: ADMINISTRATOR, body: { workflow: wf } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('1 problem i de skickade definitionerna');
    expect(refused.body.problems.map((p: { text: string }) => p.text)).toEqual([`${where}: okänt steg "goal" (kända: ${known})`]);
    const refusedEn = await t.request('POST', '/workflows', { as: ADMINISTRATOR, body: { workflow: wf }, headers: english });
    expect(refusedEn.body.problems.map((p: { message: string }) => p.message)).toEqual([`unknown state "goal" (known: ${known})`]);
  });
});
