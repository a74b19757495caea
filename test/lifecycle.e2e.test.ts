import { appoint } from './support/cases.js';
import { actorOfNewOrganisation, advance, createCase, fieldCaseAt, setFields } from './support/factories.js';
import { SECRETARIAT, STEERING_GROUP, FIELD_LIFECYCLE, startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * A samverkan case through its whole lifecycle over HTTP: blocked gates explained in Swedish,
 * fixed, advanced, looped back from follow-up, closed; its history verifies, and a changed row in
 * the database is found.
 */
describe('a samverkan case through its lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  it('is blocked at each gate with every unmet condition in Swedish, advances once they are met, loops back and closes', async () => {
    const created = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Blekinge unga lyfter' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Blekinge unga lyfter',
      workflow: { id: 'samverkan', version: 1, title: 'Samverkan för samhällsutveckling' },
      status: 'active',
      state: { value: 'gatherActors', steps: [{ id: 'gatherActors', title: 'Samla aktörerna' }] },
      allowedEvents: [{ type: 'ADVANCE', target: { id: 'jointProblem', title: 'Gemensamt problem' }, gate: ['actors-gathered'] }],
      version: 1,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const id = created.body.id;

    const gate = await t.request('GET', `/cases/${id}/gate?event=ADVANCE`);
    expect(gate.status).toBe(200);
    expect(gate.body).toEqual({
      event: 'ADVANCE',
      passed: false,
      ruleSets: [{ id: 'actors-gathered', passed: false }],
      failures: [
        {
          ruleSet: 'actors-gathered',
          rule: 'arena-described',
          message: 'Ingen arena (forum) är beskriven: fyll i fältet "arena".',
          responsible: 'secretariat',
          facts: { filledFields: [] },
          task: expect.objectContaining({ kind: 'setField', title: 'Fyll i "Arena (forum)"' }),
        },
        {
          ruleSet: 'actors-gathered',
          rule: 'agreement-registered',
          message: 'Samverkan är inte formaliserad: registrera avtalet eller avsiktsförklaringen i fältet "agreement".',
          responsible: 'secretariat',
          facts: { filledFields: [] },
          task: expect.objectContaining({ kind: 'setField', fields: [{ key: 'agreement', label: 'Avtal eller avsiktsförklaring' }] }),
        },
      ],
    });

    const blocked = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('GATE_BLOCKED');
    expect(blocked.body.message).toBe('"Gå vidare till Gemensamt problem" går inte ännu: 2 villkor är inte uppfyllda.');
    const blockedInEnglish = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' }, headers: { 'accept-language': 'en' } });
    expect(blockedInEnglish.body).toMatchObject({
      code: 'GATE_BLOCKED',
      message: '"Continue to Joint problem" (ADVANCE) is blocked: 2 condition(s) are not met',
    });
    expect(blocked.body.failures.map((f: any) => f.message)).toEqual([
      'Ingen arena (forum) är beskriven: fyll i fältet "arena".',
      'Samverkan är inte formaliserad: registrera avtalet eller avsiktsförklaringen i fältet "agreement".',
    ]);

    const english = await t.request('GET', `/cases/${id}/gate?event=ADVANCE`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.body.failures[0].message).toBe('No arena (forum) is described: fill in the field "arena".');

    // Only one of the two is fixed: the explanation shrinks to exactly the one left.
    await t.request('PATCH', `/cases/${id}/fields`, { body: { arena: 'Blekingerådet' } });
    const stillBlocked = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } });
    expect(stillBlocked.status).toBe(422);
    expect(stillBlocked.body.failures.map((f: any) => f.rule)).toEqual(['agreement-registered']);

    const fill = async (fields: Record<string, string>) => {
      const res = await t.request('PATCH', `/cases/${id}/fields`, { body: fields });
      expect(res.status).toBe(200);
    };
    const advance = async (type: string, expected: string, extra: Record<string, unknown> = {}, as = SECRETARIAT) => {
      const res = await t.request('POST', `/cases/${id}/events`, { body: { type, ...extra }, as });
      expect({ status: res.status, step: res.body?.state?.steps?.[0]?.id }).toEqual({ status: 200, step: expected });
      return res;
    };

    await fill({ agreement: 'Avsiktsförklaring dnr RB 2026/123' });
    await advance('ADVANCE', 'jointProblem');
    await fill({ problemStatement: 'Ungdomsarbetslösheten i Blekinge är dubbelt så hög som i riket.' });
    await advance('ADVANCE', 'situationAnalysis');
    await fill({ situationAnalysis: 'Nulägesanalys med Kolada N03937' });
    await advance('ADVANCE', 'goals');
    await fill({ goals: 'Halverad ungdomsarbetslöshet till 2030' });
    await advance('ADVANCE', 'resources');
    await fill({ resources: 'Region och kommuner 2 mnkr/år' });
    await advance('ADVANCE', 'actionPlans');
    await fill({ actionPlan: 'Navigatorcentrum öppnar' });
    await advance('ADVANCE', 'followUp');

    // The steering group is a role on the case, held for the leading party by a colleague.
    const { personId, organisationId } = await t.identity(STEERING_GROUP);
    const appointed = await t.request('POST', `/cases/${id}/roles`, { body: { role: 'steeringGroup', organisationId, holderId: personId } });
    expect(appointed.status).toBe(201);

    // From follow-up the case loops back, and around again.
    await fill({ followUpReport: 'Uppföljning 2027' });
    await advance('REVISE_GOALS', 'goals', {}, STEERING_GROUP);
    for (const step of ['resources', 'actionPlans', 'followUp']) await advance('ADVANCE', step);

    // Closing needs a justification (the commentGiven guard) and the steering group.
    const noComment = await t.request('POST', `/cases/${id}/events`, { body: { type: 'CLOSE' }, as: STEERING_GROUP });
    expect(noComment.status).toBe(422);
    expect(noComment.body.failures).toEqual([
      {
        ruleSet: null,
        rule: 'guard:commentGiven',
        message: 'En motivering krävs: skicka med "comment".',
        facts: {},
        task: expect.objectContaining({ kind: 'other', status: 'notStarted' }),
      },
    ]);
    const secretariatMayNot = await t.request('POST', `/cases/${id}/events`, { body: { type: 'CLOSE', comment: 'Klart' } });
    expect(secretariatMayNot.status).toBe(403);
    expect(secretariatMayNot.body.message).toBe('bara styrgrupp får skicka CLOSE här; du har sekretariat i ärendet');
    const closed = await advance('CLOSE', 'closed', { comment: 'Målet nått: ungdomsarbetslösheten halverad.' }, STEERING_GROUP);
    expect(closed.body).toMatchObject({ status: 'closed', allowedEvents: [] });

    const after = await t.request('POST', `/cases/${id}/events`, { body: { type: 'ADVANCE' } });
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('CASE_CLOSED');

    const history = await t.request('GET', `/cases/${id}/history`);
    const types = history.body.events.map((e: any) => e.type);
    expect(types[0]).toBe('case.created');
    expect(types.filter((x: string) => x === 'case.transitioned')).toHaveLength(11);
    expect(history.body.events.at(-1)).toMatchObject({
      seq: closed.body.version,
      actor: { kind: 'person', person: 'per.holm', organisation: organisationId },
      payload: {
        event: { type: 'CLOSE', comment: 'Målet nått: ungdomsarbetslösheten halverad.' },
        from: { value: 'followUp' },
        to: { value: 'closed', status: 'done' },
        gate: { passed: true },
        workflow: { id: 'samverkan', version: 1 },
      },
    });
    // Blocked attempts change nothing, so they are not in the history.
    expect(history.body.events).toHaveLength(closed.body.version);

    expect((await t.request('GET', `/cases/${id}/history/verify`)).body).toEqual({ valid: true, events: closed.body.version });
  });

  it('finds a history row changed in the database behind the service', async () => {
    t.clock.advance({ days: 1 });
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Kronoberg – barnens bästa' } });
    await t.request('PATCH', `/cases/${c.id}/fields`, { body: { arena: 'Regionalt forum' } });
    await t.request('PATCH', `/cases/${c.id}/fields`, { body: { agreement: 'Överenskommelse' } });
    expect((await t.request('GET', `/cases/${c.id}/history/verify`)).body).toEqual({ valid: true, events: 3 });

    const conn = t.orm.em.fork().getConnection();
    // The database refuses changes to history rows; an attacker with superuser rights turns the trigger off.
    await expect(conn.execute(`update audit_events set payload = '{"changes":{}}' where case_id = ? and seq = 2`, [c.id])).rejects.toThrow(/append-only/);
    await conn.execute(`
      begin;
      alter table audit_events disable trigger audit_events_no_change;
      update audit_events set payload = jsonb_set(payload, '{changes,arena,to}', '"Något annat"') where case_id = '${c.id}' and seq = 2;
      alter table audit_events enable trigger audit_events_no_change;
      commit;`);
    // The reason is in the caller's language (Swedish by default).
    expect((await t.request('GET', `/cases/${c.id}/history/verify`, { headers: { 'accept-language': 'en' } })).body).toEqual({
      valid: false,
      events: 3,
      firstBrokenEvent: 2,
      reason: 'event 2 was changed after it was written (its hash does not match its content)',
    });
  });

  it('lists cases with filters and pagination', async () => {
    // An organisation of its own: the list holds this test's cases only, whatever else the app has.
    const as = actorOfNewOrganisation('Listkommunen');
    const steering: TestActor = { person: `styrgrupp.${as.person}`, organisation: as.organisation };
    const blekinge = await fieldCaseAt(t, 'followUp', { title: 'Blekinge unga lyfter' }, { as });
    await appoint(t, blekinge.id, 'steeringGroup', steering, { as });
    await setFields(t, blekinge.id, { followUpReport: 'Uppföljning 2027' }, { as });
    await advance(t, blekinge.id, { type: 'CLOSE', comment: 'Målet nått.' }, { as: steering });
    t.clock.advance({ days: 1 });
    const kronoberg = await createCase(t, { title: 'Kronoberg – barnens bästa' }, { as });
    await setFields(t, kronoberg.id, { arena: 'Regionalt forum' }, { as });
    await setFields(t, kronoberg.id, { agreement: 'Överenskommelse' }, { as });

    const list = await t.request('GET', '/cases?workflow=samverkan&status=active', { as });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: any) => c.title)).toEqual(['Kronoberg – barnens bästa']);
    expect(list.body.total).toBe(1);
    const closed = await t.request('GET', '/cases?status=closed&q=blekinge', { as });
    expect(closed.body.items.map((c: any) => c.title)).toEqual(['Blekinge unga lyfter']);
    expect((await t.request('GET', '/cases?state=gatherActors', { as })).body.total).toBe(1);
    expect((await t.request('GET', '/cases?state=goals', { as })).body.total).toBe(0);
    const page = await t.request('GET', '/cases?limit=1&offset=1', { as });
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ title: 'Blekinge unga lyfter' }] });
    expect((await t.request('GET', '/cases?q=%25', { as })).body.total).toBe(0);
  });
});
