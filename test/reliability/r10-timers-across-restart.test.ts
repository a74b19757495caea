import type pg from 'pg';
import { fristDefinitions } from '../support/deadline-fixture.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { createTestDatabase, openPool, type TestDatabase } from '../support/test-database.js';
import { figure, n } from './figure.js';
import { createLadderCasesOverHttp, firingFaults, LADDER, levelRows, seedLadderCast, unsoundHistories, until } from './ladder-cases.js';

/**
 * R10, timers across restart: a level that falls due while the service is down fires exactly once
 * after it starts — at start, not one sweep interval later (the production interval, 30 s, is
 * kept here) — and a second downtime and start neither fire it again nor lose the next level.
 *
 * The service reads the system clock, and a level is days away when a case starts. Time passing
 * while the service is down is done by moving the level's `fire_at` into the past with SQL while
 * no process runs: to the service that is the same as a downtime that long.
 */
describe('R10 timers across restart', () => {
  const CASES = 10;
  const INTERVAL_S = 30;
  const defs = fristDefinitions();
  let db: TestDatabase;
  let service: ServiceProcess;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = openPool(db.url!, 2);
    service = await startService({
      env: {
        DATABASE_URL: db.url!,
        MIGRATE_ON_START: 'true',
        WORKFLOWS_DIR: defs.workflowsDir,
        RULES_DIR: defs.rulesDir,
        SCHEDULER_ENABLED: 'true',
        ESCALATION_SWEEP_SECONDS: String(INTERVAL_S),
        DB_POOL_SIZE: '4',
      },
    });
  });
  afterAll(async () => {
    await service?.stop();
    await pool?.end();
    await db?.drop();
    defs.remove();
  });

  it('fires a level that fell due during a downtime once, at start, across two downtimes', async () => {
    const cast = await seedLadderCast(service.url, db.url!);
    const ids = await createLadderCasesOverHttp(service.url, cast, CASES);
    const status = async (rung: number) => (await levelRows(pool, ids)).filter((r) => r.rung === rung).map((r) => r.status);
    expect(new Set(await status(0))).toEqual(new Set(['scheduled']));

    /** A downtime during which the level of `rung` falls due, ended by a start; how long after the start it had fired. */
    const downtime = async (how: 'stop' | 'SIGKILL', rung: number) => {
      if (how === 'stop') await service.stop();
      else await service.kill('SIGKILL');
      const moved = await pool.query(
        `update escalations set fire_at = now() - interval '1 minute' where rung = $1 and status = 'scheduled' and case_id = any($2::uuid[])`,
        [rung, ids],
      );
      expect(moved.rowCount).toBe(CASES);
      const start = performance.now();
      await service.restart();
      const healthy = performance.now() - start;
      // Well inside the interval: only the sweep at start can have fired them.
      await until(`rung ${rung} fired after the start`, async () => (await status(rung)).every((s) => s === 'open'), (INTERVAL_S * 1000) / 2);
      return { healthy, fired: performance.now() - start };
    };
    const first = await downtime('stop', 0);
    const second = await downtime('SIGKILL', 1);

    const rows = await levelRows(pool, ids);
    const due = rows.filter((r) => r.rung <= 1);
    const faults = await firingFaults(pool, due);
    const later = rows.filter((r) => r.rung === 2);
    expect(faults).toEqual({ twice: [], missed: [], recipients: [], emails: [], order: [] });
    expect(due).toHaveLength(2 * CASES);
    // The steering level was not due during either downtime: still planned, never raised.
    expect(later.map((r) => [r.status, r.raised])).toEqual(later.map(() => ['scheduled', 0]));
    expect(await unsoundHistories(service.url, cast.token, pool, ids)).toEqual([]);

    const emails = due.reduce((sum, r) => sum + r.emails, 0);
    const told = due.reduce((sum, r) => sum + r.recipients, 0);
    expect(emails).toBe(CASES * (LADDER[0]!.emails + LADDER[1]!.emails));
    const s = (ms: number) => (ms / 1000).toFixed(1);
    figure(
      `R10: ${n(due.length)} levels fell due while the service was down (a stop, then a SIGKILL) → ${n(due.filter((r) => r.raised === 1).length)} fired once after start, ` +
        `${faults.twice.length} twice, ${faults.missed.length} missed; all fired ${s(first.fired)} s and ${s(second.fired)} s after the start ` +
        `(/health after ${s(first.healthy)} s and ${s(second.healthy)} s; sweep interval ${INTERVAL_S} s); ${n(emails)} e-mails and ${n(told)} inbox entries, one per level and recipient; ` +
        `${n(later.length)} levels not yet due still planned; ${ids.length} histories verify`,
    );
  });
});
