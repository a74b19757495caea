import { assignRole, caseVersion, createCase, setFields, type Acting } from './factories.js';
import type { TestActor, TestApp } from './test-app.js';

/**
 * A case of the field-gated lifecycle (FIELD_LIFECYCLE) whose first gate holds (arena and agreement
 * recorded), so ADVANCE will move it. Returns its id and version (the version an `If-Match` would carry).
 */
export async function readyCase(t: TestApp, title = 'Borås – minskad brottslighet'): Promise<{ id: string; version: number }> {
  const { id } = await createCase(t, { title });
  const { version } = await setFields(t, id, { arena: 'Samverkansforum', agreement: 'Avsiktsförklaring' });
  return { id, version };
}

/**
 * Appoints a test actor to a role on a case, for their organisation (which must be a party), as
 * the case's secretariat (or `as`). Returns the case's version afterwards.
 * @throws Error when the appointment is refused
 */
export async function appoint(t: TestApp, caseId: string, role: string, who: TestActor, options: Acting = {}): Promise<number> {
  const { personId, organisationId } = await t.identity(who);
  await assignRole(t, caseId, { role, organisationId, holderId: personId }, options);
  return (await caseVersion(t, caseId, options)).version;
}
