import type pg from 'pg';
import { CLAIM_LEASE_MS } from '../../src/notifications/retry.js';
import { fristDefinitions } from '../support/deadline-fixture.js';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { createTestDatabase, openPool, type TestDatabase } from '../support/test-database.js';
import { figure, n } from './figure.js';
import { createLadderCasesOverHttp, firingFaults, LADDER, levelRows, seedLadderCast, unsoundHistories, until } from './ladder-cases.js';

/**
 * R5, scheduler instances: three service processes with the scheduler on, one database, hundreds of
 * escalation levels due at once; one instance is SIGKILLed while the levels are being fired, and
 * restarted. Every level fires exactly once — one `escalation.raised` event, each recipient told
 * once, one e-mail per address — in ladder order, and every history verifies. A level the killed
 * instance had claimed stays with it until its lease runs out, then another instance fires it.
 *
 * Time is the system clock's, so two things are done in SQL that would otherwise take days and
 * minutes of waiting: the levels' `fire_at` is moved into the past (the days until they fall due
 * pass), and, once the others have fired everything else, the end of the killed instance's lease
 * (5 minutes) is moved back by its length (those 5 minutes pass). Everything else is the
 * instances' own doing, with a sweep every second (ESCALATION_SWEEP_SECONDS=1).
 */
describe('R5 scheduler instances', () => {
  const CASES = Number(process.env.R5_CASES ?? 200);
  const INSTANCES = 3;
  const defs = fristDefinitions();
  let db: TestDatabase;
  let pool: pg.Pool;
  const services: ServiceProcess[] = [];
  const appName = (i: number) => `samverkan-r5-${i}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = openPool(db.url!, 2);
    const env = (i: number) => ({
      DATABASE_URL: db.url!,
      WORKFLOWS_DIR: defs.workflowsDir,
      RULES_DIR: defs.rulesDir,
      SCHEDULER_ENABLED: 'true',
      ESCALATION_SWEEP_SECONDS: '1',
      DB_POOL_SIZE: '4',
      // node-postgres names its connections after PGAPPNAME: the test sees in pg_stat_activity which instance is doing what.
      PGAPPNAME: appName(i),
    });
    // The first migrates; the others start on the current schema, as replicas of one deployment do.
    services.push(await startService({ env: { ...env(0), MIGRATE_ON_START: 'true' } }));
    services.push(...(await Promise.all(Array.from({ length: INSTANCES - 1 }, (_, k) => startService({ env: env(k + 1) })))));
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await pool?.end();
    await db?.drop();
    defs.remove();
  });

  it(`fires each of ${CASES * LADDER.length} due levels exactly once over ${INSTANCES} instances while one is SIGKILLed mid-sweep`, async () => {
    const [first, victim] = services as [ServiceProcess, ServiceProcess];
    const cast = await seedLadderCast(first.url, db.url!);
    const ids = await createLadderCasesOverHttp(first.url, cast, CASES);
    const total = CASES * LADDER.length;
    const count = async (where: string, params: unknown[] = []) =>
      (await pool.query<{ n: number }>(`select count(*)::int as n from escalations where ${where}`, params)).rows[0]!.n;
    expect(await count(`status = 'scheduled' and fire_at > now()`)).toBe(total);

    // The days until the levels fall due pass.
    await pool.query(`update escalations set fire_at = fire_at - interval '60 days' where status = 'scheduled'`);
    const dueAt = performance.now();

    // Once a fifth of the levels have fired, SIGKILL an instance in the middle of firing one: when a
    // connection of its is inside a transaction of several statements (a firing; a claim is one).
    await until('a fifth of the levels fired', async () => (await count(`status = 'open'`)) >= total / 5, 60_000, 5);
    const firing = async () =>
      (
        await pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where application_name = $1 and xact_start is not null and (state = 'idle in transaction' or xact_start < query_start)`,
          [appName(1)],
        )
      ).rows[0]!.n > 0;
    await until('the instance inside a firing', firing, 30_000, 1);
    await victim.kill('SIGKILL');
    const killedAt = Date.now();
    const firedBeforeKill = await count(`status = 'open'`);
    const restartStart = performance.now();
    await victim.restart();
    const restartedIn = performance.now() - restartStart;

    // Claims taken before the kill whose levels are still scheduled once the others have fired all
    // they may: the killed instance's (the others finish theirs in milliseconds). A later rung of the
    // same stay waits behind such a level, so that is all that is left.
    const leaseEndsBy = new Date(killedAt + CLAIM_LEASE_MS);
    const orphans = async () =>
      (
        await pool.query<{ id: string }>(
          `select id from escalations where status = 'scheduled' and claimed_until > now() and claimed_until <= $1 order by id`,
          [leaseEndsBy],
        )
      ).rows.map((r) => r.id);
    const waiting = () =>
      count(
        `status = 'scheduled' and not exists (select 1 from escalations o where o.case_id = escalations.case_id and o.entry_seq = escalations.entry_seq
           and o.status = 'scheduled' and o.claimed_until > now() and o.claimed_until <= $1 and o.rung <= escalations.rung)`,
        [leaseEndsBy],
      );
    await until('the levels nobody holds fired', async () => (await waiting()) === 0, 60_000, 50);
    const held = await orphans();
    // An instance claims one level at a time, so a kill strands one at most.
    expect(held.length).toBeLessThanOrEqual(1);
    // The others go on sweeping (every second) and leave a held level alone while its lease runs.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await orphans()).toEqual(held);
    const heldFor = (Date.now() - killedAt) / 1000;

    // The lease's five minutes pass: another instance takes the level over at its next sweep.
    await pool.query(`update escalations set claimed_until = claimed_until - make_interval(secs => $2) where id = any($1::uuid[])`, [
      held,
      CLAIM_LEASE_MS / 1000,
    ]);
    const expiredAt = performance.now();
    await until('the held levels taken over', async () => (await count(`id = any($1::uuid[]) and status = 'open'`, [held])) === held.length, 30_000);
    const takenOverIn = (performance.now() - expiredAt) / 1000;
    await until('every level fired', async () => (await count(`status = 'scheduled'`)) === 0, 60_000, 50);
    const allFiredIn = (performance.now() - dueAt) / 1000;

    const rows = await levelRows(pool, ids);
    const faults = await firingFaults(pool, rows);
    expect(faults).toEqual({ twice: [], missed: [], recipients: [], emails: [], order: [] });
    expect(rows).toHaveLength(total);
    expect(await unsoundHistories(first.url, cast.token, pool, ids)).toEqual([]);
    expect(services.every((s) => s.alive())).toBe(true);

    const once = rows.filter((r) => r.raised === 1).length;
    const emails = rows.reduce((sum, r) => sum + r.emails, 0);
    const told = rows.reduce((sum, r) => sum + r.recipients, 0);
    const lease =
      held.length > 0
        ? `the level it had claimed was left alone for ${heldFor.toFixed(1)} s and taken over ${takenOverIn.toFixed(1)} s after its ${CLAIM_LEASE_MS / 60_000}-minute lease ran out (moved by SQL)`
        : 'it held no claim at that instant (killed between two levels)';
    figure(
      `R5: ${n(total)} levels due over ${INSTANCES} instances (sweep every 1 s), 1 SIGKILLed mid-sweep after ${n(firedBeforeKill)} had fired, restarted in ${(restartedIn / 1000).toFixed(1)} s → ` +
        `${n(once)} fired once, ${faults.twice.length} twice, ${faults.missed.length} missed, ${faults.order.length} out of ladder order, all within ${allFiredIn.toFixed(1)} s; ` +
        `${n(emails)} e-mails and ${n(told)} inbox entries, one per level and recipient; ${lease}; ${ids.length} histories verify`,
    );
  });
});
