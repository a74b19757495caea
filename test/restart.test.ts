import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedTarget } from '../src/config/database.js';
import { FIELD_LIFECYCLE, startTestApp } from './support/test-app.js';

/** `npm start` without DATABASE_URL: the embedded database keeps its data in a folder across restarts. */
describe('the embedded database across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start() {
    const target = await embeddedTarget(dataDir);
    return startTestApp({ ...FIELD_LIFECYCLE, database: { target, db: { target, url: undefined, drop: async () => {} } } });
  }

  it('keeps cases and their history, and they can be advanced after the restart', async () => {
    let t = await start();
    const { body: c } = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Överlever en omstart' } });
    await t.request('PATCH', `/cases/${c.id}/fields`, { body: { arena: 'Forum', agreement: 'Avtal' } });
    await t.close();

    // A second process on the same folder while the first runs would corrupt it: refused.
    t = await start();
    await expect(embeddedTarget(dataDir)).rejects.toThrow(
      `the embedded database in ${dataDir} is in use by process ${process.pid}; stop it first, or set DATA_DIR to another folder`,
    );
    const after = await t.request('GET', `/cases/${c.id}`);
    expect(after.body).toMatchObject({ title: 'Överlever en omstart', version: 2, fields: { arena: 'Forum', agreement: 'Avtal' } });
    const moved = await t.request('POST', `/cases/${c.id}/events`, { body: { type: 'ADVANCE' } });
    expect(moved.body.state.value).toBe('jointProblem');
    expect((await t.request('GET', `/cases/${c.id}/history/verify`)).body).toEqual({ valid: true, events: 3 });
    await t.close();
    // Two starts of the embedded database (each migrating and loading the definitions) take 15–50 s
    // on a loaded 2-core machine: more than the default 60 s would leave room for.
  }, 180_000);
});
