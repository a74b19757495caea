import type { TestActor, TestApp } from './test-app.js';

/**
 * A case of the field-gated lifecycle (FIELD_LIFECYCLE) whose first gate holds (arena and agreement
 * recorded), so ADVANCE will move it. Returns its id and version (the version an `If-Match` would carry).
 */
export async function readyCase(t: TestApp, title = 'Borås – minskad brottslighet'): Promise<{ id: string; version: number }> {
  const { body } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title } });
  const patched = await t.request('PATCH', `/cases/${body.id}/fields`, { body: { arena: 'Samverkansforum', agreement: 'Avsiktsförklaring' } });
  return { id: body.id, version: patched.body.version };
}

/**
 * Appoints a test actor to a role on a case, for their organisation (which must be a party), as
 * the case's secretariat. Returns the case's version afterwards.
 * @throws Error when the appointment is refused
 */
export async function appoint(t: TestApp, caseId: string, role: string, who: TestActor): Promise<number> {
  const { personId, organisationId } = await t.identity(who);
  const res = await t.request('POST', `/cases/${caseId}/roles`, { body: { role, organisationId, holderId: personId } });
  if (res.status !== 201) throw new Error(`appointing ${who.person} as ${role}: ${res.status} ${res.text}`);
  return (await t.request('GET', `/cases/${caseId}`)).body.version as number;
}
