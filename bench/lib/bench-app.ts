import pg from 'pg';
import type { Actor } from '../../src/access/actor.js';
import { CasesService } from '../../src/cases/cases.service.js';
import { FIELD_LIFECYCLE, startTestApp, type TestActor, type TestApp } from '../../test/support/test-app.js';
import { createTestDatabase, openPool, type TestDatabase } from '../../test/support/test-database.js';
import { BENCH_PERSON } from './context.js';

/** The whole application in this process on a database of its own, plus a raw `pg` pool to it. */
export interface BenchApp {
  t: TestApp;
  db: TestDatabase;
  cases: CasesService;
  /** BENCH_PERSON as the service sees them: a registered person (roles come from each case). */
  actor: Actor;
  /** Another test actor, registered, as the service sees them. */
  actorOf(actor: TestActor): Promise<Actor>;
  /** A plain `pg` pool on the same database, for the raw limit. */
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * Starts the real application (the test helper `startTestApp`, i.e. `createApp` as `main.ts` does)
 * on a new database `samverkan_bench_<random>` on the DATABASE_URL server, dropped by `close()`.
 *
 * @param definitions `bench` for the workflows in bench/, `lifecycle` for the field-gated samverkan
 *        lifecycle of the tests (FIELD_LIFECYCLE), `shipped` for workflows/ and rules/
 */
export async function startBenchApp(definitions: 'bench' | 'lifecycle' | 'shipped', poolSize: number): Promise<BenchApp> {
  const db = await createTestDatabase({ prefix: 'samverkan_bench', poolSize });
  if (!db.url) throw new Error('the benchmarks need a PostgreSQL server: set DATABASE_URL');
  let t: TestApp | undefined;
  try {
    t = await startTestApp({
      ...{ bench: { workflowsDir: 'bench/workflows', rulesDir: 'bench/rules' }, lifecycle: FIELD_LIFECYCLE, shipped: {} }[definitions],
      database: { target: db.target, db },
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const pool = openPool(db.url, poolSize);
  const app = t;
  const actorOf = async (who: TestActor): Promise<Actor> => {
    const { personId, organisationId } = await app.identity(who);
    return { kind: 'person', person: who.person, personId, organisation: organisationId, systemRoles: who.systemRoles ?? [] };
  };
  return {
    t: app,
    db,
    cases: app.app.get(CasesService),
    actor: await actorOf(BENCH_PERSON),
    actorOf,
    pool,
    close: async () => {
      await pool.end();
      await app.close();
      await db.drop();
    },
  };
}

/** Creates toggle cases through the service as `actor`, each with the field the bench gate needs. */
export async function createToggleCases(cases: CasesService, actor: Actor, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await cases.create({ workflow: 'toggle', title: `bench ${i}` }, actor);
    if (!('result' in created)) throw new Error('create was not expected to replay');
    const id = created.result.record.id;
    await cases.updateFields(id, { ready: true }, actor);
    ids.push(id);
  }
  return ids;
}

/**
 * Checks that what was measured really happened: every case's version equals the number of its
 * history events. Returns the number of cases that disagree (0 expected).
 */
export async function casesOutOfStep(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    'select count(*) as n from cases c where c.version <> (select count(*) from audit_events e where e.case_id = c.id)',
  );
  return Number(rows[0]!.n);
}
