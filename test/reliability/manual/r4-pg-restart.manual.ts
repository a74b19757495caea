import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { startService, type ServiceProcess } from '../../support/service-process.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { tokenInDatabase } from '../../support/service-token.js';
import { SECRETARIAT } from '../../support/test-app.js';
import { createToggleCasesOverHttp, TOGGLE_DEFINITIONS } from '../../support/toggle-cases.js';
import { figure, n } from '../figure.js';
import { databaseOutage } from '../outage.js';

const run = promisify(execFile);

/**
 * R4 with a real PostgreSQL restart (`pg_ctlcluster stop`, then `start`) instead of the TCP-proxy
 * cut. It stops the whole server, and with it everyone else's connections: never on a shared
 * server, never in CI. Runs only through `R4_REAL_RESTART=1 npm run test:reliability:pg-restart`,
 * on a machine whose cluster (PG_CLUSTER, default "<only version in /etc/postgresql> main") you own.
 */
if (process.env.R4_REAL_RESTART !== '1') {
  throw new Error(
    'this test restarts the PostgreSQL server: run it only as R4_REAL_RESTART=1 npm run test:reliability:pg-restart, on a server nobody else uses',
  );
}
const [version, cluster] = (process.env.PG_CLUSTER ?? `${readdirSync('/etc/postgresql')[0]} main`).split(' ');
const ctl = (action: 'start' | 'stop') =>
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version!, cluster!, action, ...(action === 'stop' ? ['-m', 'fast'] : [])]);

describe('R4 database restart (real server restart)', () => {
  const AWAY_MS = Number(process.env.R4_AWAY_MS ?? 3000);
  let db: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startService({ env: { ...TOGGLE_DEFINITIONS, MIGRATE_ON_START: 'true', DATABASE_URL: db.url! } });
  });
  afterAll(async () => {
    await ctl('start').catch(() => {}); // whatever happened, leave the server running
    await service?.stop();
    await db?.drop();
  });

  it(`stays up through pg_ctlcluster stop/start of ${version} ${cluster} and recovers within 10 s`, async () => {
    const token = await tokenInDatabase(db.url!, SECRETARIAT);
    const ids = await createToggleCasesOverHttp(service.url, 20, { token });
    const outage = await databaseOutage(service, token, ids, {
      away: async () => {
        await ctl('stop');
        await new Promise((r) => setTimeout(r, AWAY_MS));
      },
      back: async () => {
        await ctl('start');
      },
    });
    expect({
      alive: outage.serviceAlive,
      status500: outage.status500,
      other: outage.otherStatuses,
      health: outage.healthDuringOutage,
      invalid: outage.historiesInvalid,
    }).toEqual({
      alive: true,
      status500: 0,
      other: {},
      health: 503,
      invalid: [],
    });
    expect(outage.secondsToRecover).toBeLessThan(10);
    figure(
      `R4 (real restart): server stopped ${(AWAY_MS / 1000).toFixed(1)} s under load: ${outage.status500} × 500, ${n(outage.unavailable)} × 503, healthy again ${outage.secondsToRecover.toFixed(1)} s after the start returned`,
    );
  });
});
