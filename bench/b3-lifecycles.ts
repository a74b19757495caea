import type { Actor } from '../src/access/actor.js';
import { PartiesService } from '../src/governance/parties.service.js';
import { casesOutOfStep, startBenchApp, type BenchApp } from './lib/bench-app.js';
import { BENCH_PERSON, fmt, ratio, type BenchContext, type BenchOutcome } from './lib/context.js';
import { alternate, throughput } from './lib/measure.js';
import { LIFECYCLE_STEPS } from './lib/peer-bpmn.js';
import { RawWriter } from './lib/raw-sql.js';

/** The steering group member who closes each case (assigned the role on it). */
const CHAIR = { person: 'bench.chair', organisation: BENCH_PERSON.organisation };

/** What each step's gate needs, in order; the last one closes the case. */
const LIFECYCLE: ReadonlyArray<{ fields: Record<string, string>; event: string }> = [
  { fields: { arena: 'Blekingerådet', agreement: 'Avsiktsförklaring dnr RB 2026/123' }, event: 'ADVANCE' },
  { fields: { problemStatement: 'Ungdomsarbetslösheten är dubbelt så hög som i riket.' }, event: 'ADVANCE' },
  { fields: { situationAnalysis: 'Nulägesanalys med Kolada N03937' }, event: 'ADVANCE' },
  { fields: { goals: 'Halverad ungdomsarbetslöshet till 2030' }, event: 'ADVANCE' },
  { fields: { resources: 'Region och kommuner 2 mnkr/år' }, event: 'ADVANCE' },
  { fields: { actionPlan: 'Navigatorcentrum öppnar' }, event: 'ADVANCE' },
  { fields: { followUpReport: 'Uppföljning 2027' }, event: 'CLOSE' },
];

/** Commands in one lifecycle: the start, the steering group's role, then a field patch and an event per step. */
export const COMMANDS_PER_LIFECYCLE = 2 + 2 * LIFECYCLE.length;

/**
 * One whole samverkan case (the field-gated lifecycle) through the services: create, assign the
 * steering group, seven steps with their gates met, closed by the steering group.
 */
async function lifecycle(bench: BenchApp, chair: Actor, n: number): Promise<void> {
  const created = await bench.cases.create({ workflow: 'samverkan', title: `Livscykel ${n}` }, bench.actor);
  if (!('result' in created)) throw new Error('create was not expected to replay');
  const id = created.result.record.id;
  await bench.t.app.get(PartiesService).assignRole(id, { role: 'steeringGroup', organisationId: chair.organisation, holderId: chair.personId! }, bench.actor);
  for (const { fields, event } of LIFECYCLE) {
    await bench.cases.updateFields(id, fields, bench.actor);
    const closing = event === 'CLOSE';
    await bench.cases.send(id, closing ? { type: event, comment: 'Målet nått' } : { type: event }, closing ? chair : bench.actor);
  }
}

/** The same number of writes as raw SQL: one insert, then 15 lock–update–insert transactions. */
async function rawLifecycle(raw: RawWriter, n: number): Promise<void> {
  const id = crypto.randomUUID();
  await raw.createCase(id, 'samverkan', LIFECYCLE_STEPS[0], `Livscykel ${n}`);
  await raw.transition(id, 'ROLE', (current) => current);
  for (const step of [...LIFECYCLE_STEPS.slice(1), 'closed']) {
    await raw.transition(id, 'FIELDS', (current) => current);
    await raw.transition(id, 'ADVANCE', () => step);
  }
}

/**
 * B3, completed cases: whole lifecycles of the field-gated samverkan workflow per second (sixteen
 * commands each), against the same sixteen transactions as raw SQL. (The shipped workflow's gates
 * need parties, board decisions and goals; this lifecycle measures the engine, not the registry.)
 */
export async function runB3(ctx: BenchContext): Promise<BenchOutcome> {
  const { concurrency, seconds, rounds } = ctx.settings;
  const bench = await startBenchApp('lifecycle', concurrency);
  try {
    const chair = await bench.actorOf(CHAIR);
    const raw = new RawWriter(bench.pool);
    let n = 0;
    const contenders = {
      service: (s: number) => throughput(concurrency, s, () => lifecycle(bench, chair, n++)),
      rawSql: (s: number) => throughput(concurrency, s, () => rawLifecycle(raw, n++)),
    };
    ctx.log('B3: warming up');
    await contenders.service(1);
    await contenders.rawSql(1);
    ctx.log(`B3: ${rounds} rounds of ${seconds} s each: service, rawSql`);
    const measured = await alternate(rounds, { service: () => contenders.service(seconds), rawSql: () => contenders.rawSql(seconds) });
    const outOfStep = await casesOutOfStep(bench.pool);
    if (outOfStep) throw new Error(`B3: ${outOfStep} case(s) have a version that differs from their event count`);
    const { rows } = await bench.pool.query<{ n: string }>("select count(*) as n from cases where workflow_id = 'samverkan' and status = 'closed'");

    const service = measured.service.median;
    const rawSql = measured.rawSql.median;
    return {
      rows: [
        {
          bench: 'B3',
          what: `completed samverkan cases, ${COMMANDS_PER_LIFECYCLE} commands each, ${concurrency} workers (cases/s)`,
          ours: `${fmt(service, 1)} (${fmt(service * COMMANDS_PER_LIFECYCLE)} commands/s)`,
          limit: `raw SQL ${fmt(rawSql, 1)}`,
          ratio: ratio(service / rawSql),
          goal: '–',
          met: '–',
        },
      ],
      figures: {
        lifecyclesPerSecond: { service, rawSql },
        ratioToRawSql: service / rawSql,
        commandsPerLifecycle: COMMANDS_PER_LIFECYCLE,
        closedCases: Number(rows[0]!.n),
        runs: { service: measured.service.runs.map((r) => r.perSecond), rawSql: measured.rawSql.runs.map((r) => r.perSecond) },
        concurrency,
      },
    };
  } finally {
    await bench.close();
  }
}
