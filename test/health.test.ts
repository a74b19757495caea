import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { postgresTarget } from '../src/config/database.js';
import { SECRETARIAT, startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { TcpProxy } from './support/tcp-proxy.js';

/**
 * The database goes away under a running service: the process survives, /health says 503, requests
 * get 503 (not 500), and the service recovers by itself when the database is back.
 * The service reaches its database through a TCP proxy the test can cut; without DATABASE_URL
 * the database is PGlite served over TCP.
 */
describe('losing the database', () => {
  let db: TestDatabase | undefined;
  let pglite: PGlite | undefined;
  let socketServer: PGLiteSocketServer | undefined;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    let upstream: URL;
    if (process.env.DATABASE_URL) {
      db = await createTestDatabase();
      upstream = new URL(db.url!);
    } else {
      pglite = await PGlite.create();
      socketServer = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 4 });
      await socketServer.start();
      upstream = new URL(`postgres://postgres@${socketServer.getServerConn()}/postgres`);
    }
    proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 5432));
    await proxy.start();
    const viaProxy = new URL(upstream);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const target = postgresTarget(viaProxy.toString(), pglite ? 1 : 4);
    t = await startTestApp({ database: { target, db: db ?? ({ target, url: undefined, drop: async () => {} } as TestDatabase) } });
    await t.token(SECRETARIAT); // registered while the database is there
  });

  afterAll(async () => {
    await t.close();
    await proxy.stop();
    await socketServer?.stop();
    await pglite?.close();
    await db?.drop();
  });

  async function waitFor(check: () => Promise<boolean>, seconds: number): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      if (await check()) return (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`not within ${seconds} s`);
  }

  it('answers 503 while the database is away and recovers by itself within 10 s', async () => {
    expect((await t.request('GET', '/health', { as: null })).body).toEqual({
      status: 'ok',
      database: { kind: 'postgresql', up: true },
      time: t.clock.now().toISOString(),
    });

    await proxy.cut();
    await waitFor(async () => (await t.request('GET', '/health', { as: null })).status === 503, 10);
    expect((await t.request('GET', '/health', { as: null })).body).toMatchObject({ status: 'unavailable', database: { kind: 'postgresql', up: false } });
    const during = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Under avbrottet' } });
    expect(during.status).toBe(503);
    expect(during.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(during.headers.get('retry-after')).toBe('5');

    await proxy.start();
    await waitFor(async () => (await t.request('GET', '/health', { as: null })).status === 200, 10);
    const after = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Efter avbrottet' } });
    expect(after.status).toBe(201);
    expect((await t.request('GET', '/cases')).body.items.map((c: any) => c.title)).toEqual(['Efter avbrottet']);
  });
});
