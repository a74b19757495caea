import { ChairRotationJob } from '../src/governance/chair-rotation.job.js';
import { SEED_ORGANISATIONS } from '../src/governance/seed/organisations.js';
import {
  addAction,
  addGoal,
  addParty,
  assignRole,
  caseVersion,
  commitResource,
  createCase,
  importKolada,
  recordDecision,
  recordSignature,
  registerDocument,
  rotateChair,
  setChairRotation,
  setUpDecisionPoint,
  storeFile,
  updateAction,
} from './support/factories.js';
import { PROCESS_OWNER, deactivatePerson, person, seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type RequestOptions, type TestActor, type TestApp } from './support/test-app.js';

/**
 * Governance data over the HTTP API: parties, roles and handover, the rotating chair, board
 * decisions with the appeal window and the word diff, goals and Kolada, resources, actions,
 * documents. Every change is in the history; bad input changes nothing and says why.
 */
describe('governance', () => {
  let t: TestApp;
  let orgs: Awaited<ReturnType<typeof seedRegistry>>;
  const org = (name: string) => orgs.get(name)!.id;
  const board = (o: string, b: string) => orgs.get(o)!.boards.get(b)!;
  /** Region Kronoberg's secretariat starts the case, so the region leads it and runs its secretariat. */
  const REGION: TestActor = { person: 'sekr.region', organisation: '07' };
  const req = (method: string, path: string, options: RequestOptions = {}) => t.request(method, path, { as: REGION, ...options });
  const version = async (caseId: string) => (await caseVersion(t, caseId, { as: REGION })).version;
  /** The secretariat of a party, with that role on the case (a board's decision is recorded by its own secretariat). */
  const secretariatOf = async (caseId: string, name: string): Promise<TestActor> => {
    const actor = { person: `sekr.${name}`, organisation: org(name) };
    const { personId } = await t.identity(actor);
    await assignRole(t, caseId, { role: 'secretariat', organisationId: org(name), holderId: personId }, { as: REGION });
    return actor;
  };
  const DECIDING = ['decides', 'contributes'];
  /** The case "Barnens bästa gäller", which the region leads, with these organisations as parties (deciding and contributing unless said). */
  const regionCase = async (parties: Array<string | [string, string[]]> = []) => {
    const { id } = await createCase(t, { title: 'Barnens bästa gäller' }, { as: REGION });
    for (const party of parties) {
      const [name, responsibilities] = typeof party === 'string' ? [party, DECIDING] : party;
      await addParty(t, id, { organisationId: org(name), responsibilities }, { as: REGION });
    }
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    orgs = await seedRegistry(t);
  });
  beforeEach(() => t.clock.set('2026-03-02T10:00:00+01:00'));
  afterAll(() => t.close());

  it('seeds the real organisations with their official codes', async () => {
    for (const seeded of SEED_ORGANISATIONS) expect(orgs.has(seeded.name)).toBe(true);
    const alvesta = (await req('GET', '/organisations?code=0764')).body.items;
    expect(alvesta).toEqual([{ id: org('Alvesta kommun'), name: 'Alvesta kommun', kind: 'municipality', orgNumber: null, municipalityCode: '0764' }]);
    expect((await req('GET', '/organisations?kind=region')).body.items.map((o: any) => o.municipalityCode).sort()).toEqual(['07', '10', '14', '18']);
    expect((await req('GET', '/organisations?q=polis')).body.items[0]).toMatchObject({
      name: 'Polismyndigheten',
      kind: 'stateAgency',
      orgNumber: '202100-0076',
    });
  });

  it('adds parties and refuses one twice or one outside the registry', async () => {
    const caseId = await regionCase();
    await req('PATCH', `/cases/${caseId}/parties/${org('Region Kronoberg')}`, { body: { responsibilities: ['leads', 'decides', 'contributes'] } });
    for (const name of ['Alvesta kommun', 'Växjö kommun']) {
      t.clock.advance({ minutes: 1 });
      const res = await req('POST', `/cases/${caseId}/parties`, { body: { organisationId: org(name), responsibilities: ['decides', 'contributes'] } });
      expect(res.status).toBe(201);
    }
    t.clock.advance({ minutes: 1 });
    const police = await req('POST', `/cases/${caseId}/parties`, {
      body: { organisationId: org('Polismyndigheten'), responsibilities: ['contributes', 'informed'] },
    });
    expect(police.body).toMatchObject({ organisation: { name: 'Polismyndigheten' }, responsibilities: ['contributes', 'informed'], mustSign: false });
    const before = await version(caseId);
    const twice = await req('POST', `/cases/${caseId}/parties`, { body: { organisationId: org('Alvesta kommun'), responsibilities: ['decides'] } });
    expect(twice.body).toMatchObject({
      status: 422,
      message: 'Alvesta kommun är redan part i ärendet',
      errors: [{ path: 'organisationId', message: 'Alvesta kommun är redan part i ärendet' }],
    });
    const twiceInEnglish = await req('POST', `/cases/${caseId}/parties`, {
      body: { organisationId: org('Alvesta kommun'), responsibilities: ['decides'] },
      headers: { 'accept-language': 'en' },
    });
    expect(twiceInEnglish.body).toMatchObject({
      status: 422,
      message: 'Alvesta kommun is already a party to the case',
      errors: [{ path: 'organisationId', message: 'Alvesta kommun is already a party to the case' }],
    });
    const unknown = await req('POST', `/cases/${caseId}/parties`, {
      body: { organisationId: '00000000-0000-4000-8000-000000000009', responsibilities: ['decides'] },
    });
    expect(unknown.status).toBe(422);
    expect(await version(caseId)).toBe(before);
    const parties = (await req('GET', `/cases/${caseId}/parties`)).body;
    expect(parties.map((p: any) => p.organisation.name)).toEqual(['Region Kronoberg', 'Alvesta kommun', 'Växjö kommun', 'Polismyndigheten']);
  });

  it('hands roles to the deputy when someone leaves, then leaves them vacant and flagged', async () => {
    const caseId = await regionCase();
    const anna = await person(t, 'anna@kronoberg', 'Anna Ek', org('Region Kronoberg'), 'anna@example.org');
    const bo = await person(t, 'bo@kronoberg', 'Bo Lind', org('Region Kronoberg'));
    const res = await req('POST', `/cases/${caseId}/roles`, {
      body: { role: 'secretariat', organisationId: org('Region Kronoberg'), holderId: anna, deputyId: bo, required: true },
    });
    expect(res.body).toMatchObject({
      role: 'secretariat',
      title: 'Sekretariat',
      holder: { name: 'Anna Ek' },
      deputy: { name: 'Bo Lind' },
      vacant: false,
      required: true,
    });
    const roleId = res.body.id;

    // A person of another organisation cannot hold a role for this party.
    const vaxjo = await person(t, 'cai@vaxjo', 'Cai Berg', org('Växjö kommun'));
    const wrong = await req('POST', `/cases/${caseId}/roles`, { body: { role: 'manager', organisationId: org('Region Kronoberg'), holderId: vaxjo } });
    expect(wrong.body).toMatchObject({
      status: 422,
      errors: [{ path: 'holderId', message: 'Cai Berg företräder en annan organisation; en roll innehas för partens egen organisation' }],
    });

    // Removing the party that holds the only required secretariat is refused.
    const removal = await req('DELETE', `/cases/${caseId}/parties/${org('Region Kronoberg')}`);
    // (The region's own secretariat, who started the case, is required too.)
    expect(removal.body).toMatchObject({
      status: 422,
      message: 'Parten är ensam om rollen sekretariat i ärendet, och rollen krävs. Ge rollen till en annan part först.',
    });

    const left = await req('POST', `/people/${anna}/deactivate`, { as: PROCESS_OWNER });
    expect(left.body.casesChanged).toEqual([caseId]);
    let roles = (await req('GET', `/cases/${caseId}/roles`)).body;
    expect(roles.find((r: any) => r.id === roleId)).toMatchObject({ holder: { name: 'Bo Lind' }, deputy: null, vacant: false });

    await req('POST', `/people/${bo}/deactivate`, { as: PROCESS_OWNER });
    roles = (await req('GET', `/cases/${caseId}/roles`)).body;
    expect(roles.find((r: any) => r.id === roleId)).toMatchObject({ holder: null, vacant: true, vacantSince: t.clock.now().toISOString() });
    const history = (await req('GET', `/cases/${caseId}/history`)).body.events.filter((e: any) => e.type === 'role.handedOver');
    expect(history.map((e: any) => e.payload.roles[0].outcome)).toEqual(['deputy', 'vacant']);
  });

  it('rotates the chair when asked and on schedule, exactly once per period', async () => {
    const caseId = await regionCase(['Alvesta kommun', 'Växjö kommun']);
    const chairs = [];
    for (const [name, subject] of [
      ['Region Kronoberg', 'r-chair'],
      ['Alvesta kommun', 'a-chair'],
      ['Växjö kommun', 'v-chair'],
    ] as const) {
      chairs.push({ organisationId: org(name), personId: await person(t, subject, `Ordförande ${name}`, org(name)) });
    }
    const set = await req('PUT', `/cases/${caseId}/chair/rotation`, { body: { entries: chairs, periodMonths: 6, startsOn: '2026-03-01' } });
    expect(set.body.rotation).toMatchObject({ current: { name: 'Region Kronoberg' }, nextRotationOn: '2026-09-01', periodMonths: 6 });

    const asked = await req('POST', `/cases/${caseId}/chair/rotate`);
    expect(asked.body.rotation).toMatchObject({ current: { name: 'Alvesta kommun' }, nextRotationOn: '2026-09-02' });

    const job = t.app.get(ChairRotationJob);
    expect(await job.run()).toBe(0);
    t.clock.set('2026-09-02T07:00:00+02:00');
    expect(await job.run()).toBe(1);
    expect(await job.run()).toBe(0);
    const chair = (await req('GET', `/cases/${caseId}/chair`)).body.rotation;
    expect(chair).toMatchObject({ current: { name: 'Växjö kommun' }, nextRotationOn: '2027-03-02' });
    const roles = (await req('GET', `/cases/${caseId}/roles`)).body.filter((r: any) => r.role === 'chair');
    expect(roles).toEqual([
      expect.objectContaining({
        organisation: { id: org('Växjö kommun'), name: 'Växjö kommun' },
        holder: { id: chairs[2]!.personId, name: 'Ordförande Växjö kommun' },
      }),
    ]);
    const events = (await req('GET', `/cases/${caseId}/history`)).body.events.filter((e: any) => e.type === 'chair.rotated');
    expect(events.map((e: any) => [e.payload.reason, e.actor.kind])).toEqual([
      ['requested', 'person'],
      ['scheduled', 'system'],
    ]);
    t.clock.set('2026-03-02T10:00:00+01:00');
  });

  it('records board decisions with the Kommunallagen dates, computes the appeal window and diffs the text', async () => {
    const caseId = await regionCase(['Alvesta kommun', 'Växjö kommun']);
    const reference = 'Kommunen ställer sig bakom överenskommelsen Barnens bästa gäller och prioriterar tidiga och förebyggande insatser.';
    const boards = [board('Region Kronoberg', 'Regionstyrelsen'), board('Alvesta kommun', 'Socialnämnden'), board('Växjö kommun', 'Socialnämnden')];
    const point = await req('POST', `/cases/${caseId}/decision-points`, {
      body: { key: 'joint-agreement', title: 'Gemensam överenskommelse', referenceText: reference, boardIds: boards },
    });
    expect(point.status).toBe(201);
    const alvesta = await secretariatOf(caseId, 'Alvesta kommun');
    const vaxjo = await secretariatOf(caseId, 'Växjö kommun');

    const before = await version(caseId);
    // A board of an organisation that is not a party cannot be required.
    const outsider = await req('POST', `/cases/${caseId}/decision-points`, {
      body: { key: 'other', title: 'X', referenceText: 'Y', boardIds: [board('Ljungby kommun', 'Socialnämnden')] },
    });
    expect(outsider.body).toMatchObject({
      status: 422,
      errors: [{ path: 'boardIds.0', message: 'Ljungby kommun – socialnämnden hör till Ljungby kommun, som inte är part i ärendet' }],
    });
    // Nor decide.
    const notParty = await req('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${board('Ljungby kommun', 'Socialnämnden')}`, {
      body: { status: 'decided', text: reference, meetingDate: '2026-02-10' },
    });
    expect(notParty.body).toMatchObject({
      status: 422,
      message: 'Ljungby kommun är inte part i ärendet, så Ljungby kommun – socialnämnden kan inte besluta här.',
    });
    // Announced before decided.
    // Only a board's own organisation's secretariat records its decision.
    const notTheirs = await req('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[1]}`, {
      body: { status: 'decided', text: reference, meetingDate: '2026-02-10' },
      as: vaxjo,
    });
    expect(notTheirs.body).toMatchObject({
      status: 403,
      message: 'bara sekretariatet i nämndens egen organisation får registrera beslutet i Alvesta kommun – socialnämnden',
    });
    const order = await req('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[1]}`, {
      as: alvesta,
      body: { status: 'announced', text: reference, meetingDate: '2026-02-10', minutesApprovedDate: '2026-02-12', announcedDate: '2026-02-05' },
    });
    expect(order.status).toBe(422);
    expect(order.body.errors.map((e: any) => e.path)).toEqual(['announcedDate', 'announcedDate']);
    expect(order.body.errors[0].message).toBe('Anslaget (2026-02-05) kan inte ligga före sammanträdet (2026-02-10)');
    expect(await version(caseId)).toBe(before);

    const dates = { meetingDate: '2026-02-10', minutesParagraph: '§ 14', minutesApprovedDate: '2026-02-12', announcedDate: '2026-02-13' };
    const region = await req('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[0]}`, {
      body: { status: 'announced', text: reference, ...dates },
    });
    expect(region.body).toMatchObject({ status: 'announced', appealDeadline: '2026-03-06' });
    await req('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[1]}`, {
      body: { status: 'decided', text: reference.toUpperCase().replace('.', ''), meetingDate: '2026-02-11' },
      as: alvesta,
    });
    await req('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[2]}`, {
      body: { status: 'decided', text: reference.replace('tidiga och förebyggande', 'akuta'), meetingDate: '2026-02-12' },
      as: vaxjo,
    });

    const view = (await req('GET', `/cases/${caseId}/decision-points/joint-agreement`)).body;
    expect(view.summary).toEqual({ required: 3, adopted: 3, identical: 2, final: 0 });
    expect(view.boards.map((b: any) => [b.board.label, b.status, b.text.identical])).toEqual([
      ['Region Kronoberg – regionstyrelsen', 'announced', true],
      ['Alvesta kommun – socialnämnden', 'decided', true],
      ['Växjö kommun – socialnämnden', 'decided', false],
    ]);
    expect(view.boards[2].text.differingWords).toEqual([{ from: 11, to: 13 }]);
    expect(view.boards[2].text.diff.filter((p: any) => p.op !== 'same')).toEqual([
      { op: 'missing', words: ['tidiga', 'och', 'förebyggande'] },
      { op: 'extra', words: ['akuta'] },
    ]);
    expect(view.boards[0].decision).toMatchObject({ appealDeadline: '2026-03-06', finalFrom: '2026-03-07', minutesParagraph: '§ 14' });

    // Three weeks after the announcement the decision has become final (laga kraft).
    t.clock.set('2026-03-07T08:00:00+01:00');
    const later = (await req('GET', `/cases/${caseId}/decision-points/joint-agreement`)).body;
    expect(later.boards[0].status).toBe('final');
    expect(later.summary.final).toBe(1);
  });

  it('keeps goals with Kolada measurements and refuses what is not Kolada data', async () => {
    const caseId = await regionCase();
    const goal = await req('POST', `/cases/${caseId}/goals`, {
      body: {
        title: 'Färre unga utan arbete i Växjö',
        kpi: 'N03937',
        municipalityCode: '0780',
        baselineValue: 10,
        baselineYear: 2022,
        targetKind: 'relative',
        targetValue: -50,
        targetYear: 2030,
      },
    });
    expect(goal.body).toMatchObject({ target: { resolvedValue: 5 }, direction: 'decrease', progress: { onTrack: null } });
    const goalId = goal.body.id;
    const kolada = {
      values: [
        { kpi: 'N03937', municipality: '0780', period: 2024, values: [{ gender: 'T', value: 8.4 }] },
        { kpi: 'N03937', municipality: '0764', period: 2024, values: [{ gender: 'T', value: 6.1 }] },
      ],
    };
    const imported = await req('POST', `/cases/${caseId}/goals/kolada-import`, { body: kolada });
    expect(imported.body).toEqual({ imported: 1, goals: [goalId], unmatched: 1 });
    const after = (await req('GET', `/cases/${caseId}/goals/${goalId}`)).body;
    expect(after.measurements).toEqual([{ period: 2024, value: 8.4, source: 'kolada-file' }]);
    expect(after.progress).toMatchObject({ share: 0.32, expectedShare: 0.25, onTrack: true });

    const before = await version(caseId);
    const bad = await req('POST', `/cases/${caseId}/goals/kolada-import`, {
      body: { values: [{ kpi: 'youth', municipality: '0780', period: 2024, values: [] }] },
    });
    expect(bad.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: '/values/0/kpi', message: 'måste vara ett nyckeltals-id från Kolada, t.ex. "N03937"' }],
    });
    const unknownGoal = await req('POST', `/cases/${caseId}/goals/00000000-0000-4000-8000-00000000000a/measurements`, { body: { period: 2025, value: 3 } });
    expect(unknownGoal.body).toMatchObject({ status: 404, message: 'Målet "00000000-0000-4000-8000-00000000000a" hittades inte' });
    const wrongWay = await req('PATCH', `/cases/${caseId}/goals/${goalId}`, { body: { direction: 'increase' } });
    expect(wrongWay.body).toMatchObject({ status: 422, errors: [{ path: 'direction' }] });
    expect(await version(caseId)).toBe(before);
  });

  it('records resources, actions with subgroups, and documents with registry numbers and signatures', async () => {
    const caseId = await regionCase(['Alvesta kommun', 'Växjö kommun', ['Polismyndigheten', ['contributes', 'informed']]]);
    const money = await req('POST', `/cases/${caseId}/resources`, {
      body: { organisationId: org('Region Kronoberg'), kind: 'money', amount: 500000, unit: 'SEK', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    });
    expect(money.body).toMatchObject({ organisation: { name: 'Region Kronoberg' }, kind: 'money', amount: 500000 });
    const badPeriod = await req('POST', `/cases/${caseId}/resources`, {
      body: { organisationId: org('Växjö kommun'), kind: 'staff', amount: 0.5, unit: 'FTE', periodStart: '2026-06-01', periodEnd: '2026-01-01' },
    });
    expect(badPeriod.body.errors).toEqual([{ path: 'periodEnd', message: 'perioden kan inte sluta innan den börjar' }]);

    const action = await req('POST', `/cases/${caseId}/actions`, {
      body: {
        title: 'Gemensam utbildning om tidiga insatser',
        responsibleOrganisationId: org('Växjö kommun'),
        dueDate: '2026-06-30',
        subgroup: [org('Växjö kommun'), org('Polismyndigheten')],
      },
    });
    expect(action.body).toMatchObject({
      responsible: { name: 'Växjö kommun' },
      status: 'planned',
      subgroup: [{ name: 'Växjö kommun' }, { name: 'Polismyndigheten' }],
    });
    const started = await req('PATCH', `/cases/${caseId}/actions/${action.body.id}`, { body: { status: 'inProgress' } });
    expect(started.body.status).toBe('inProgress');
    const outsider = await req('POST', `/cases/${caseId}/actions`, { body: { title: 'X', subgroup: [org('Ljungby kommun')] } });
    expect(outsider.body.errors[0].path).toBe('subgroup.0');

    const doc = await req('POST', `/cases/${caseId}/documents`, {
      body: { title: 'Överenskommelse Barnens bästa', kind: 'agreement', registryOrganisationId: org('Region Kronoberg'), registrationNumber: 'RK 2026/120' },
    });
    expect(doc.body).toMatchObject({
      registry: { organisation: { name: 'Region Kronoberg' }, registrationNumber: 'RK 2026/120' },
      confidential: false,
      signatures: [],
    });
    const signed = await req('POST', `/cases/${caseId}/documents/${doc.body.id}/signatures`, {
      body: { organisationId: org('Alvesta kommun'), signedOn: '2026-03-01' },
    });
    expect(signed.status).toBe(201);
    const pdf = Buffer.from('%PDF-1.4 överenskommelse');
    const upload = await fetch(`${t.url}/cases/${caseId}/documents/${doc.body.id}/file?name=overenskommelse.pdf`, {
      method: 'PUT',
      body: pdf,
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${await t.token(REGION)}` },
    });
    expect(upload.status).toBe(200);
    expect(((await upload.json()) as any).file).toMatchObject({ name: 'overenskommelse.pdf', type: 'application/pdf', size: pdf.length });
    const download = await fetch(`${t.url}/cases/${caseId}/documents/${doc.body.id}/file`, {
      headers: { authorization: `Bearer ${await t.token({ person: 'reader.vaxjo', organisation: org('Växjö kommun') })}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('shows a confidential document only to the parties named on it', async () => {
    const caseId = await regionCase(['Alvesta kommun', 'Växjö kommun']);
    const asRegion = REGION;
    const asAlvesta = { person: 'reader.alvesta', organisation: org('Alvesta kommun') };
    const secret = await req('POST', `/cases/${caseId}/documents`, {
      body: { title: 'Elevärenden (sekretess)', kind: 'situationAnalysis', confidential: true, visibleTo: [org('Växjö kommun')] },
      as: asRegion,
    });
    expect(secret.body.visibleTo.map((v: any) => v.name).sort()).toEqual(['Region Kronoberg', 'Växjö kommun']);
    const alvestaList = (await req('GET', `/cases/${caseId}/documents`, { as: asAlvesta })).body;
    expect(alvestaList.map((d: any) => d.title)).not.toContain('Elevärenden (sekretess)');
    expect((await req('GET', `/cases/${caseId}/documents/${secret.body.id}`, { as: asAlvesta })).status).toBe(404);
    expect((await req('GET', `/cases/${caseId}/documents/${secret.body.id}`, { as: asRegion })).body.title).toBe('Elevärenden (sekretess)');
    const added = (await req('GET', `/cases/${caseId}/history`)).body.events.find((e: any) => e.type === 'document.added' && e.payload.document.confidential);
    expect(added.payload.document).not.toHaveProperty('title');
  });

  it('has every change in the history, and the history verifies', async () => {
    // A case with a change of every kind the tests above make, each through its factory.
    const as = { as: REGION };
    const caseId = await regionCase(['Alvesta kommun', 'Växjö kommun']);
    const leaving = await person(t, 'lena@kronoberg', 'Lena Holm', org('Region Kronoberg'));
    await assignRole(t, caseId, { role: 'manager', organisationId: org('Region Kronoberg'), holderId: leaving }, as);
    await deactivatePerson(t, leaving);
    // Sixty months a chair: the next rotation (2031) is never due when the chair test runs the
    // rotation job, which counts every case's rotations, whichever test runs first.
    await setChairRotation(
      t,
      caseId,
      {
        entries: ['Region Kronoberg', 'Alvesta kommun', 'Växjö kommun'].map((name) => ({ organisationId: org(name) })),
        periodMonths: 60,
        startsOn: '2026-03-01',
      },
      as,
    );
    await rotateChair(t, caseId, as);
    const text = 'Kommunen ställer sig bakom överenskommelsen.';
    const regionBoard = board('Region Kronoberg', 'Regionstyrelsen');
    const key = await setUpDecisionPoint(
      t,
      caseId,
      { key: 'joint-agreement', title: 'Gemensam överenskommelse', referenceText: text, boardIds: [regionBoard] },
      as,
    );
    await recordDecision(t, caseId, key, regionBoard, { status: 'decided', text, meetingDate: '2026-02-10' }, as);
    await addGoal(
      t,
      caseId,
      {
        title: 'Färre unga utan arbete i Växjö',
        kpi: 'N03937',
        municipalityCode: '0780',
        baselineValue: 10,
        baselineYear: 2022,
        targetKind: 'relative',
        targetValue: -50,
        targetYear: 2030,
      },
      as,
    );
    await importKolada(t, caseId, { values: [{ kpi: 'N03937', municipality: '0780', period: 2024, values: [{ gender: 'T', value: 8.4 }] }] }, as);
    await commitResource(t, caseId, { organisationId: org('Region Kronoberg'), kind: 'money', amount: 500000, unit: 'SEK' }, as);
    const action = await addAction(t, caseId, { title: 'Gemensam utbildning', responsibleOrganisationId: org('Växjö kommun') }, as);
    await updateAction(t, caseId, action, { status: 'inProgress' }, as);
    const doc = await registerDocument(t, caseId, { title: 'Överenskommelse Barnens bästa', kind: 'agreement' }, as);
    await recordSignature(t, caseId, doc, { organisationId: org('Alvesta kommun'), signedOn: '2026-03-01' }, as);
    await storeFile(t, caseId, doc, { name: 'overenskommelse.txt', content: 'överenskommelse' }, as);

    const types = new Set((await req('GET', `/cases/${caseId}/history`)).body.events.map((e: any) => e.type));
    for (const type of [
      'party.added',
      'role.assigned',
      'role.handedOver',
      'chair.rotationSet',
      'chair.rotated',
      'decisionPoint.created',
      'decision.recorded',
      'goal.created',
      'measurements.imported',
      'resource.committed',
      'action.added',
      'action.updated',
      'document.added',
      'document.signed',
      'document.fileStored',
    ]) {
      expect(types).toContain(type);
    }
    expect((await req('GET', `/cases/${caseId}/history/verify`)).body).toEqual({ valid: true, events: await version(caseId) });
  });
});
