import { readFileSync } from 'node:fs';
import { EscalationJob } from '../src/escalations/escalation.job.js';
import { addAction, addGoal, addParty, assignRole, commitResource, createCase, registerDocument, setUpDecisionPoint, storeFile } from './support/factories.js';
import { person, seedRegistry } from './support/governance-fixture.js';
import { ADMINISTRATOR, startTestApp, type RequestOptions, type TestActor, type TestApp } from './support/test-app.js';

/**
 * The permission matrix: every endpoint × every persona, asserted from the one table below. The
 * table is checked against the OpenAPI document, so an endpoint added without a row fails here.
 *
 * Outcomes: U = 401 (not signed in), N = 404 for the case itself (another organisation's case
 * does not exist for you), F = 403 (visible, but your roles do not allow it), A = allowed (the
 * request reached the domain: 2xx, or a domain answer such as 422), E = the service failed (5xx).
 * A number is an exact status. No row expects E: a 500 is a bug, never "allowed".
 */
type Outcome = 'U' | 'N' | 'F' | 'A' | 'E' | number;
type Persona = 'anonymous' | 'outsider' | 'admin' | 'member' | 'steering' | 'partySecretariat' | 'lead';
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'admin', 'member', 'steering', 'partySecretariat', 'lead'];

interface Ctx {
  caseId: string;
  region: string;
  vaxjo: string;
  vaxjoBoard: string;
  regionBoard: string;
  goalId: string;
  regionGoalId: string;
  regionCommitmentId: string;
  vaxjoDocumentId: string;
  actionId: string;
  documentId: string;
  secretDocumentId: string;
  memberRoleId: string;
  throwawayPerson: string;
  throwawayToken: string;
  escalationId: string;
  n: number;
}
type Req = { path: string; body?: unknown; raw?: { body: string; type: string } };

/** The outcome a persona met. A 5xx is E before anything else: an endpoint that breaks has not "allowed" anything. */
function outcomeOf(status: number, body: { message?: string } | undefined, caseId: string): Outcome {
  if (status >= 500) return 'E';
  if (status === 401) return 'U';
  if (status === 403) return 'F';
  if (status === 404 && body?.message === `Ärendet "${caseId}" hittades inte`) return 'N';
  return 'A';
}

// Outcome rows for the usual kinds of endpoint (anonymous, outsider, admin, member, steering, partySecretariat, lead).
const row = (...o: Outcome[]): Record<Persona, Outcome> => Object.fromEntries(PERSONAS.map((p, i) => [p, o[i]!])) as Record<Persona, Outcome>;
const SIGNED_IN = row('U', 'A', 'A', 'A', 'A', 'A', 'A');
const READ_CASE = row('U', 'N', 'N', 'A', 'A', 'A', 'A');
const RUN_CASE = row('U', 'N', 'N', 'F', 'F', 'F', 'A');
const CONTRIBUTE = row('U', 'N', 'N', 'F', 'F', 'A', 'A');
const ADMIN_ONLY = row('U', 'F', 'A', 'F', 'F', 'F', 'F');

const MATRIX: Record<string, { request: (c: Ctx) => Req; expect: Record<Persona, Outcome> }> = {
  'GET /health': { request: () => ({ path: '/health' }), expect: row(200, 200, 200, 200, 200, 200, 200) },
  'POST /cases': { request: () => ({ path: '/cases', body: { workflow: 'samverkan', title: 'Nytt ärende' } }), expect: SIGNED_IN },
  'GET /cases': { request: () => ({ path: '/cases' }), expect: SIGNED_IN },
  'GET /cases/{id}': { request: (c) => ({ path: `/cases/${c.caseId}` }), expect: READ_CASE },
  // ADVANCE: roles from the workflow (secretariat, processOwner), held for the leading party: not Växjö's secretariat; the gate then says 422.
  'POST /cases/{id}/events': { request: (c) => ({ path: `/cases/${c.caseId}/events`, body: { type: 'ADVANCE' } }), expect: RUN_CASE },
  'PATCH /cases/{id}/fields': { request: (c) => ({ path: `/cases/${c.caseId}/fields`, body: { arena: 'Regionalt forum' } }), expect: RUN_CASE },
  'GET /cases/{id}/gate': { request: (c) => ({ path: `/cases/${c.caseId}/gate?event=ADVANCE` }), expect: READ_CASE },
  'GET /cases/{id}/history': { request: (c) => ({ path: `/cases/${c.caseId}/history` }), expect: READ_CASE },
  'GET /cases/{id}/history/verify': { request: (c) => ({ path: `/cases/${c.caseId}/history/verify` }), expect: READ_CASE },
  'GET /workflows': { request: () => ({ path: '/workflows' }), expect: SIGNED_IN },
  'POST /workflows': {
    request: () => ({ path: '/workflows', body: { workflow: JSON.parse(readFileSync('workflows/samverkan.v1.json', 'utf8')) } }),
    expect: ADMIN_ONLY,
  },
  'POST /workflows/validate': { request: () => ({ path: '/workflows/validate', body: { ruleSets: [] } }), expect: ADMIN_ONLY },
  'GET /workflows/{id}/versions/{version}': { request: () => ({ path: '/workflows/samverkan/versions/1' }), expect: SIGNED_IN },
  'GET /facts': { request: () => ({ path: '/facts' }), expect: SIGNED_IN },
  'GET /organisations': { request: () => ({ path: '/organisations' }), expect: SIGNED_IN },
  'POST /organisations': { request: (c) => ({ path: '/organisations', body: { name: `Förening ${c.n}`, kind: 'civilSociety' } }), expect: ADMIN_ONLY },
  'GET /organisations/{id}': { request: (c) => ({ path: `/organisations/${c.region}` }), expect: SIGNED_IN },
  'POST /organisations/{id}/boards': {
    request: (c) => ({ path: `/organisations/${c.region}/boards`, body: { name: `Beredning ${c.n}`, kind: 'committee' } }),
    expect: ADMIN_ONLY,
  },
  'GET /people': { request: () => ({ path: '/people' }), expect: SIGNED_IN },
  'POST /people': { request: (c) => ({ path: '/people', body: { subject: `ny.${c.n}`, name: 'Ny Person', organisationId: c.region } }), expect: ADMIN_ONLY },
  'PATCH /people/{id}': { request: (c) => ({ path: `/people/${c.throwawayPerson}`, body: { name: 'Tillfällig Person' } }), expect: ADMIN_ONLY },
  'POST /people/{id}/deactivate': { request: (c) => ({ path: `/people/${c.throwawayPerson}/deactivate` }), expect: ADMIN_ONLY },
  'GET /cases/{id}/parties': { request: (c) => ({ path: `/cases/${c.caseId}/parties` }), expect: READ_CASE },
  'POST /cases/{id}/parties': {
    request: (c) => ({ path: `/cases/${c.caseId}/parties`, body: { organisationId: c.vaxjo, responsibilities: ['decides'] } }),
    expect: RUN_CASE,
  },
  'PATCH /cases/{id}/parties/{organisationId}': {
    request: (c) => ({ path: `/cases/${c.caseId}/parties/${c.vaxjo}`, body: { benefit: 'Tidiga insatser' } }),
    expect: RUN_CASE,
  },
  // Växjö's board must decide at the decision point, so even an allowed caller gets 422.
  'DELETE /cases/{id}/parties/{organisationId}': { request: (c) => ({ path: `/cases/${c.caseId}/parties/${c.vaxjo}` }), expect: RUN_CASE },
  'GET /cases/{id}/roles': { request: (c) => ({ path: `/cases/${c.caseId}/roles` }), expect: READ_CASE },
  'POST /cases/{id}/roles': { request: (c) => ({ path: `/cases/${c.caseId}/roles`, body: { role: 'observer', organisationId: c.region } }), expect: RUN_CASE },
  'PATCH /cases/{id}/roles/{roleId}': { request: (c) => ({ path: `/cases/${c.caseId}/roles/${c.memberRoleId}`, body: { required: false } }), expect: RUN_CASE },
  'DELETE /cases/{id}/roles/{roleId}': { request: (c) => ({ path: `/cases/${c.caseId}/roles/00000000-0000-4000-8000-0000000000aa` }), expect: RUN_CASE },
  'GET /cases/{id}/chair': { request: (c) => ({ path: `/cases/${c.caseId}/chair` }), expect: READ_CASE },
  'PUT /cases/{id}/chair/rotation': {
    request: (c) => ({
      path: `/cases/${c.caseId}/chair/rotation`,
      body: { entries: [{ organisationId: c.region }, { organisationId: c.vaxjo }], periodMonths: 12 },
    }),
    expect: RUN_CASE,
  },
  'POST /cases/{id}/chair/rotate': { request: (c) => ({ path: `/cases/${c.caseId}/chair/rotate` }), expect: RUN_CASE },
  'GET /cases/{id}/decision-points': { request: (c) => ({ path: `/cases/${c.caseId}/decision-points` }), expect: READ_CASE },
  'POST /cases/{id}/decision-points': {
    request: (c) => ({
      path: `/cases/${c.caseId}/decision-points`,
      body: { key: 'joint-agreement', title: 'X', referenceText: 'Y', boardIds: [c.vaxjoBoard] },
    }),
    expect: RUN_CASE,
  },
  'GET /cases/{id}/decision-points/{key}': { request: (c) => ({ path: `/cases/${c.caseId}/decision-points/joint-agreement` }), expect: READ_CASE },
  'PATCH /cases/{id}/decision-points/{key}': {
    request: (c) => ({ path: `/cases/${c.caseId}/decision-points/joint-agreement`, body: { title: 'Likalydande beslut' } }),
    expect: RUN_CASE,
  },
  // Only the board's own organisation's secretariat: Växjö's, not the lead's.
  'PUT /cases/{id}/decision-points/{key}/decisions/{boardId}': {
    request: (c) => ({ path: `/cases/${c.caseId}/decision-points/joint-agreement/decisions/${c.vaxjoBoard}`, body: { status: 'proposed' } }),
    expect: row('U', 'N', 'N', 'F', 'F', 'A', 'F'),
  },
  'GET /cases/{id}/goals': { request: (c) => ({ path: `/cases/${c.caseId}/goals` }), expect: READ_CASE },
  'POST /cases/{id}/goals': { request: (c) => ({ path: `/cases/${c.caseId}/goals`, body: { title: 'Mål' } }), expect: RUN_CASE },
  'GET /cases/{id}/goals/{goalId}': { request: (c) => ({ path: `/cases/${c.caseId}/goals/${c.goalId}` }), expect: READ_CASE },
  'PATCH /cases/{id}/goals/{goalId}': { request: (c) => ({ path: `/cases/${c.caseId}/goals/${c.goalId}`, body: { unit: '%' } }), expect: RUN_CASE },
  'POST /cases/{id}/goals/{goalId}/measurements': {
    request: (c) => ({ path: `/cases/${c.caseId}/goals/${c.goalId}/measurements`, body: { period: 2025, value: 1 } }),
    expect: CONTRIBUTE,
  },
  'POST /cases/{id}/goals/kolada-import': { request: (c) => ({ path: `/cases/${c.caseId}/goals/kolada-import`, body: { values: [] } }), expect: CONTRIBUTE },
  'POST /cases/{id}/goals/kolada-sync': { request: (c) => ({ path: `/cases/${c.caseId}/goals/kolada-sync` }), expect: row('U', 'N', 'N', 'A', 'A', 'A', 'A') },
  'GET /cases/{id}/resources': { request: (c) => ({ path: `/cases/${c.caseId}/resources` }), expect: READ_CASE },
  // For Växjö: its own secretariat, or the lead on its behalf (more in ANOTHER_PARTYS below).
  'POST /cases/{id}/resources': {
    request: (c) => ({ path: `/cases/${c.caseId}/resources`, body: { organisationId: c.vaxjo, kind: 'staff', amount: 1, unit: 'FTE' } }),
    expect: CONTRIBUTE,
  },
  'DELETE /cases/{id}/resources/{commitmentId}': {
    request: (c) => ({ path: `/cases/${c.caseId}/resources/00000000-0000-4000-8000-0000000000bb` }),
    expect: CONTRIBUTE,
  },
  'GET /cases/{id}/actions': { request: (c) => ({ path: `/cases/${c.caseId}/actions` }), expect: READ_CASE },
  'POST /cases/{id}/actions': { request: (c) => ({ path: `/cases/${c.caseId}/actions`, body: { title: 'Åtgärd' } }), expect: RUN_CASE },
  'PATCH /cases/{id}/actions/{actionId}': {
    request: (c) => ({ path: `/cases/${c.caseId}/actions/${c.actionId}`, body: { status: 'inProgress' } }),
    expect: RUN_CASE,
  },
  'GET /cases/{id}/documents': { request: (c) => ({ path: `/cases/${c.caseId}/documents` }), expect: READ_CASE },
  'POST /cases/{id}/documents': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents`, body: { title: 'Minnesanteckningar', kind: 'other' } }),
    expect: CONTRIBUTE,
  },
  'GET /cases/{id}/documents/{documentId}': { request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.documentId}` }), expect: READ_CASE },
  // The region's document (the lead added it): Växjö's secretariat may not replace its file.
  'PUT /cases/{id}/documents/{documentId}/file': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.documentId}/file?name=anteckningar.txt`, raw: { body: 'anteckningar', type: 'text/plain' } }),
    expect: RUN_CASE,
  },
  'GET /cases/{id}/documents/{documentId}/file': { request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.documentId}/file` }), expect: READ_CASE },
  // The region's signature: its own secretariat (the lead), not Växjö's.
  'POST /cases/{id}/documents/{documentId}/signatures': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.documentId}/signatures`, body: { organisationId: c.region, signedOn: '2026-11-20' } }),
    expect: RUN_CASE,
  },
  'GET /cases/{id}/escalations': { request: (c) => ({ path: `/cases/${c.caseId}/escalations` }), expect: READ_CASE },
  // The fired "manager" level: managers and the steering group acknowledge; the first time 200, then 409.
  // To a non-party the escalation itself is not found (404), naming no case.
  'POST /escalations/{id}/ack': { request: (c) => ({ path: `/escalations/${c.escalationId}/ack`, body: {} }), expect: row('U', 404, 404, 'F', 'A', 'F', 'F') },
  'GET /me/escalations': { request: () => ({ path: '/me/escalations' }), expect: SIGNED_IN },
  // The web interface: how to sign in (public), who I am, my cases, the gates ahead of a case.
  'GET /ui/config': { request: () => ({ path: '/ui/config' }), expect: row(200, 200, 200, 200, 200, 200, 200) },
  'GET /me': { request: () => ({ path: '/me' }), expect: SIGNED_IN },
  'GET /me/cases': { request: () => ({ path: '/me/cases' }), expect: SIGNED_IN },
  'GET /cases/{id}/gates': { request: (c) => ({ path: `/cases/${c.caseId}/gates` }), expect: READ_CASE },
  'GET /outbox': { request: () => ({ path: '/outbox' }), expect: ADMIN_ONLY },
  'POST /outbox/{id}/retry': { request: () => ({ path: '/outbox/00000000-0000-4000-8000-0000000000cc/retry' }), expect: ADMIN_ONLY },
  'POST /tokens': {
    request: (c) => ({ path: '/tokens', body: { name: 'matris', personId: c.throwawayPerson } }),
    expect: row('U', 'F', 'A', 'F', 'F', 'F', 'F'),
  },
  'GET /tokens': { request: () => ({ path: '/tokens' }), expect: ADMIN_ONLY },
  'POST /tokens/{id}/revoke': { request: (c) => ({ path: `/tokens/${c.throwawayToken}/revoke` }), expect: ADMIN_ONLY },
};

/** A document confidential to the region: Växjö, a party too, must not see it exist (404). */
const SECRET_DOCUMENT: Record<string, { request: (c: Ctx) => Req; expect: Record<Persona, Outcome> }> = {
  'GET /cases/{id}/documents/{documentId}': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.secretDocumentId}` }),
    expect: row('U', 'N', 'N', 'A', 'A', 404, 'A'),
  },
  'GET /cases/{id}/documents/{documentId}/file': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.secretDocumentId}/file` }),
    expect: row('U', 'N', 'N', 'A', 'A', 404, 'A'),
  },
  'PUT /cases/{id}/documents/{documentId}/file': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.secretDocumentId}/file?name=x.txt`, raw: { body: 'x', type: 'text/plain' } }),
    expect: row('U', 'N', 'N', 'F', 'F', 404, 'A'),
  },
};

/**
 * Things of one party, recorded by another (docs/access-and-security.md, "Acting for an organisation"): a party's own
 * secretariat acts for it; the leading party's secretariat (the lead) may register on its behalf;
 * the secretariat of another party (Växjö, acting on the region's things) may not.
 */
const ANOTHER_PARTYS: Record<string, { request: (c: Ctx) => Req; expect: Record<Persona, Outcome> }> = {
  'POST /cases/{id}/documents/{documentId}/signatures': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.documentId}/signatures`, body: { organisationId: c.vaxjo, signedOn: '2026-11-20' } }),
    expect: CONTRIBUTE,
  },
  'POST /cases/{id}/resources': {
    request: (c) => ({ path: `/cases/${c.caseId}/resources`, body: { organisationId: c.region, kind: 'money', amount: 5_000_000, unit: 'SEK' } }),
    expect: RUN_CASE,
  },
  'DELETE /cases/{id}/resources/{commitmentId}': { request: (c) => ({ path: `/cases/${c.caseId}/resources/${c.regionCommitmentId}` }), expect: RUN_CASE },
  'POST /cases/{id}/documents': {
    request: (c) => ({
      path: `/cases/${c.caseId}/documents`,
      body: { title: 'Diarieförd hos regionen', kind: 'other', registryOrganisationId: c.region, registrationNumber: `RK ${c.n}` },
    }),
    expect: RUN_CASE,
  },
  'PUT /cases/{id}/documents/{documentId}/file': {
    request: (c) => ({ path: `/cases/${c.caseId}/documents/${c.vaxjoDocumentId}/file?name=v.txt`, raw: { body: 'v', type: 'text/plain' } }),
    expect: CONTRIBUTE,
  },
  'POST /cases/{id}/goals/{goalId}/measurements': {
    request: (c) => ({ path: `/cases/${c.caseId}/goals/${c.regionGoalId}/measurements`, body: { period: 2025, value: 7 } }),
    expect: RUN_CASE,
  },
  'POST /cases/{id}/goals/kolada-import': {
    request: (c) => ({
      path: `/cases/${c.caseId}/goals/kolada-import`,
      body: { values: [{ kpi: 'N17473', municipality: '07', period: 2025, values: [{ gender: 'T', value: 7 }] }] },
    }),
    expect: RUN_CASE,
  },
  // The region's own board: its own secretariat (the lead), and no one on its behalf.
  'PUT /cases/{id}/decision-points/{key}/decisions/{boardId}': {
    request: (c) => ({ path: `/cases/${c.caseId}/decision-points/joint-agreement/decisions/${c.regionBoard}`, body: { status: 'proposed' } }),
    expect: RUN_CASE,
  },
};

describe('the permission matrix', () => {
  let t: TestApp;
  const personas = {} as Record<Persona, TestActor | null>;
  /** The registry's ids every matrix case uses (read only). */
  const registry = {} as Pick<Ctx, 'region' | 'vaxjo' | 'vaxjoBoard' | 'regionBoard'>;
  /** How many matrix cases were made: what makes their names and numbers new each time. */
  let made = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const orgs = await seedRegistry(t);
    registry.region = orgs.get('Region Kronoberg')!.id;
    registry.vaxjo = orgs.get('Växjö kommun')!.id;
    registry.vaxjoBoard = orgs.get('Växjö kommun')!.boards.get('Socialnämnden')!;
    registry.regionBoard = orgs.get('Region Kronoberg')!.boards.get('Regionstyrelsen')!;
    Object.assign(personas, {
      anonymous: null,
      outsider: { person: 'sekr.ljungby', organisation: '0781' },
      admin: ADMINISTRATOR,
      member: { person: 'member.region', organisation: '07' },
      steering: { person: 'steering.region', organisation: '07' },
      partySecretariat: { person: 'sekr.vaxjo', organisation: '0780' },
      lead: { person: 'sekr.region', organisation: '07' },
    });
  });
  afterAll(() => t.close());

  /**
   * The case the matrix is asked about, new for each test: led by the region, Växjö a deciding
   * party with its own secretariat, a member and a steering group of the region, a decision point
   * for Växjö's board, goals, a commitment, an action, documents (one confidential to the region)
   * with files, a fired manager level; and Ljungby's own case, a throwaway person and token.
   */
  async function matrixCase(): Promise<Ctx> {
    made += 1;
    t.clock.set('2026-11-26T10:00:00+01:00');
    const { region, vaxjo, vaxjoBoard } = registry;
    const lead = { as: personas.lead! };
    const { id: caseId } = await createCase(t, { title: 'Matrisen' }, lead);
    await createCase(t, { title: 'Ljungbys eget' }, { as: personas.outsider! });
    await addParty(t, caseId, { organisationId: vaxjo, responsibilities: ['decides', 'contributes'] }, lead);
    const id = async (p: Persona) => (await t.identity(personas[p]!)).personId;
    const memberRoleId = await assignRole(t, caseId, { role: 'member', organisationId: region, holderId: await id('member') }, lead);
    await assignRole(t, caseId, { role: 'steeringGroup', organisationId: region, holderId: await id('steering') }, lead);
    await assignRole(t, caseId, { role: 'secretariat', organisationId: vaxjo, holderId: await id('partySecretariat') }, lead);
    await setUpDecisionPoint(t, caseId, { key: 'joint-agreement', title: 'Beslut', referenceText: 'Text', boardIds: [vaxjoBoard] }, lead);
    const goalId = await addGoal(t, caseId, { title: 'Mål' }, lead);
    const regionGoalId = await addGoal(t, caseId, { title: 'Regionens mål', organisationId: region, kpi: 'N17473', municipalityCode: '07' }, lead);
    const regionCommitmentId = await commitResource(t, caseId, { organisationId: region, kind: 'money', amount: 100_000, unit: 'SEK' }, lead);
    const vaxjoDocumentId = await registerDocument(t, caseId, { title: 'Växjös underlag', kind: 'other' }, { as: personas.partySecretariat! });
    const actionId = await addAction(t, caseId, { title: 'Åtgärd' }, lead);
    const documentId = await registerDocument(t, caseId, { title: 'Avtal', kind: 'agreement' }, lead);
    const secretDocumentId = await registerDocument(
      t,
      caseId,
      { title: 'Sekretessbelagd kartläggning', kind: 'situationAnalysis', confidential: true, visibleTo: [region] },
      lead,
    );
    for (const doc of [documentId, secretDocumentId]) await storeFile(t, caseId, doc, { name: 'a.txt', content: 'a' }, lead);
    // Past the step's deadline, its reminder and manager levels fire.
    t.clock.set('2027-02-01T10:00:00+01:00');
    await t.app.get(EscalationJob).run();
    const escalationId = (await t.request('GET', `/cases/${caseId}/escalations`, lead)).body.find((e: any) => e.level === 'manager' && e.status === 'open').id;
    const throwawayPerson = await person(t, `throwaway.${made}`, 'Tillfällig', region);
    const throwawayToken = (await t.request('POST', '/tokens', { body: { name: 'tillfällig', personId: throwawayPerson }, as: ADMINISTRATOR })).body.id;
    return {
      ...registry,
      caseId,
      goalId,
      regionGoalId,
      regionCommitmentId,
      vaxjoDocumentId,
      actionId,
      documentId,
      secretDocumentId,
      memberRoleId,
      throwawayPerson,
      throwawayToken,
      escalationId,
      n: made * 10_000,
    };
  }

  async function cell(ctx: Ctx, endpoint: string, spec: { request: (c: Ctx) => Req; expect: Record<Persona, Outcome> }, persona: Persona) {
    ctx.n++;
    const [method] = endpoint.split(' ');
    const req = spec.request(ctx);
    const options: RequestOptions = { as: personas[persona] };
    if (req.raw) Object.assign(options, { rawBody: req.raw.body, headers: { 'content-type': req.raw.type } });
    else if (req.body !== undefined) options.body = req.body;
    const res = await t.request(method!, req.path, options);
    const expected = spec.expect[persona];
    const got = typeof expected === 'number' ? res.status : outcomeOf(res.status, res.body, ctx.caseId);
    return { cell: `${endpoint} as ${persona}`, got, expected, ...(got !== expected ? { answer: `${res.status} ${res.text.slice(0, 160)}` } : {}) };
  }

  it('counts a failure of the service (5xx) as a failure, never as allowed', () => {
    const ctx = { caseId: '00000000-0000-4000-8000-000000000001' };
    for (const status of [500, 502, 503]) expect(outcomeOf(status, { message: 'Internal server error' }, ctx.caseId)).toBe('E');
    expect(
      [MATRIX, SECRET_DOCUMENT, ANOTHER_PARTYS]
        .flatMap((table) => Object.values(table))
        .flatMap((spec) => Object.values(spec.expect))
        .filter((o) => o === 'E' || (typeof o === 'number' && o >= 500)),
    ).toEqual([]);
    expect([200, 201, 204, 409, 422].map((status) => outcomeOf(status, {}, ctx.caseId))).toEqual(['A', 'A', 'A', 'A', 'A']);
  });

  it('has a row for every endpoint of the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/docs-json', { as: null })).body;
    const endpoints = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(Object.keys(MATRIX).sort()).toEqual(endpoints.sort());
  });

  it('gives every persona exactly the outcome of its row, on every endpoint', async () => {
    const ctx = await matrixCase();
    const mismatches = [];
    // Writes by allowed personas go last within a row, so a refused attempt never meets changed data.
    const order: Persona[] = ['anonymous', 'outsider', 'admin', 'member', 'steering', 'partySecretariat', 'lead'];
    for (const [endpoint, spec] of Object.entries(MATRIX)) {
      for (const persona of order) {
        const result = await cell(ctx, endpoint, spec, persona);
        if (result.got !== result.expected) mismatches.push(result);
      }
    }
    expect(mismatches).toEqual([]);
  });

  /** Every cell of a table that does not come out as its row says. */
  async function mismatchesIn(ctx: Ctx, table: typeof SECRET_DOCUMENT) {
    const mismatches = [];
    for (const [endpoint, spec] of Object.entries(table)) {
      for (const persona of PERSONAS) {
        const result = await cell(ctx, endpoint, spec, persona);
        if (result.got !== result.expected) mismatches.push(result);
      }
    }
    return mismatches;
  }

  it('hides a document confidential to another party, as if it did not exist', async () => {
    const ctx = await matrixCase();
    expect(await mismatchesIn(ctx, SECRET_DOCUMENT)).toEqual([]);
    const list = (await t.request('GET', `/cases/${ctx.caseId}/documents`, { as: personas.partySecretariat })).body;
    expect(list.map((d: any) => d.id)).not.toContain(ctx.secretDocumentId);
  });

  it("lets a party act for its own organisation, and only the lead on another party's behalf", async () => {
    const ctx = await matrixCase();
    expect(await mismatchesIn(ctx, ANOTHER_PARTYS)).toEqual([]);
  });

  it("neither lists nor counts another organisation's cases", async () => {
    const ctx = await matrixCase();
    const outsiderList = (await t.request('GET', '/cases?limit=100', { as: personas.outsider })).body;
    expect(outsiderList.items.map((c: any) => c.title)).toContain('Ljungbys eget');
    expect(outsiderList.items.map((c: any) => c.id)).not.toContain(ctx.caseId);
    expect(outsiderList.total).toBe(outsiderList.items.length);
    expect((await t.request('GET', '/cases?q=Matrisen', { as: personas.outsider })).body.total).toBe(0);
  });
});
