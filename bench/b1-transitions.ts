import { casesOutOfStep, createToggleCases, startBenchApp } from './lib/bench-app.js';
import { fmt, ownCase, ratio, type BenchContext, type BenchOutcome } from './lib/context.js';
import { alternate, throughput, type Rate } from './lib/measure.js';
import { describeShares, profiled, summarizeProfile } from './lib/profile.js';
import { ormOnlyToggle } from './lib/orm-only.js';
import { pgbenchAvailable, pgbenchCaseIds, runPgbench } from './lib/pgbench.js';
import { statementsOf } from './lib/query-count.js';
import { RawWriter, toggle } from './lib/raw-sql.js';

/** B1's goal: the service reaches at least half of the raw SQL rate. */
export const B1_GOAL = 0.5;

/**
 * B1, persisted transitions: TOGGLE commands per second through `CasesService.send` (lock, gate
 * rules, pure XState transition, new snapshot, hash-chained audit event, one transaction), against
 * the same writes as raw SQL through `pg`, and through `pgbench` when it is installed. Same database,
 * same concurrency, alternating rounds, medians.
 *
 * To say what limits it, B1 also measures the raw writes made through MikroORM ({@link ormOnlyToggle}),
 * the CPU time per command of each in-process path, and the SQL statements each path sends.
 */
export async function runB1(ctx: BenchContext): Promise<BenchOutcome> {
  const { concurrency, cases: caseCount, seconds, rounds } = ctx.settings;
  const bench = await startBenchApp('bench', concurrency);
  try {
    ctx.log(`B1: creating ${caseCount} cases for each contender`);
    const ours = await createToggleCases(bench.cases, bench.actor, caseCount);
    const raw = new RawWriter(bench.pool);
    const rawIds = await raw.createToggleCases(caseCount);
    const ormIds = await raw.createToggleCases(caseCount);
    const withPgbench = await pgbenchAvailable();
    if (withPgbench) await raw.createToggleCases(caseCount, pgbenchCaseIds(caseCount));

    const contenders: Record<string, (s: number) => Promise<Rate>> = {
      service: (s) => throughput(concurrency, s, (w, i) => bench.cases.send(ownCase(ours, concurrency, w, i), { type: 'TOGGLE' }, bench.actor)),
      ormOnly: (s) => throughput(concurrency, s, (w, i) => ormOnlyToggle(bench.t.orm, ownCase(ormIds, concurrency, w, i))),
      rawSql: (s) => throughput(concurrency, s, (w, i) => raw.transition(ownCase(rawIds, concurrency, w, i), 'TOGGLE', toggle)),
      ...(withPgbench ? { pgbench: (s: number) => runPgbench(bench.db.url!, concurrency, s, Math.floor(caseCount / concurrency)) } : {}),
    };
    ctx.log('B1: warming up');
    for (const run of Object.values(contenders)) await run(1);
    ctx.log(`B1: ${rounds} rounds of ${seconds} s each: ${Object.keys(contenders).join(', ')}`);
    const measured = await alternate(rounds, Object.fromEntries(Object.entries(contenders).map(([k, run]) => [k, () => run(seconds)])));
    const statements = {
      service: await statementsOf(() => bench.cases.send(ours[0]!, { type: 'TOGGLE' }, bench.actor)),
      ormOnly: await statementsOf(() => ormOnlyToggle(bench.t.orm, ormIds[0]!)),
      rawSql: await statementsOf(() => raw.transition(rawIds[0]!, 'TOGGLE', toggle)),
    };
    const profile = ctx.settings.profile ? summarizeProfile((await profiled(() => contenders.service!(seconds))).profile) : undefined;
    if (profile) ctx.log(`B1: service CPU by package: ${describeShares(profile, 12)}`);
    const outOfStep = await casesOutOfStep(bench.pool);
    if (outOfStep) throw new Error(`B1: ${outOfStep} case(s) have a version that differs from their event count`);

    const service = measured.service!.median;
    const rawSql = measured.rawSql!.median;
    const pgb = measured.pgbench?.median;
    const cpu = (k: string) => `${fmt(measured[k]!.cpuMsPerOp ?? NaN, 2)} ms (system ${fmt(measured[k]!.cpuSystemMsPerOp ?? NaN, 2)})`;
    ctx.shared.b1OursPerSecond = service;
    return {
      rows: [
        {
          bench: 'B1',
          what: `persisted transitions, ${concurrency} workers (commands/s)`,
          ours: fmt(service),
          limit: `raw SQL (pg) ${fmt(rawSql)}${pgb ? `; pgbench, prepared ${fmt(pgb)}` : '; pgbench not installed'}`,
          ratio: ratio(service / rawSql) + (pgb ? ` (${ratio(service / pgb)} of pgbench)` : ''),
          goal: `≥ ${B1_GOAL} of raw SQL`,
          met: service / rawSql >= B1_GOAL ? 'yes' : 'no',
        },
        {
          bench: 'B1',
          what: 'where it goes: CPU per command in the Node process (of which system); SQL statements per command',
          ours: `service ${cpu('service')}, ${statements.service.length} statements`,
          limit: `raw SQL ${cpu('rawSql')}, ${statements.rawSql.length} statements; through MikroORM without our code ${cpu('ormOnly')} (${fmt(measured.ormOnly!.median)}/s)`,
          ratio: '–',
          goal: '–',
          met: '–',
        },
        ...(profile
          ? [
              {
                bench: 'B1',
                what: 'where the service CPU goes (profile of one extra run)',
                ours: describeShares(profile),
                limit: '–',
                ratio: '–',
                goal: '–',
                met: '–',
              },
            ]
          : []),
      ],
      figures: {
        commandsPerSecond: { service, ormOnly: measured.ormOnly!.median, rawSql, pgbench: pgb ?? null },
        cpuMsPerCommand: Object.fromEntries(Object.entries(measured).flatMap(([k, v]) => (v.cpuMsPerOp === undefined ? [] : [[k, v.cpuMsPerOp]]))),
        cpuSystemMsPerCommand: Object.fromEntries(
          Object.entries(measured).flatMap(([k, v]) => (v.cpuSystemMsPerOp === undefined ? [] : [[k, v.cpuSystemMsPerOp]])),
        ),
        statementsPerCommand: statements,
        ...(profile ? { profile } : {}),
        ratioToRawSql: service / rawSql,
        ratioToPgbench: pgb ? service / pgb : null,
        runs: Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, v.runs.map((r) => Math.round(r.perSecond))])),
        concurrency,
        cases: caseCount,
        secondsPerRun: seconds,
        rounds,
      },
    };
  } finally {
    await bench.close();
  }
}
