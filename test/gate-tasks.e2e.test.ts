import { PROCESS_OWNER, seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * Each unmet gate condition says what would satisfy it: a task with its kind, what it is about
 * (the field and its label, the document kind, the party, the board and its differing words),
 * who owes it, its status for the caller and by when; the conditions met are done.
 */
describe('the tasks of a gate', () => {
  let t: TestApp;
  let orgs: Awaited<ReturnType<typeof seedRegistry>>;
  let caseId: string;
  const REGION: TestActor = { person: 'sekr.kronoberg', organisation: '07' };
  const VAXJO: TestActor = { person: 'sekr.vaxjo', organisation: '0780' };
  const as = (actor: TestActor) => async (method: string, path: string, body?: unknown) => {
    const res = await t.request(method, path, { as: actor, ...(body !== undefined ? { body } : {}) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const gate = async (actor: TestActor, lang = 'sv') => {
    const res = await t.request('GET', `/cases/${caseId}/gates`, { as: actor, headers: { 'accept-language': lang } });
    return res.body.gates.find((g: any) => g.event === 'ADVANCE');
  };
  const byRule = (g: any, rule: string) => g.tasks.filter((task: any) => task.rule === rule);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-12-03T10:00:00+01:00');
    orgs = await seedRegistry(t);
    const r = as(REGION);
    caseId = (await r('POST', '/cases', { workflow: 'kronoberg', title: 'Barnens bästa gäller' })).id;
    await r('PATCH', `/cases/${caseId}/parties/${orgs.get('Region Kronoberg')!.id}`, { responsibilities: ['leads', 'decides', 'contributes'], mustSign: true });
    await r('POST', `/cases/${caseId}/parties`, { organisationId: orgs.get('Växjö kommun')!.id, responsibilities: ['decides', 'contributes'] });
  });
  afterAll(() => t?.close());

  it('lists every condition as a task: the unmet ones with kind, title, owner, status and deadline; the met ones done', async () => {
    const g = await gate(REGION);
    const summary = g.tasks.map((task: any) => `${task.rule}: ${task.kind} ${task.status}`);
    expect(summary).toEqual([
      'parties-registered: addParty done',
      'someone-leads: addParty done',
      'someone-decides: addParty done',
      'secretariat-assigned: assignRole done',
      'required-roles-held: assignRole done',
      'arena-described: setField notStarted',
      'formalised: registerDocument notStarted',
      'signed-by-all: signDocument notStarted',
      'signed-by-all: signDocument waitingForOthers',
      'steering-group: assignRole notStarted',
      'region-and-municipalities-decide: addParty done',
    ]);
    const [arena] = byRule(g, 'arena-described');
    expect(arena).toMatchObject({
      title: 'Fyll i "Arena (forum)"',
      statusText: 'Ej påbörjad',
      fields: [{ key: 'arena', label: 'Arena (forum)' }],
      owedBy: [{ id: orgs.get('Region Kronoberg')!.id, name: 'Region Kronoberg' }],
      mine: true,
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      message: 'Ingen arena (forum) är beskriven: fyll i "Arena (forum)".',
    });
    expect(byRule(g, 'formalised')[0]).toMatchObject({
      title: 'Registrera dokumentet "Överenskommelse" eller "Avsiktsförklaring"',
      anyOf: true,
      documentKinds: [
        { key: 'agreement', label: 'Överenskommelse' },
        { key: 'declarationOfIntent', label: 'Avsiktsförklaring' },
      ],
    });
    expect(byRule(g, 'steering-group')[0]).toMatchObject({ title: 'Utse styrgrupp', role: { key: 'steeringGroup', title: 'Styrgrupp' } });
    const [regionSigns, vaxjoSigns] = byRule(g, 'signed-by-all');
    expect(regionSigns).toMatchObject({
      title: 'Region Kronoberg skriver under "Överenskommelse" eller "Avsiktsförklaring"',
      party: { name: 'Region Kronoberg' },
      mine: true,
      documents: [],
    });
    expect(vaxjoSigns).toMatchObject({ party: { name: 'Växjö kommun' }, mine: false, statusText: 'Väntar på annan part' });
    expect(byRule(g, 'someone-leads')[0]).toMatchObject({ status: 'done', statusText: 'Klar', message: null, owedBy: [], title: 'Ange vilken part som leder' });
    // The failures carry the same task, with the caller's status.
    expect(g.failures.find((f: any) => f.rule === 'arena-described').task).toMatchObject({ kind: 'setField', status: 'notStarted' });
  });

  it('says it for the caller: another organisation’s task waits for others; its own does not; in English too', async () => {
    const g = await gate(VAXJO);
    expect(byRule(g, 'arena-described')[0]).toMatchObject({ status: 'waitingForOthers', mine: false });
    expect(byRule(g, 'signed-by-all')[1]).toMatchObject({ status: 'notStarted', mine: true });
    const english = await gate(VAXJO, 'en');
    expect(byRule(english, 'arena-described')[0]).toMatchObject({ title: 'Fill in "Arena (forum)"', statusText: 'Waiting for another party' });
    expect(byRule(english, 'signed-by-all')[1].title).toBe('Växjö kommun signs "Agreement" or "Declaration of intent"');
  });

  it('a document to sign is linked once it is registered', async () => {
    const doc = await as(REGION)('POST', `/cases/${caseId}/documents`, { title: 'Överenskommelse Barnens bästa', kind: 'agreement' });
    const g = await gate(REGION);
    expect(byRule(g, 'formalised')[0].status).toBe('done');
    expect(byRule(g, 'signed-by-all').map((task: any) => task.documents)).toEqual([[doc.id], [doc.id]]);
  });

  it('decisions: the decision point to set up, then each board with what its decision lacks and the words that differ', async () => {
    const r = as(REGION);
    const regionId = orgs.get('Region Kronoberg')!.id;
    const vaxjoId = orgs.get('Växjö kommun')!.id;
    await r('PATCH', `/cases/${caseId}/fields`, { arena: 'Regionalt forum' });
    const karin = (await t.request('POST', '/people', { body: { subject: 'karin', name: 'Karin Ek', organisationId: regionId }, as: PROCESS_OWNER })).body.id;
    await r('POST', `/cases/${caseId}/roles`, { role: 'steeringGroup', organisationId: regionId, holderId: karin });
    await r('POST', `/cases/${caseId}/roles`, { role: 'secretariat', organisationId: vaxjoId, holderId: (await t.identity(VAXJO)).personId });
    const doc = (await r('GET', `/cases/${caseId}/documents`)).find((d: any) => d.kind === 'agreement');
    for (const id of [regionId, vaxjoId]) await r('POST', `/cases/${caseId}/documents/${doc.id}/signatures`, { organisationId: id, signedOn: '2026-12-01' });
    expect((await r('POST', `/cases/${caseId}/events`, { type: 'ADVANCE' })).state.value).toBe('decisions');

    expect(byRule(await gate(REGION), 'decision-point-defined')[0]).toMatchObject({
      kind: 'setUpDecisionPoint',
      status: 'notStarted',
      decisionPoint: 'joint-agreement',
      title: 'Lägg upp beslutspunkten med referenstext och de nämnder som ska besluta',
    });

    const reference = 'Nämnden ställer sig bakom överenskommelsen om tidiga och förebyggande insatser.';
    const boards = [orgs.get('Region Kronoberg')!.boards.get('Regionstyrelsen')!, orgs.get('Växjö kommun')!.boards.get('Socialnämnden')!];
    await r('POST', `/cases/${caseId}/decision-points`, { key: 'joint-agreement', title: 'Likalydande beslut', referenceText: reference, boardIds: boards });
    await r('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[0]}`, {
      status: 'decided',
      meetingDate: '2026-11-24',
      text: 'Nämnden ställer sig bakom överenskommelsen om tidiga insatser.',
    });
    const g = await gate(REGION);
    expect(byRule(g, 'every-board-decided')).toEqual([
      expect.objectContaining({
        kind: 'recordDecision',
        status: 'waitingForOthers',
        title: 'Registrera beslutet i Växjö kommun – socialnämnden',
        board: expect.objectContaining({ id: boards[1], status: 'none', statusText: 'inget beslut' }),
        owedBy: [{ id: vaxjoId, name: 'Växjö kommun' }],
      }),
    ]);
    const [differs] = byRule(g, 'texts-identical');
    expect(differs).toMatchObject({
      kind: 'recordDecision',
      status: 'inProgress',
      mine: true,
      decisionPoint: 'joint-agreement',
      board: { label: 'Region Kronoberg – regionstyrelsen', missingWords: 'och förebyggande', words: '8–9' },
    });
    expect(differs.title).toBe('Se över beslutstexten i Region Kronoberg – regionstyrelsen: den skiljer sig från referenstexten');
    const notFinal = byRule(g, 'every-decision-final');
    expect(notFinal.map((task: any) => [task.board.label, task.status, task.title])).toEqual([
      ['Region Kronoberg – regionstyrelsen', 'inProgress', 'Registrera justering och anslag av beslutet i Region Kronoberg – regionstyrelsen'],
      ['Växjö kommun – socialnämnden', 'waitingForOthers', 'Registrera beslutet i Växjö kommun – socialnämnden'],
    ]);
    // Announced: the appeal period runs, whoever looks; nobody can do more than wait.
    await r('PUT', `/cases/${caseId}/decision-points/joint-agreement/decisions/${boards[0]}`, {
      status: 'announced',
      meetingDate: '2026-11-24',
      minutesApprovedDate: '2026-12-01',
      announcedDate: '2026-12-02',
      text: reference,
    });
    const announced = byRule(await gate(REGION), 'every-decision-final')[0];
    expect(announced).toMatchObject({
      status: 'waitingForOthers',
      title: 'Beslutet i Region Kronoberg – regionstyrelsen vinner laga kraft tidigast 24 december 2026',
    });
  });
});
