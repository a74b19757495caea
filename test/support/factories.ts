import { person, type seedRegistry } from './governance-fixture.js';
import type { ApiResponse, TestActor, TestApp } from './test-app.js';

/**
 * Small factories for the end-to-end tests: each makes one thing over the HTTP API, exactly as a
 * test would (`t.request`), and returns the ids or the ETag the test needs next. A test builds
 * what it needs with them, so it runs alone (`npm test -- -t "<name>"`) and no test depends on
 * data another test made.
 *
 * A factory is setup, not a finding: an answer other than the one success status it expects
 * (201 for what a POST creates, else 200) throws, with the status and the text, so a broken
 * setup fails the test at the step that broke. Assertions about an answer stay
 * in the test, which sends that request itself.
 */

/** Who a factory acts as: a test actor, or the app's default actor (`defaultActor`, else SECRETARIAT) when left out. */
export interface Acting {
  as?: TestActor;
}

/** A case as a write left it: its id, its version, and the ETag (`"<version>"`) an `If-Match` carries. */
export interface CaseRef {
  id: string;
  version: number;
  etag: string;
}

/**
 * One request of a factory.
 * @returns the answer, when its status is `expected` (default 201 for a POST, 200 otherwise)
 * @throws Error naming `what`, the status and the answer's text otherwise
 */
async function send(
  t: TestApp,
  method: string,
  path: string,
  what: string,
  options: Acting & { body?: unknown; rawBody?: string; headers?: Record<string, string>; expected?: number } = {},
): Promise<ApiResponse> {
  const expected = options.expected ?? (method === 'POST' ? 201 : 200);
  const res = await t.request(method, path, {
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.rawBody !== undefined ? { rawBody: options.rawBody } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.as ? { as: options.as } : {}),
  });
  if (res.status !== expected) throw new Error(`${what}: ${method} ${path} answered ${res.status} ${res.text.slice(0, 500)}`);
  return res;
}

/**
 * The case reference of an answer about a case (a command's, a field change's, a read's).
 * @throws Error when the answer carries no ETag
 */
function caseRefOf(res: ApiResponse): CaseRef {
  const etag = res.headers.get('etag');
  if (!etag) throw new Error(`an answer about case ${res.body.id} without an ETag: ${res.text.slice(0, 200)}`);
  return { id: res.body.id, version: res.body.version, etag };
}

let unique = 0;

/**
 * Someone of a test organisation of their own, new to the app: a case they start is seen and
 * listed by nobody else's organisation, so a test that lists or counts cases sees its own only.
 * Sends no request: the test app registers them (and the organisation) on their first one.
 * @param label words for the organisation's name (a number is added so it is new each time)
 */
export function actorOfNewOrganisation(label = 'Testorganisation'): TestActor {
  unique += 1;
  return { person: `sekr.${unique}@${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, organisation: `${label} ${unique}` };
}

/**
 * Starts a case of `workflow` (default the app's `samverkan`). The one who starts it is its
 * secretariat, and their organisation its leading party.
 * @returns the case's id, version (1) and ETag
 */
export async function createCase(t: TestApp, { title, workflow = 'samverkan' }: { title: string; workflow?: string }, options: Acting = {}): Promise<CaseRef> {
  return caseRefOf(await send(t, 'POST', '/cases', `starting case "${title}"`, { ...options, body: { workflow, title } }));
}

/** The case's version and ETag now (a write of governance data moves the version but answers without an ETag). */
export async function caseVersion(t: TestApp, caseId: string, options: Acting = {}): Promise<CaseRef> {
  return caseRefOf(await send(t, 'GET', `/cases/${caseId}`, 'reading the case', options));
}

/**
 * Sets (or, with `null`, removes) case fields.
 * @returns the case's version and ETag afterwards
 */
export async function setFields(t: TestApp, caseId: string, fields: Record<string, unknown>, options: Acting = {}): Promise<CaseRef> {
  return caseRefOf(await send(t, 'PATCH', `/cases/${caseId}/fields`, `setting fields ${Object.keys(fields).join(', ')}`, { ...options, body: fields }));
}

/**
 * Sends an event (default ADVANCE) that must be accepted: the gate holds and the sender may.
 * @returns the case's version and ETag afterwards, and its state value
 */
export async function advance(
  t: TestApp,
  caseId: string,
  event: { type?: string; comment?: string } = {},
  options: Acting = {},
): Promise<CaseRef & { state: unknown }> {
  const { type = 'ADVANCE', ...rest } = event;
  const res = await send(t, 'POST', `/cases/${caseId}/events`, `sending ${type}`, { ...options, body: { type, ...rest }, expected: 200 });
  return { ...caseRefOf(res), state: res.body.state.value };
}

/** Adds an organisation of the registry as a party, with its responsibilities (`decides`, `contributes`, …). */
export async function addParty(
  t: TestApp,
  caseId: string,
  party: { organisationId: string; responsibilities: string[]; mustSign?: boolean; benefit?: string },
  options: Acting = {},
): Promise<void> {
  await send(t, 'POST', `/cases/${caseId}/parties`, 'adding a party', { ...options, body: party });
}

/** Changes a party: its responsibilities, whether it must sign, its benefit. */
export async function updateParty(t: TestApp, caseId: string, organisationId: string, changes: Record<string, unknown>, options: Acting = {}): Promise<void> {
  await send(t, 'PATCH', `/cases/${caseId}/parties/${organisationId}`, 'changing a party', { ...options, body: changes });
}

/**
 * Gives a role on the case for a party (the holder must be of that organisation; no holder leaves it vacant).
 * @returns the role's id
 */
export async function assignRole(
  t: TestApp,
  caseId: string,
  role: { role: string; organisationId: string; holderId?: string; deputyId?: string; required?: boolean },
  options: Acting = {},
): Promise<string> {
  return (await send(t, 'POST', `/cases/${caseId}/roles`, `assigning the role ${role.role}`, { ...options, body: role })).body.id;
}

/**
 * Registers a document on the case (`kind` e.g. `agreement`; optionally a registry number, or confidential to some parties).
 * @returns the document's id
 */
export async function registerDocument(
  t: TestApp,
  caseId: string,
  document: { title: string; kind: string } & Record<string, unknown>,
  options: Acting = {},
): Promise<string> {
  return (await send(t, 'POST', `/cases/${caseId}/documents`, `registering the document "${document.title}"`, { ...options, body: document })).body.id;
}

/** Records that a party signed a document on a day (`YYYY-MM-DD`). */
export async function recordSignature(
  t: TestApp,
  caseId: string,
  documentId: string,
  signature: { organisationId: string; signedOn: string },
  options: Acting = {},
): Promise<void> {
  await send(t, 'POST', `/cases/${caseId}/documents/${documentId}/signatures`, 'recording a signature', { ...options, body: signature });
}

/** Stores a text file on a document (`content` is sent as the body, `type` as its content type). */
export async function storeFile(
  t: TestApp,
  caseId: string,
  documentId: string,
  file: { name: string; content: string; type?: string },
  options: Acting = {},
): Promise<void> {
  await send(t, 'PUT', `/cases/${caseId}/documents/${documentId}/file?name=${encodeURIComponent(file.name)}`, 'storing a file', {
    ...options,
    rawBody: file.content,
    headers: { 'content-type': file.type ?? 'text/plain' },
  });
}

/**
 * Sets up a decision point: the reference text the boards of the parties must adopt.
 * @returns its key (the path segment of `/decision-points/{key}`)
 */
export async function setUpDecisionPoint(
  t: TestApp,
  caseId: string,
  point: { key: string; title: string; referenceText: string; boardIds: string[] },
  options: Acting = {},
): Promise<string> {
  await send(t, 'POST', `/cases/${caseId}/decision-points`, `setting up the decision point ${point.key}`, { ...options, body: point });
  return point.key;
}

/**
 * Records a board's decision at a decision point (as the secretariat of the board's own organisation).
 * @returns the decision as answered (status, appealDeadline, …)
 */
export async function recordDecision(
  t: TestApp,
  caseId: string,
  key: string,
  boardId: string,
  decision: { status: string } & Record<string, unknown>,
  options: Acting = {},
): Promise<any> {
  return (
    await send(t, 'PUT', `/cases/${caseId}/decision-points/${key}/decisions/${boardId}`, `recording the decision of board ${boardId}`, {
      ...options,
      body: decision,
    })
  ).body;
}

/** @returns the new goal's id */
export async function addGoal(t: TestApp, caseId: string, goal: { title: string } & Record<string, unknown>, options: Acting = {}): Promise<string> {
  return (await send(t, 'POST', `/cases/${caseId}/goals`, `adding the goal "${goal.title}"`, { ...options, body: goal })).body.id;
}

/** Imports measurements in Kolada's file format (`{ values: [...] }`). */
export async function importKolada(t: TestApp, caseId: string, file: { values: unknown[] }, options: Acting = {}): Promise<void> {
  await send(t, 'POST', `/cases/${caseId}/goals/kolada-import`, 'importing Kolada values', { ...options, body: file, expected: 200 });
}

/** @returns the new commitment's id */
export async function commitResource(
  t: TestApp,
  caseId: string,
  commitment: { organisationId: string; kind: string; amount: number; unit: string } & Record<string, unknown>,
  options: Acting = {},
): Promise<string> {
  return (await send(t, 'POST', `/cases/${caseId}/resources`, 'committing a resource', { ...options, body: commitment })).body.id;
}

/** @returns the new action's id */
export async function addAction(t: TestApp, caseId: string, action: { title: string } & Record<string, unknown>, options: Acting = {}): Promise<string> {
  return (await send(t, 'POST', `/cases/${caseId}/actions`, `adding the action "${action.title}"`, { ...options, body: action })).body.id;
}

/** Changes an action (its status, due date, subgroup, …). */
export async function updateAction(t: TestApp, caseId: string, actionId: string, changes: Record<string, unknown>, options: Acting = {}): Promise<void> {
  await send(t, 'PATCH', `/cases/${caseId}/actions/${actionId}`, 'changing an action', { ...options, body: changes });
}

/** Sets the rotation of the chair between parties (`entries` of organisationId and personId). */
export async function setChairRotation(
  t: TestApp,
  caseId: string,
  rotation: { entries: Array<{ organisationId: string; personId?: string }>; periodMonths: number; startsOn?: string },
  options: Acting = {},
): Promise<void> {
  await send(t, 'PUT', `/cases/${caseId}/chair/rotation`, 'setting the chair rotation', { ...options, body: rotation });
}

/** Hands the chair to the next party of the rotation, as asked (not on schedule). */
export async function rotateChair(t: TestApp, caseId: string, options: Acting = {}): Promise<void> {
  await send(t, 'POST', `/cases/${caseId}/chair/rotate`, 'rotating the chair', { ...options, expected: 200 });
}

/**
 * The field each gate of the field-gated lifecycle (FIELD_LIFECYCLE, test/fixtures/field-lifecycle)
 * asks for, by the step it leaves: filling them and sending ADVANCE moves a case one step on.
 */
export const FIELD_LIFECYCLE_GATES: ReadonlyArray<{ from: string; fields: Record<string, string> }> = [
  { from: 'gatherActors', fields: { arena: 'Samverkansforum', agreement: 'Avsiktsförklaring' } },
  { from: 'jointProblem', fields: { problemStatement: 'Det gemensamma problemet' } },
  { from: 'situationAnalysis', fields: { situationAnalysis: 'Nulägesanalys' } },
  { from: 'goals', fields: { goals: 'Målen' } },
  { from: 'resources', fields: { resources: 'Resurserna' } },
  { from: 'actionPlans', fields: { actionPlan: 'Handlingsplanen' } },
];

/**
 * Starts a case of the field-gated lifecycle (the app runs FIELD_LIFECYCLE) and moves it, gate by
 * gate, to `step` (`gatherActors` … `followUp`): each gate's fields are filled and ADVANCE sent.
 * @returns the case's id, version and ETag at that step
 */
export async function fieldCaseAt(t: TestApp, step: string, { title }: { title: string }, options: Acting = {}): Promise<CaseRef> {
  let ref = await createCase(t, { title }, options);
  for (const gate of FIELD_LIFECYCLE_GATES) {
    if (gate.from === step) return ref;
    await setFields(t, ref.id, gate.fields, options);
    ref = await advance(t, ref.id, {}, options);
  }
  if (step !== 'followUp') throw new Error(`the field-gated lifecycle has no step "${step}" before follow-up`);
  return ref;
}

let kronobergCases = 0;

/**
 * A case of the shipped Kronoberg workflow (`kronoberg`, needs the seeded registry) walked to its
 * step `decisions`: the region leads, decides and must sign; Växjö decides and contributes, with
 * `vaxjo` as its secretariat on the case; the arena is described, a steering group member (a new
 * person of the region) appointed, the agreement signed by both; then ADVANCE. The decision point
 * is the test's to set up.
 * @param orgs the registry as `seedRegistry` returned it
 * @returns the case's id and the state the ADVANCE answered (the test asserts it is `decisions`)
 */
export async function kronobergCaseAtDecisions(
  t: TestApp,
  orgs: Awaited<ReturnType<typeof seedRegistry>>,
  { title, region, vaxjo }: { title: string; region: TestActor; vaxjo: TestActor },
): Promise<{ id: string; state: unknown }> {
  kronobergCases += 1;
  const as = { as: region };
  const regionId = orgs.get('Region Kronoberg')!.id;
  const vaxjoId = orgs.get('Växjö kommun')!.id;
  const { id } = await createCase(t, { workflow: 'kronoberg', title }, as);
  await updateParty(t, id, regionId, { responsibilities: ['leads', 'decides', 'contributes'], mustSign: true }, as);
  await addParty(t, id, { organisationId: vaxjoId, responsibilities: ['decides', 'contributes'] }, as);
  await setFields(t, id, { arena: 'Forum' }, as);
  const karin = await person(t, `karin.${kronobergCases}`, 'Karin', regionId);
  await assignRole(t, id, { role: 'steeringGroup', organisationId: regionId, holderId: karin }, as);
  await assignRole(t, id, { role: 'secretariat', organisationId: vaxjoId, holderId: (await t.identity(vaxjo)).personId }, as);
  const doc = await registerDocument(t, id, { title: 'Överenskommelse', kind: 'agreement' }, as);
  for (const organisationId of [regionId, vaxjoId]) await recordSignature(t, id, doc, { organisationId, signedOn: '2026-12-01' }, as);
  const { state } = await advance(t, id, {}, as);
  return { id, state };
}
