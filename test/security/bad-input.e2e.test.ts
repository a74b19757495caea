import { addAction, addGoal, addParty, assignRole, createCase, setUpDecisionPoint } from '../support/factories.js';
import { person, seedRegistry } from '../support/governance-fixture.js';
import { ADMINISTRATOR, startTestApp, type ApiResponse, type RequestOptions, type TestActor, type TestApp } from '../support/test-app.js';

/**
 * Hostile input is refused with 400 and the path of every problem, and changes nothing: texts
 * that are not valid Unicode (a lone UTF-16 surrogate), `null` for what cannot be removed, and
 * keys naming JavaScript's prototype machinery (`__proto__`, `constructor`, `prototype`), which
 * were silently dropped before. Each of these once answered 500 or was quietly ignored.
 */
describe('security: bad input never answers 500', () => {
  let t: TestApp;
  const LEAD: TestActor = { person: 'sekr.region', organisation: '07' };
  const ids: Record<string, string> = {};
  // The messages are asserted in English, asked for; the Swedish default is test/language.e2e.test.ts's.
  const ENGLISH = { 'accept-language': 'en' };
  const req = (method: string, path: string, options: RequestOptions = {}) =>
    t.request(method, path, { as: LEAD, ...options, headers: { ...ENGLISH, ...options.headers } });
  const version = async () => (await req('GET', `/cases/${ids.case}`)).body.version as number;
  /** The request is refused with 400 naming exactly these problems, and the case did not change. */
  const refused = async (attempt: Promise<ApiResponse>, errors: Array<{ path: string; message: string | RegExp }>) => {
    const before = await version();
    const res = await attempt;
    expect({ status: res.status, code: res.body.code, errors: res.body.errors }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: errors.map((e) => ({ path: e.path, message: typeof e.message === 'string' ? e.message : expect.stringMatching(e.message) })),
    });
    expect(await version()).toBe(before);
  };

  /** How many cases beforeEach made: what makes each one's person new. */
  let made = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const orgs = await seedRegistry(t);
    ids.region = orgs.get('Region Kronoberg')!.id;
    ids.alvesta = orgs.get('Alvesta kommun')!.id;
    ids.board = [...orgs.get('Region Kronoberg')!.boards.values()][0]!;
  });
  // Each test sends its bad input to a case of its own (and one test changes the person, the role,
  // the goal and the action): the case, with a party, a role, a decision point, a goal and an action.
  beforeEach(async () => {
    made += 1;
    t.clock.set('2026-03-02T10:00:00+01:00');
    const as = { as: LEAD };
    ids.case = (await createCase(t, { title: 'Trygg i Kronoberg' }, as)).id;
    ids.person = await person(t, `anna.${made}@kronoberg`, 'Anna Ek', ids.region, 'anna@example.org');
    await addParty(t, ids.case, { organisationId: ids.alvesta, responsibilities: ['decides'] }, as);
    ids.role = await assignRole(t, ids.case, { role: 'manager', organisationId: ids.region, holderId: ids.person }, as);
    await setUpDecisionPoint(
      t,
      ids.case,
      { key: 'joint-agreement', title: 'Överenskommelse', referenceText: 'Parterna samverkar.', boardIds: [ids.board] },
      as,
    );
    ids.goal = await addGoal(t, ids.case, { title: 'Färre brott' }, as);
    ids.action = await addAction(t, ids.case, { title: 'Trygghetsvandring' }, as);
  });
  afterAll(() => t.close());

  const SURROGATE = 'contains a lone UTF-16 surrogate (\\ud800 at character 6): it is not valid Unicode text';

  it('refuses a lone UTF-16 surrogate in case fields, decision-point, goal and action titles, with the path', async () => {
    const text = 'Avtal\ud800';
    await refused(req('PATCH', `/cases/${ids.case}/fields`, { body: { arena: 'Brottsförebyggande rådet', problemStatement: text } }), [
      { path: 'problemStatement', message: SURROGATE },
    ]);
    await refused(req('POST', '/cases', { body: { workflow: 'samverkan', title: text } }), [{ path: 'title', message: SURROGATE }]);
    await refused(req('POST', `/cases/${ids.case}/decision-points`, { body: { key: 'second', title: text, referenceText: 'Text', boardIds: [ids.board] } }), [
      { path: 'title', message: SURROGATE },
    ]);
    await refused(req('PATCH', `/cases/${ids.case}/decision-points/joint-agreement`, { body: { title: text } }), [{ path: 'title', message: SURROGATE }]);
    await refused(req('POST', `/cases/${ids.case}/goals`, { body: { title: text } }), [{ path: 'title', message: SURROGATE }]);
    await refused(req('PATCH', `/cases/${ids.case}/goals/${ids.goal}`, { body: { title: text } }), [{ path: 'title', message: SURROGATE }]);
    await refused(req('POST', `/cases/${ids.case}/actions`, { body: { title: text } }), [{ path: 'title', message: SURROGATE }]);
    await refused(req('PATCH', `/cases/${ids.case}/actions/${ids.action}`, { body: { title: text } }), [{ path: 'title', message: SURROGATE }]);
    // The low half alone, deeper in a body, and in a key.
    await refused(
      req('PUT', `/cases/${ids.case}/chair/rotation`, { body: { entries: [{ organisationId: ids.region }, { organisationId: 'x\udc00' }], periodMonths: 12 } }),
      [{ path: 'entries.1.organisationId', message: 'contains a lone UTF-16 surrogate (\\udc00 at character 2): it is not valid Unicode text' }],
    );
    await refused(req('PATCH', `/cases/${ids.case}/fields`, { body: { 'arena\ud800': 'x' } }), [
      { path: 'arena\\ud800', message: 'the key contains a lone UTF-16 surrogate (\\ud800 at character 6): it is not valid Unicode text' },
    ]);
    // A well-formed pair (an emoji) is text like any other.
    expect((await req('PATCH', `/cases/${ids.case}/actions/${ids.action}`, { body: { title: 'Trygghetsvandring 🚶' } })).body.title).toBe(
      'Trygghetsvandring 🚶',
    );
  });

  const NULL = (p: string) => `${p} cannot be null: leave it out instead (null is accepted only where a value can be removed)`;

  it('refuses null for what cannot be removed in PATCH of people, parties, roles, decision points, goals and actions; takes it where it removes a value', async () => {
    const people = await t.request('PATCH', `/people/${ids.person}`, { as: ADMINISTRATOR, body: { name: null, systemRoles: null }, headers: ENGLISH });
    expect(people.body).toMatchObject({
      status: 400,
      errors: [
        { path: 'name', message: NULL('name') },
        { path: 'systemRoles', message: NULL('systemRoles') },
      ],
    });
    expect((await t.request('GET', '/people', { as: ADMINISTRATOR })).body.items.find((p: any) => p.id === ids.person)).toMatchObject({ name: 'Anna Ek' });
    await refused(req('PATCH', `/cases/${ids.case}/parties/${ids.alvesta}`, { body: { responsibilities: null, mustSign: null } }), [
      { path: 'responsibilities', message: NULL('responsibilities') },
      { path: 'mustSign', message: NULL('mustSign') },
    ]);
    await refused(req('PATCH', `/cases/${ids.case}/roles/${ids.role}`, { body: { required: null } }), [{ path: 'required', message: NULL('required') }]);
    await refused(req('PATCH', `/cases/${ids.case}/decision-points/joint-agreement`, { body: { title: null, referenceText: null, boardIds: null } }), [
      { path: 'title', message: NULL('title') },
      { path: 'referenceText', message: NULL('referenceText') },
      { path: 'boardIds', message: NULL('boardIds') },
    ]);
    await refused(req('PATCH', `/cases/${ids.case}/goals/${ids.goal}`, { body: { title: null } }), [{ path: 'title', message: NULL('title') }]);
    await refused(req('PATCH', `/cases/${ids.case}/actions/${ids.action}`, { body: { title: null, status: null, subgroup: null } }), [
      { path: 'title', message: NULL('title') },
      { path: 'status', message: NULL('status') },
      { path: 'subgroup', message: NULL('subgroup') },
    ]);
    // Null still removes what can be removed.
    expect((await t.request('PATCH', `/people/${ids.person}`, { as: ADMINISTRATOR, body: { email: null } })).status).toBe(200);
    const role = await req('PATCH', `/cases/${ids.case}/roles/${ids.role}`, { body: { holderId: null } });
    expect(role.body).toMatchObject({ holder: null, vacant: true });
    expect((await req('PATCH', `/cases/${ids.case}/goals/${ids.goal}`, { body: { kpi: null, unit: null } })).status).toBe(200);
    expect((await req('PATCH', `/cases/${ids.case}/actions/${ids.action}`, { body: { dueDate: null, goalId: null } })).status).toBe(200);
  });

  const PROTO = (key: string) => `"${key}" is not accepted as a key: it names a part of every JavaScript object, not data`;

  it('refuses __proto__, constructor and prototype as keys anywhere in a body, with the path, instead of dropping them', async () => {
    await refused(req('POST', '/cases', { rawBody: '{"workflow": "samverkan", "title": "Ny", "__proto__": {"admin": true}}' }), [
      { path: '__proto__', message: PROTO('__proto__') },
    ]);
    await refused(req('POST', `/cases/${ids.case}/events`, { rawBody: '{"type": "ADVANCE", "constructor": {"prototype": {"x": 1}}}' }), [
      { path: 'constructor', message: PROTO('constructor') },
    ]);
    await refused(req('PATCH', `/cases/${ids.case}/fields`, { rawBody: '{"arena": "Rådet", "__proto__": {"arena": "x"}}' }), [
      { path: '__proto__', message: PROTO('__proto__') },
    ]);
    await refused(
      req('PUT', `/cases/${ids.case}/chair/rotation`, {
        rawBody: JSON.stringify({
          entries: [{ organisationId: ids.region }, { organisationId: ids.alvesta, prototype: { personId: ids.person } }],
          periodMonths: 12,
        }),
      }),
      [{ path: 'entries.1.prototype', message: PROTO('prototype') }],
    );
    const workflow = await t.request('POST', '/workflows/validate', {
      as: ADMINISTRATOR,
      headers: ENGLISH,
      rawBody: '{"workflow": {"id": "x", "states": {"a": {"__proto__": {"type": "final"}}}}}',
    });
    expect(workflow.body).toMatchObject({ status: 400, errors: [{ path: 'workflow.states.a.__proto__', message: PROTO('__proto__') }] });
    // Nothing was taken: no case titled "Ny" was started.
    expect((await req('GET', '/cases?q=Ny')).body.total).toBe(0);
  });

  it('refuses nesting deeper than 64 levels and control characters in keys, with the path', async () => {
    await refused(req('POST', `/cases/${ids.case}/events`, { rawBody: `{"type": ${'['.repeat(5000)}1${']'.repeat(5000)}}` }), [
      { path: `type${'.0'.repeat(63)}`, message: 'is nested deeper than 64 levels' },
    ]);
    await refused(req('PATCH', `/cases/${ids.case}/fields`, { body: { 'are\u0007na': 'x' } }), [
      { path: 'are\\u0007na', message: 'the key contains a control character (\\u0007 at character 4); only tab and line breaks are allowed' },
    ]);
  });
});
