import { startService, type ServiceProcess } from '../support/service-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { tokenInDatabase } from '../support/service-token.js';
import { SECRETARIAT } from '../support/test-app.js';
import { createToggleCasesOverHttp, TOGGLE_DEFINITIONS } from '../support/toggle-cases.js';
import { figure, n } from './figure.js';
import { databaseOutage, type DatabaseOutage } from './outage.js';

/**
 * R4, the database goes away under load: the service process reaches PostgreSQL through a TCP proxy
 * that the test cuts (every connection dropped, new ones refused) and restores, as when the database
 * server restarts. The shared server itself is never restarted here; see
 * `npm run test:reliability:pg-restart` for the variant that restarts a real cluster.
 */
describe('R4 database restart', () => {
  const AWAY_MS = Number(process.env.R4_AWAY_MS ?? 3000);
  let db: TestDatabase;
  let proxy: TcpProxy;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    const upstream = new URL(db.url!);
    proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 5432));
    await proxy.start();
    const viaProxy = new URL(upstream);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    service = await startService({ env: { ...TOGGLE_DEFINITIONS, MIGRATE_ON_START: 'true', DATABASE_URL: viaProxy.toString() } });
  });
  afterAll(async () => {
    await service?.stop();
    await proxy?.stop();
    await db?.drop();
  });

  it('stays up, answers 503 while the database is away, and recovers by itself within 10 s', async () => {
    const token = await tokenInDatabase(db.url!, SECRETARIAT);
    const ids = await createToggleCasesOverHttp(service.url, 20, { token });
    const outage: DatabaseOutage = await databaseOutage(service, token, ids, {
      away: async () => {
        await proxy.cut();
        await new Promise((r) => setTimeout(r, AWAY_MS));
      },
      back: () => proxy.start(),
    });

    expect(outage.serviceAlive).toBe(true);
    expect(outage.status500).toBe(0);
    expect(outage.otherStatuses).toEqual({});
    expect(outage.healthDuringOutage).toBe(503);
    expect(outage.secondsToRecover).toBeLessThan(10);
    expect(outage.okBefore).toBeGreaterThan(0);
    expect(outage.okAfter).toBeGreaterThan(0);
    expect(outage.unavailable).toBeGreaterThan(0);
    expect(outage.historiesInvalid).toEqual([]);

    figure(
      `R4: database away ${(AWAY_MS / 1000).toFixed(1)} s under load: ${outage.status500} × 500, ${n(outage.unavailable)} × 503, service up throughout, ` +
        `/health 503 while away, healthy again ${outage.secondsToRecover.toFixed(1)} s after the database returned; ${n(outage.okBefore)} commands before, ${n(outage.okAfter)} after; ${ids.length} histories verify`,
    );
  });
});
