import { RegistryService } from '../../src/governance/registry.service.js';
import { ADMINISTRATOR, type TestActor, type TestApp } from './test-app.js';

/** An administrator, who keeps the registry. */
export const PROCESS_OWNER: TestActor = ADMINISTRATOR;

/** Organisations of the seed by name, after seeding the registry of a test app. */
export async function seedRegistry(t: TestApp): Promise<Map<string, { id: string; boards: Map<string, string> }>> {
  await t.app.get(RegistryService).seed();
  const list = (await t.request('GET', '/organisations?limit=500', { as: ADMINISTRATOR })).body.items as Array<{ id: string; name: string }>;
  const out = new Map<string, { id: string; boards: Map<string, string> }>();
  for (const o of list) {
    const full = (await t.request('GET', `/organisations/${o.id}`, { as: ADMINISTRATOR })).body as { boards: Array<{ id: string; name: string }> };
    out.set(o.name, { id: o.id, boards: new Map(full.boards.map((b) => [b.name, b.id])) });
  }
  return out;
}

/** Registers a person and returns their id. */
export async function person(t: TestApp, subject: string, name: string, organisationId: string, email?: string): Promise<string> {
  const res = await t.request('POST', '/people', { body: { subject, name, organisationId, ...(email ? { email } : {}) }, as: PROCESS_OWNER });
  if (res.status !== 201) throw new Error(`person ${subject}: ${res.status} ${res.text}`);
  return res.body.id;
}

/**
 * Deactivates a person, as an administrator does when someone leaves: the roles they hold go to
 * their deputy, or are left vacant. Returns the ids of the cases whose roles changed.
 */
export async function deactivatePerson(t: TestApp, personId: string): Promise<string[]> {
  const res = await t.request('POST', `/people/${personId}/deactivate`, { as: PROCESS_OWNER });
  if (res.status !== 200) throw new Error(`deactivating ${personId}: ${res.status} ${res.text}`);
  return res.body.casesChanged;
}
