import type { TestApp } from './test-app.js';

/**
 * A samverkan case whose first gate holds (arena and agreement recorded), so ADVANCE will move it.
 * Returns its id and version (the version an `If-Match` would carry).
 */
export async function readyCase(t: TestApp, title = 'Borås – minskad brottslighet'): Promise<{ id: string; version: number }> {
  const { body } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title } });
  const patched = await t.request('PATCH', `/cases/${body.id}/fields`, { body: { arena: 'Samverkansforum', agreement: 'Avsiktsförklaring' } });
  return { id: body.id, version: patched.body.version };
}
