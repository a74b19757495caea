import { EscalationJob } from '../../src/escalations/escalation.job.js';
import { addParty, assignRole, createCase, setUpDecisionPoint } from '../support/factories.js';
import { seedRegistry } from '../support/governance-fixture.js';
import { ADMINISTRATOR, startTestApp, type TestActor, type TestApp } from '../support/test-app.js';

/**
 * A party acts only in its own organisation's name (docs/access-and-security.md, "Acting for an organisation"): a
 * party's secretariat records signatures, resources, documents and measurements for its own
 * organisation; the leading party's secretariat (or the case's process owner) may register them
 * for another party, and the history says for whom. Running the case (sending its events) is for
 * the leading party's roles. A final decision is not rewritten, nor dated years before the case.
 * Ids of hidden cases do not leak through escalations or the outbox.
 */
describe('acting for an organisation', () => {
  let t: TestApp;
  let region: string;
  let vaxjo: string;
  let almhult: string;
  let regionBoard: string;
  let vaxjoBoard: string;
  const lead: TestActor = { person: 'sekr.region', organisation: '07' };
  const vaxjoSecretariat: TestActor = { person: 'sekr.vaxjo', organisation: '0780' };
  /** The secretariat of Älmhult, a party that is only kept informed. */
  const informed: TestActor = { person: 'sekr.almhult', organisation: '0765' };
  const outsider: TestActor = { person: 'sekr.ljungby', organisation: '0781' };
  const TITLE = 'Barnens bästa – hemlig rubrik';

  const as = (actor: TestActor) => (method: string, path: string, body?: unknown) =>
    t.request(method, path, { as: actor, ...(body !== undefined ? { body } : {}) });
  const history = async (caseId: string) => (await as(lead)('GET', `/cases/${caseId}/history`)).body.events as Array<{ type: string; payload: any }>;
  /**
   * The case each test acts on, new for each: the region leads it, Växjö decides and contributes,
   * Älmhult is kept informed, and each of the two has its own secretariat on the case.
   */
  const actingCase = async () => {
    const { id: caseId } = await createCase(t, { title: TITLE }, { as: lead });
    await addParty(t, caseId, { organisationId: vaxjo, responsibilities: ['decides', 'contributes'] }, { as: lead });
    await addParty(t, caseId, { organisationId: almhult, responsibilities: ['informed'] }, { as: lead });
    for (const [actor, organisationId] of [
      [vaxjoSecretariat, vaxjo],
      [informed, almhult],
    ] as const) {
      await assignRole(t, caseId, { role: 'secretariat', organisationId, holderId: (await t.identity(actor)).personId }, { as: lead });
    }
    return caseId;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const orgs = await seedRegistry(t);
    region = orgs.get('Region Kronoberg')!.id;
    vaxjo = orgs.get('Växjö kommun')!.id;
    almhult = orgs.get('Älmhults kommun')!.id;
    regionBoard = orgs.get('Region Kronoberg')!.boards.get('Regionstyrelsen')!;
    vaxjoBoard = orgs.get('Växjö kommun')!.boards.get('Socialnämnden')!;
    await t.identity(outsider);
  });
  beforeEach(() => t.clock.set('2026-11-26T10:00:00+01:00'));
  afterAll(() => t.close());

  it("refuses a party's secretariat a signature for another party, which then has not signed", async () => {
    const caseId = await actingCase();
    const doc = (await as(lead)('POST', `/cases/${caseId}/documents`, { title: 'Överenskommelse', kind: 'agreement', registryOrganisationId: region })).body;
    const forRegion = await as(informed)('POST', `/cases/${caseId}/documents/${doc.id}/signatures`, { organisationId: region, signedOn: '2026-11-20' });
    expect(forRegion.status).toBe(403);
    expect(forRegion.body.message).toBe(
      'Du företräder Älmhults kommun och kan inte registrera en underskrift för Region Kronoberg. Det gör Region Kronobergs eget sekretariat, eller för dess räkning den ledande partens sekretariat eller ärendets processägare.',
    );
    const english = await t.request('POST', `/cases/${caseId}/documents/${doc.id}/signatures`, {
      as: informed,
      body: { organisationId: region, signedOn: '2026-11-20' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.message).toBe(
      "You represent Älmhults kommun and cannot record a signature for Region Kronoberg. Region Kronoberg's own secretariat does that, or on its behalf the leading party's secretariat or the case's process owner.",
    );
    expect((await as(informed)('POST', `/cases/${caseId}/documents/${doc.id}/signatures`, { organisationId: almhult, signedOn: '2026-11-20' })).status).toBe(
      201,
    );
    const signatures = (await as(lead)('GET', `/cases/${caseId}/documents/${doc.id}`)).body.signatures.map((s: any) => s.organisation.name);
    expect(signatures).toEqual(['Älmhults kommun']);
  });

  it("refuses a party's secretariat resources committed or withdrawn for another party", async () => {
    const caseId = await actingCase();
    const promised = await as(informed)('POST', `/cases/${caseId}/resources`, { organisationId: region, kind: 'money', amount: 5_000_000, unit: 'SEK' });
    expect(promised.status).toBe(403);
    expect(promised.body.message).toMatch(/^Du företräder Älmhults kommun och kan inte utlova resurser för Region Kronoberg\./);
    const regionOwn = (await as(lead)('POST', `/cases/${caseId}/resources`, { organisationId: region, kind: 'money', amount: 200_000, unit: 'SEK' })).body;
    const withdrawn = await as(vaxjoSecretariat)('DELETE', `/cases/${caseId}/resources/${regionOwn.id}`);
    expect(withdrawn.status).toBe(403);
    expect(withdrawn.body.message).toMatch(/^Du företräder Växjö kommun och kan inte dra tillbaka resurser för Region Kronoberg\./);
    const own = await as(informed)('POST', `/cases/${caseId}/resources`, { organisationId: almhult, kind: 'staff', amount: 0.2, unit: 'FTE' });
    expect(own.status).toBe(201);
    expect((await as(informed)('DELETE', `/cases/${caseId}/resources/${own.body.id}`)).status).toBe(200);
    const listed = (await as(lead)('GET', `/cases/${caseId}/resources`)).body.map((c: any) => [c.organisation?.id ?? c.organisationId, c.amount]);
    expect(listed).toEqual([[region, 200_000]]);
  });

  it("refuses a party's secretariat another party's document: its file stays, and none is added in another party's registry", async () => {
    const caseId = await actingCase();
    const r = as(lead);
    const regionDoc = (await r('POST', `/cases/${caseId}/documents`, { title: 'Regionens lägesbild', kind: 'situationAnalysis' })).body;
    await t.request('PUT', `/cases/${caseId}/documents/${regionDoc.id}/file?name=lage.txt`, {
      as: lead,
      rawBody: 'regionens text',
      headers: { 'content-type': 'text/plain' },
    });
    const replaced = await t.request('PUT', `/cases/${caseId}/documents/${regionDoc.id}/file?name=lage.txt`, {
      as: informed,
      rawBody: 'utbytt',
      headers: { 'content-type': 'text/plain' },
    });
    expect(replaced.status).toBe(403);
    expect(replaced.body.message).toMatch(/^Du företräder Älmhults kommun och kan inte spara en fil till ett dokument för Region Kronoberg\./);
    expect((await r('GET', `/cases/${caseId}/documents/${regionDoc.id}/file`)).text).toBe('regionens text');
    const inRegionsRegistry = await as(informed)('POST', `/cases/${caseId}/documents`, {
      title: 'Falskt diarium',
      kind: 'other',
      registryOrganisationId: region,
      registrationNumber: 'RK 1/1',
    });
    expect(inRegionsRegistry.status).toBe(403);
    // Its own document it may add and give a file.
    const own = (await as(informed)('POST', `/cases/${caseId}/documents`, { title: 'Älmhults minnesanteckningar', kind: 'other' })).body;
    expect(
      (
        await t.request('PUT', `/cases/${caseId}/documents/${own.id}/file?name=a.txt`, {
          as: informed,
          rawBody: 'egna',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(200);
  });

  it("refuses a party's secretariat measurements of another party's goal, by hand or by import; a joint goal any contributor measures", async () => {
    const caseId = await actingCase();
    const r = as(lead);
    const regionGoal = (await r('POST', `/cases/${caseId}/goals`, { title: 'Regionens mål', organisationId: region, kpi: 'N17473', municipalityCode: '07' }))
      .body;
    const jointGoal = (await r('POST', `/cases/${caseId}/goals`, { title: 'Gemensamt mål' })).body;
    const measured = await as(informed)('POST', `/cases/${caseId}/goals/${regionGoal.id}/measurements`, { period: 2025, value: 99 });
    expect(measured.status).toBe(403);
    expect(measured.body.message).toMatch(/^Du företräder Älmhults kommun och kan inte registrera mätvärden för Region Kronoberg\./);
    const imported = await as(informed)('POST', `/cases/${caseId}/goals/kolada-import`, {
      values: [{ kpi: 'N17473', municipality: '07', period: 2025, values: [{ gender: 'T', value: 99 }] }],
    });
    expect(imported.status).toBe(403);
    expect((await r('GET', `/cases/${caseId}/goals/${regionGoal.id}`)).body.measurements).toEqual([]);
    expect((await as(informed)('POST', `/cases/${caseId}/goals/${jointGoal.id}/measurements`, { period: 2025, value: 3 })).status).toBe(201);
  });

  it("lets the leading party's secretariat register for another party, and the history says for whom", async () => {
    const caseId = await actingCase();
    const r = as(lead);
    const doc = (await r('POST', `/cases/${caseId}/documents`, { title: 'Avsiktsförklaring', kind: 'declarationOfIntent' })).body;
    expect((await r('POST', `/cases/${caseId}/documents/${doc.id}/signatures`, { organisationId: vaxjo, signedOn: '2026-11-24' })).status).toBe(201);
    expect((await r('POST', `/cases/${caseId}/documents/${doc.id}/signatures`, { organisationId: region, signedOn: '2026-11-24' })).status).toBe(201);
    expect((await r('POST', `/cases/${caseId}/resources`, { organisationId: vaxjo, kind: 'staff', amount: 1, unit: 'FTE' })).status).toBe(201);
    const events = await history(caseId);
    const signed = events.filter((e) => e.type === 'document.signed' && e.payload.document === doc.id);
    expect(signed.map((e) => [e.payload.organisation, e.payload.onBehalfOf ?? null])).toEqual([
      [vaxjo, { organisation: vaxjo, name: 'Växjö kommun' }],
      [region, null],
    ]);
    const committed = events.filter((e) => e.type === 'resource.committed').at(-1)!;
    expect(committed.payload.onBehalfOf).toEqual({ organisation: vaxjo, name: 'Växjö kommun' });
  });

  it("lets only the leading party's roles run the case: another party's secretariat cannot send ADVANCE", async () => {
    const caseId = await actingCase();
    for (const actor of [informed, vaxjoSecretariat]) {
      const res = await as(actor)('POST', `/cases/${caseId}/events`, { type: 'ADVANCE' });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/ADVANCE/);
      const view = (await as(actor)('GET', `/cases/${caseId}`)).body;
      expect(view.allowedEvents.map((e: any) => e.type)).not.toContain('ADVANCE');
    }
    // The lead may send it; here its gate still says what is missing.
    expect((await as(lead)('POST', `/cases/${caseId}/events`, { type: 'ADVANCE' })).status).toBe(422);
  });

  describe('board decisions', () => {
    const text = 'Nämnden ställer sig bakom överenskommelsen.';
    const final = {
      status: 'announced',
      text,
      meetingDate: '2026-09-01',
      minutesParagraph: '§ 12',
      minutesApprovedDate: '2026-09-05',
      announcedDate: '2026-09-07',
    };

    /** A new acting case with the decision point "joint" for the region's and Växjö's boards. */
    const caseWithDecisionPoint = async () => {
      const caseId = await actingCase();
      await setUpDecisionPoint(
        t,
        caseId,
        { key: 'joint', title: 'Likalydande beslut', referenceText: text, boardIds: [regionBoard, vaxjoBoard] },
        { as: lead },
      );
      return caseId;
    };

    it('refuses to rewrite a decision that has become final; a wrong registration is corrected with its reason, and an appeal made in time may still be recorded', async () => {
      const caseId = await caseWithDecisionPoint();
      const path = `/cases/${caseId}/decision-points/joint/decisions/${vaxjoBoard}`;
      expect((await as(vaxjoSecretariat)('PUT', path, final)).status).toBe(200);
      const line = async () => (await as(lead)('GET', `/cases/${caseId}/decision-points/joint`)).body.boards.find((b: any) => b.board.id === vaxjoBoard);
      expect((await line()).status).toBe('final');
      const rewritten = await as(vaxjoSecretariat)('PUT', path, { ...final, text: 'Nämnden ställer sig inte bakom överenskommelsen.' });
      expect(rewritten.status).toBe(409);
      expect(rewritten.body.code).toBe('DECISION_FINAL');
      expect(rewritten.body.message).toMatch(/laga kraft/);
      expect((await line()).decision.text).toBe(text);
      // Sending it unchanged changes nothing and is fine.
      expect((await as(vaxjoSecretariat)('PUT', path, final)).status).toBe(200);
      // A registration that differs from the minutes is corrected with the reason, in the history.
      const corrected = await as(vaxjoSecretariat)('PUT', path, {
        ...final,
        minutesParagraph: '§ 21',
        correction: 'Fel paragraf registrerades; protokollet säger § 21',
      });
      expect(corrected.status).toBe(200);
      const event = (await history(caseId)).at(-1)!;
      expect(event).toMatchObject({
        type: 'decision.corrected',
        payload: { correction: 'Fel paragraf registrerades; protokollet säger § 21', from: { minutesParagraph: '§ 12' }, to: { minutesParagraph: '§ 21' } },
      });
      expect((await line()).status).toBe('final');
      const asCorrected = { ...final, minutesParagraph: '§ 21' };
      // A court's notice of an appeal made in time arrives late: that may be recorded.
      expect((await as(vaxjoSecretariat)('PUT', path, { ...asCorrected, status: 'appealed' })).status).toBe(200);
      expect((await line()).status).toBe('appealed');
    });

    it('refuses decision dates more than a year before the case started', async () => {
      const caseId = await caseWithDecisionPoint();
      const backdated = await as(lead)('PUT', `/cases/${caseId}/decision-points/joint/decisions/${regionBoard}`, {
        ...final,
        meetingDate: '2019-03-01',
        minutesApprovedDate: '2019-03-05',
        announcedDate: '2019-03-06',
      });
      expect(backdated.status).toBe(422);
      expect(backdated.body.message).toMatch(/2019-03-01.*före/);
      const line = (await as(lead)('GET', `/cases/${caseId}/decision-points/joint`)).body.boards.find((b: any) => b.board.id === regionBoard);
      expect(line.status).toBe('none');
    });
  });

  describe('escalations and the outbox', () => {
    /** A new acting case past its step's deadline: its reminder and manager levels fire, and the reminder is mailed to the secretariats. */
    const caseWithEscalation = async () => {
      const caseId = await actingCase();
      t.clock.set('2027-02-01T10:00:00+01:00');
      await t.app.get(EscalationJob).run();
      const escalationId: string = (await as(lead)('GET', `/cases/${caseId}/escalations`)).body.find((e: any) => e.status === 'open').id;
      return { caseId, escalationId };
    };

    it('answers an escalation of a hidden case "escalation not found", not naming the case', async () => {
      const { caseId, escalationId } = await caseWithEscalation();
      const res = await as(outsider)('POST', `/escalations/${escalationId}/ack`, {});
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(caseId);
      expect(res.body.message).toBe(`Eskaleringen "${escalationId}" hittades inte`);
    });

    it('keeps case titles out of the outbox for an administrator who cannot see the case', async () => {
      const { caseId } = await caseWithEscalation();
      const outbox = await t.request('GET', `/outbox?caseId=${caseId}`, { as: ADMINISTRATOR });
      expect(outbox.status).toBe(200);
      expect(outbox.body.items.length).toBeGreaterThan(0);
      expect(outbox.text).not.toContain('hemlig rubrik');
      expect((await as(outsider)('GET', `/cases/${caseId}`)).status).toBe(404);
    });
  });
});
