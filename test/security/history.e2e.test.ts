import { startTestApp, type TestApp } from '../support/test-app.js';

/** Names every JavaScript object has through its prototype: a field must never be read through them. */
const PROTOTYPE_NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

/**
 * The tamper-evident history under attack: a request cannot break it, and someone holding the
 * database credentials cannot rewrite it without `history/verify` saying so.
 */
describe('security: the history', () => {
  let t: TestApp;
  const newCase = async (title = 'Säkerhet – historiken') => (await t.request('POST', '/cases', { body: { workflow: 'samverkan', title } })).body.id as string;
  const verify = async (id: string) => (await t.request('GET', `/cases/${id}/history/verify`)).body;
  const version = async (id: string) => (await t.request('GET', `/cases/${id}`)).body.version as number;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('field names that are object members', () => {
    it.each(PROTOTYPE_NAMES)('"%s" is refused as a field name, with or without a value, and the history stays valid', async (name) => {
      const id = await newCase();
      const before = await version(id);
      for (const value of [1, 'text', null]) {
        const res = await t.request('PATCH', `/cases/${id}/fields`, { body: { [name]: value } });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ path: name, message: expect.stringContaining('reserved') }]);
      }
      expect(await version(id)).toBe(before);
      expect(await verify(id)).toMatchObject({ valid: true });
      // Real tampering afterwards is still found (the verdict is not stuck on a false alarm).
      await t.request('PATCH', `/cases/${id}/fields`, { body: { arena: 'Samverkansforum' } });
      expect(await verify(id)).toMatchObject({ valid: true, events: before + 1 });
    });

    it('removing a field that was never set changes nothing: no event, same version', async () => {
      const id = await newCase();
      const before = await version(id);
      const res = await t.request('PATCH', `/cases/${id}/fields`, { body: { neverSet: null } });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(before);
      expect((await t.request('GET', `/cases/${id}/history`)).body.events).toHaveLength(before);
      expect(await verify(id)).toMatchObject({ valid: true, events: before });
    });
  });
});
