import { kronobergCaseAtDecisions } from './support/factories.js';
import { seedRegistry } from './support/governance-fixture.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/**
 * Identical decisions are found through a digest of each decision's words, stored when it is
 * recorded. Whatever the digests say, the gate's verdict is the word-by-word comparison's: a
 * decision recorded before digests existed (none stored) or under an older normalisation (another
 * kind of digest) is compared word by word.
 */
describe('identical decisions and their digests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('judges the same with stored digests, without them, and with digests of another kind', async () => {
    t.clock.set('2026-12-03T10:00:00+01:00');
    const orgs = await seedRegistry(t);
    const region: TestActor = { person: 'sekr.kronoberg', organisation: '07' };
    const vaxjo: TestActor = { person: 'sekr.vaxjo', organisation: '0780' };
    const as = (actor: TestActor) => async (method: string, path: string, body?: unknown) => {
      const res = await t.request(method, path, { as: actor, ...(body !== undefined ? { body } : {}) });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const r = as(region);
    const c = await kronobergCaseAtDecisions(t, orgs, { title: 'Barnens bästa – likalydande', region, vaxjo });
    expect(c.state).toBe('decisions');

    const reference = 'Nämnden ställer sig bakom överenskommelsen.\n1. Barnens bästa går först.\n2. Nämnden deltar i styrgruppen.';
    const boards = [orgs.get('Region Kronoberg')!.boards.get('Regionstyrelsen')!, orgs.get('Växjö kommun')!.boards.get('Socialnämnden')!];
    await r('POST', `/cases/${c.id}/decision-points`, { key: 'joint-agreement', title: 'Likalydande beslut', referenceText: reference, boardIds: boards });
    const announced = { status: 'announced', meetingDate: '2026-11-24', minutesApprovedDate: '2026-12-01', announcedDate: '2026-12-03' };
    // The region's minutes are typed differently but say the same; Växjö's changes one word.
    await r('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${boards[0]}`, {
      ...announced,
      text: 'NÄMNDEN ställer sig bakom överenskommelsen\na) Barnens bästa går först\nb) Nämnden deltar i styrgruppen',
    });
    await as(vaxjo)('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${boards[1]}`, { ...announced, text: reference.replace('först', 'före') });

    const differences = async () =>
      ((await r('GET', `/cases/${c.id}/gate?event=ADVANCE`)).failures as Array<{ rule: string; message: string }>)
        .filter((f) => f.rule === 'texts-identical')
        .map((f) => f.message);
    const expected = ['Växjö kommun – socialnämnden: beslutstexten skiljer sig från referenstexten (ord 9).'];
    const db = t.orm.em.fork().getConnection();
    const digests = await db.execute<Array<{ text_digest: string | null }>>('select text_digest from board_decisions order by board_id');
    expect(digests.every((d) => /^w1:[0-9a-f]{64}$/.test(d.text_digest ?? ''))).toBe(true);
    expect(await differences()).toEqual(expected);

    await db.execute('update board_decisions set text_digest = null');
    expect(await differences()).toEqual(expected);

    await db.execute(`update board_decisions set text_digest = 'w0:' || repeat('0', 64)`);
    expect(await differences()).toEqual(expected);

    // Corrected: recorded again, with a digest, and the texts are identical.
    await as(vaxjo)('PUT', `/cases/${c.id}/decision-points/joint-agreement/decisions/${boards[1]}`, { ...announced, text: reference });
    expect(await differences()).toEqual([]);
  });
});
