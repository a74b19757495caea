import { SchedulerRegistry } from '@nestjs/schedule';
import pg from 'pg';
import { ManualClock } from '../src/common/clock.js';
import { ESCALATION_SWEEP, EscalationJob } from '../src/escalations/escalation.job.js';
import { EscalationsService } from '../src/escalations/escalations.service.js';
import { ANNA, finishFristCase, fristDefinitions, seedCast, startCase } from './support/deadline-fixture.js';
import { startTestApp, type TestApp, type TestAppOptions } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The escalation sweep as a deployed instance runs it (the timed jobs on): once at start, then
 * every ESCALATION_SWEEP_SECONDS. The other escalation tests call the job themselves; these let
 * the instance do it. The clock is moved; what is waited for is the instance's own sweep, polled.
 */
describe('the escalation sweep of a running instance', () => {
  const defs = fristDefinitions();
  const clock = new ManualClock('2026-06-18T10:00:00+02:00');
  let db: TestDatabase;
  let t: TestApp | undefined;
  let seeded: Awaited<ReturnType<typeof seedCast>>;

  const options = (extra: Partial<TestAppOptions> = {}): TestAppOptions => ({
    workflowsDir: defs.workflowsDir,
    rulesDir: defs.rulesDir,
    clock,
    database: { db, target: { ...db.target, close: async () => {} } },
    defaultActor: ANNA,
    ...extra,
  });
  const levels = async (id: string) =>
    ((await t!.request('GET', `/cases/${id}/escalations`)).body as Array<{ level: string; status: string }>).map((e) => `${e.level} ${e.status}`);
  const raised = async (id: string) =>
    ((await t!.request('GET', `/cases/${id}/history`)).body.events as Array<{ type: string }>).filter((e) => e.type === 'escalation.raised').length;
  /** Polls until the instance has fired the level (its own sweep does it, in the background). */
  async function firedBy(id: string, level: string, withinMs: number): Promise<void> {
    const until = performance.now() + withinMs;
    while (!(await levels(id)).includes(`${level} open`)) {
      if (performance.now() > until) throw new Error(`${level} did not fire within ${withinMs} ms: ${(await levels(id)).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Stops the running instance, if one runs. */
  const stop = async () => {
    const running = t;
    t = undefined;
    await running?.close();
  };
  /** The cases the running test started; afterEach finishes them, so no level of theirs is due in the next test. */
  const started: string[] = [];
  const begin = async (title: string) => {
    const id = await startCase(t!, seeded, title);
    started.push(id);
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // An instance without the timed jobs (as other tests run it) keeps the registry and plans ladders.
    t = await startTestApp(options());
    seeded = await seedCast(t);
  });
  // Each test starts at the same time with an instance without the timed jobs running (the first
  // one gets beforeAll's), and ends with none running.
  beforeEach(async () => {
    clock.set('2026-06-18T10:00:00+02:00');
    t ??= await startTestApp(options());
  });
  afterEach(async () => {
    t ??= await startTestApp(options());
    for (const id of started.splice(0)) await finishFristCase(t, id);
    await stop();
  });
  afterAll(async () => {
    await stop();
    await db?.drop();
    defs.remove();
  });

  it('fires at start a level that fell due while no instance ran, without waiting for the interval, and then every ESCALATION_SWEEP_SECONDS', async () => {
    const id = await begin('Omstarten');
    await stop();

    // The reminder falls due (2026-06-24 00:00) while nothing runs.
    clock.set('2026-06-24T08:00:00+02:00');
    // An hour between sweeps: only the sweep at start can fire it in this test's time.
    t = await startTestApp(options({ scheduler: true, config: { escalationSweepSeconds: 3600 } }));
    expect(t.app.get(SchedulerRegistry).getIntervals()).toContain(ESCALATION_SWEEP);
    await firedBy(id, 'reminder', 10_000);
    expect(await levels(id)).toEqual(['reminder open', 'manager scheduled', 'steering scheduled']);
    await stop();

    // A restart with nothing due fires nothing again; then the interval (1 s) fires the manager level.
    t = await startTestApp(options({ scheduler: true, config: { escalationSweepSeconds: 1 } }));
    await t.app.get(EscalationJob).idle(); // the sweep at start, which finds nothing due
    expect(await levels(id)).toEqual(['reminder open', 'manager scheduled', 'steering scheduled']);
    clock.set('2026-06-25T08:00:00+02:00');
    await firedBy(id, 'manager', 10_000);
    expect(await levels(id)).toEqual(['reminder open', 'manager open', 'steering scheduled']);
    expect(await raised(id)).toBe(2);
  });

  // On a PostgreSQL server another instance's claim scan can hold a level's row for an instant (a
  // row it locked, then found claimed and skipped, stays locked until its statement ends). The
  // instance that claimed the level must wait for that, not take it for "someone else is firing it"
  // and leave it claimed and unfired until its lease ends. The embedded database has one session,
  // so no other session can hold the row there: on it the test fires the claimed level with nobody
  // holding it, and asserts the same outcome (fired once, the next levels still scheduled).
  it('fires a claimed level once, waiting while another session holds its row (the hold on a PostgreSQL server)', async () => {
    const id = await begin('Låset');
    clock.set('2026-06-24T08:00:00+02:00');
    const escalations = t!.app.get(EscalationsService);
    const claimed = (await escalations.claimNext())!;
    expect(claimed.caseId).toBe(id);
    if (db.url) {
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select id from escalations where id = $1 for update', [claimed.id]);
        const firing = escalations.fire(claimed.id, claimed.caseId);
        const waiting = async () => {
          for (;;) {
            const { rows } = await other.query<{ n: number }>(
              "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            );
            if (rows[0]!.n > 0) return 'waits for the row' as const;
            await new Promise((r) => setTimeout(r, 10));
          }
        };
        expect(await Promise.race([firing.then((fired) => `returned ${fired}`), waiting()])).toBe('waits for the row');
        await other.query('commit');
        expect(await firing).toBe(true);
      } finally {
        await other.end();
      }
    } else {
      expect(await escalations.fire(claimed.id, claimed.caseId)).toBe(true);
    }
    // A level fired is not fired again by a second attempt.
    expect(await escalations.claimNext()).toBeNull();
    expect(await levels(id)).toEqual(['reminder open', 'manager scheduled', 'steering scheduled']);
    expect(await raised(id)).toBe(1);
  });
});
