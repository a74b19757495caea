import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Profiler } from 'node:inspector';
import { startService, type ServiceProcess } from '../test/support/service-process.js';
import { tokenInDatabase } from '../test/support/service-token.js';
import { createTestDatabase, openPool } from '../test/support/test-database.js';
import { TOGGLE_DEFINITIONS } from '../test/support/toggle-cases.js';
import { casesOutOfStep } from './lib/bench-app.js';
import { BENCH_PERSON, fmt, ratio, type BenchContext, type BenchOutcome, type BenchRow } from './lib/context.js';
import { createToggleCasesOverHttp, describeRun, fireToggles, type HttpRun } from './lib/http-load.js';
import { median } from './lib/measure.js';
import { describeShares, summarizeProfile, type ProfileShare } from './lib/profile.js';
import { RawWriter } from './lib/raw-sql.js';

/** B2's goals, per connection count. */
export const B2_GOAL = { perSecond: 1000, p99Ms: 50 };
export const B2_CONNECTIONS = [10, 100] as const;

/** Environment of the service process on a bench database with the toggle workflow. */
export function benchServiceEnv(databaseUrl: string | undefined, poolSize: number): Record<string, string> {
  return {
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'true' } : {}),
    ...TOGGLE_DEFINITIONS,
    DB_POOL_SIZE: String(poolSize),
  };
}

/** Waits a moment so the process is idle, then reads its RSS. */
export async function settledRss(service: ServiceProcess): Promise<number> {
  await new Promise((r) => setTimeout(r, 1000));
  return service.rssBytes();
}

/**
 * B2, over HTTP: the built service in a process of its own (`node dist/src/main.js`), autocannon in
 * this process sending `POST /cases/:id/events` spread over many cases, at 10 and 100 connections.
 * The raw limit is `bench/raw-server.ts` (node:http + pg, the same writes) under the same load,
 * in alternating rounds; the table shows the medians.
 * Records the CPU each process used per answer, the service's RSS at rest and after the load (B6),
 * and with `--profile` where the service's CPU went during one extra run.
 */
export async function runB2(ctx: BenchContext): Promise<BenchOutcome> {
  const { concurrency, cases: caseCount, httpSeconds } = ctx.settings;
  const db = await createTestDatabase({ prefix: 'samverkan_bench', poolSize: 1 });
  if (!db.url) throw new Error('B2 needs a PostgreSQL server: set DATABASE_URL');
  const services: ServiceProcess[] = [];
  const pool = openPool(db.url, 2);
  const profileFile = join(tmpdir(), `samverkan-bench-b2-${process.pid}.cpuprofile`);
  try {
    const service = await startService({
      env: { ...benchServiceEnv(db.url, concurrency), ...(ctx.settings.profile ? { BENCH_PROFILE_FILE: profileFile } : {}) },
      ...(ctx.settings.profile ? { nodeArgs: ['--import', resolve('dist/bench/profile-preload.js')] } : {}),
    });
    services.push(service);
    const rssAtRest = await settledRss(service);
    ctx.log(`B2: creating ${caseCount} cases over HTTP`);
    const token = await tokenInDatabase(db.url, BENCH_PERSON);
    const ids = await createToggleCasesOverHttp(service.url, token, caseCount);
    const rawIds = await new RawWriter(pool).createToggleCases(caseCount);
    const rawServer = await startService({ entry: resolve('dist/bench/raw-server.js'), env: { DATABASE_URL: db.url, DB_POOL_SIZE: String(concurrency) } });
    services.push(rawServer);

    const runs: Array<{ connections: number; service: HttpRun; raw: HttpRun; rounds: Array<{ service: HttpRun; raw: HttpRun }> }> = [];
    for (const connections of B2_CONNECTIONS) {
      ctx.log(`B2: ${connections} connections: warm-up, then ${ctx.settings.rounds} rounds of ${httpSeconds} s: service, raw server`);
      await fireToggles(service.url, token, ids, connections, 1);
      await fireToggles(rawServer.url, token, rawIds, connections, 1);
      const rounds: Array<{ service: HttpRun; raw: HttpRun }> = [];
      for (let r = 0; r < ctx.settings.rounds; r++) {
        const ours = await fireToggles(service.url, token, ids, connections, httpSeconds, () => service.cpuSeconds());
        const raw = await fireToggles(rawServer.url, token, rawIds, connections, httpSeconds, () => rawServer.cpuSeconds());
        rounds.push({ service: ours, raw });
      }
      runs.push({ connections, service: medianRun(rounds.map((x) => x.service)), raw: medianRun(rounds.map((x) => x.raw)), rounds });
    }
    const rssAfterLoad = await settledRss(service);
    ctx.shared.b2ServiceRss = { atRest: rssAtRest, afterLoad: rssAfterLoad };
    const profile = ctx.settings.profile ? await profileOneRun(ctx, service, token, ids, profileFile) : undefined;
    const outOfStep = await casesOutOfStep(pool);
    if (outOfStep) throw new Error(`B2: ${outOfStep} case(s) have a version that differs from their event count`);

    const rows: BenchRow[] = runs.map(({ connections, service: ours, raw }) => {
      const errors = ours.errors + ours.non2xx;
      const met = ours.perSecond >= B2_GOAL.perSecond && ours.p99 < B2_GOAL.p99Ms && errors === 0;
      return {
        bench: 'B2',
        what: `HTTP POST /cases/:id/events, ${connections} connections, ${fmt(caseCount)} cases`,
        ours: describeRun(ours),
        limit: `node:http + pg ${describeRun(raw)}`,
        ratio: ratio(ours.perSecond / raw.perSecond),
        goal: `≥ ${fmt(B2_GOAL.perSecond)}/s, p99 < ${B2_GOAL.p99Ms} ms, 0 errors`,
        met: met ? 'yes' : 'no',
      };
    });
    if (profile) {
      rows.push({
        bench: 'B2',
        what: 'where the service CPU goes (profile of one extra 10-connection run)',
        ours: describeShares(profile),
        limit: '–',
        ratio: '–',
        goal: '–',
        met: '–',
      });
    }
    return {
      rows,
      figures: {
        runs,
        cases: caseCount,
        secondsPerRun: httpSeconds,
        dbPoolSize: concurrency,
        rssBytes: ctx.shared.b2ServiceRss,
        ...(profile ? { profile } : {}),
      },
    };
  } finally {
    for (const s of services) await s.stop();
    await pool.end();
    await db.drop();
    rmSync(profileFile, { force: true });
  }
}

/** The median of each figure over the rounds; errors are summed (one is one too many). */
function medianRun(rounds: readonly HttpRun[]): HttpRun {
  const mid = (pick: (r: HttpRun) => number) => median(rounds.map(pick));
  const cpu = rounds.flatMap((r) => (r.serverCpuMsPerOk === undefined ? [] : [r.serverCpuMsPerOk]));
  const system = rounds.flatMap((r) => (r.serverSystemCpuMsPerOk === undefined ? [] : [r.serverSystemCpuMsPerOk]));
  return {
    connections: rounds[0]!.connections,
    seconds: rounds.reduce((sum, r) => sum + r.seconds, 0),
    perSecond: mid((r) => r.perSecond),
    p50: mid((r) => r.p50),
    p99: mid((r) => r.p99),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    ok: rounds.reduce((sum, r) => sum + r.ok, 0),
    ...(cpu.length ? { serverCpuMsPerOk: median(cpu), serverSystemCpuMsPerOk: median(system) } : {}),
  };
}

/** Profiles the service (through the preload) during one unmeasured 10-connection run. */
async function profileOneRun(ctx: BenchContext, service: ServiceProcess, token: string, ids: readonly string[], file: string): Promise<ProfileShare[]> {
  ctx.log('B2: profiling one extra 10-connection run of the service');
  service.signal('SIGWINCH');
  await new Promise((r) => setTimeout(r, 200));
  await fireToggles(service.url, token, ids, 10, ctx.settings.httpSeconds);
  service.signal('SIGWINCH');
  for (let waited = 0; !existsSync(file); waited += 100) {
    if (waited > 15_000) throw new Error('B2: the service wrote no profile');
    await new Promise((r) => setTimeout(r, 100));
  }
  const shares = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profiler.Profile);
  ctx.log(`B2: service CPU by package: ${describeShares(shares, 12)}`);
  return shares;
}
