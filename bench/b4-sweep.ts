import type pg from 'pg';
import { EscalationJob } from '../src/escalations/escalation.job.js';
import { CLAIM_NEXT_SQL, claimParameters } from '../src/escalations/escalations.service.js';
import { startBenchApp, type BenchApp } from './lib/bench-app.js';
import { fmt, ratio, type BenchContext, type BenchOutcome, type BenchRow } from './lib/context.js';
import { numbered } from './lib/sql.js';

/** B4's goal: a sweep among the most open cases costs at most this many times one among the fewest. */
export const B4_GOAL = 1.5;

/** Background cases are written this many per statement. */
const LOAD_CHUNK = 50_000;

/** What one size measured. */
interface SweepAt {
  openCases: number;
  due: number;
  /** Seconds the background load of this size took (insert, then vacuum and analyze). */
  loadSeconds: number;
  backgroundCasesLoaded: number;
  /** Milliseconds until every due level fired (EscalationJob.run until it finds none). */
  sweepMs: number;
  fired: number;
  /** One claim of the next due level, as PostgreSQL explains it (in a transaction rolled back). */
  claim: { executionMs: number; index: string; buffers: number };
  /** The raw limit: one UPDATE marking every due level, rolled back. */
  rawUpdateMs: number;
}

/**
 * B4, the escalation sweep: with `due` levels due among 10k, 100k and 1M open cases, how long
 * the scheduler's sweep (claim with FOR UPDATE SKIP LOCKED, fire under the case lock with history
 * event, inbox rows and outbox messages) takes to fire them all. The cost should follow the due
 * levels, not the open cases, because the claim reads the partial index of scheduled levels by
 * fire time; the goal is the largest size within 1.5 × the smallest.
 *
 * The due cases are made through the service (the bench workflow `sweep`: ten working days, a
 * reminder five working days before); the clock then moves past their reminders. The background
 * cases are written with SQL (one statement per 50k: case, open deadline, two scheduled levels
 * firing in 2030), because a million commands would take an hour; they have no history events.
 * Sizes grow in one database; each size gets `due` new due cases, closed after its sweep.
 */
export async function runB4(ctx: BenchContext): Promise<BenchOutcome> {
  const { sweepSizes, sweepDue } = ctx.settings;
  const bench = await startBenchApp('bench', 4);
  try {
    const results: SweepAt[] = [];
    let background = 0;
    for (const [round, size] of sweepSizes.entries()) {
      const target = size - sweepDue;
      if (target < background) throw new Error(`B4: size ${size} is too small for ${sweepDue} due cases per size`);
      ctx.log(`B4: loading ${fmt(target - background)} background cases (to ${fmt(size)} open)`);
      const loadStarted = performance.now();
      await loadBackground(bench.pool, background, target);
      // Steady state, as autovacuum leaves it: the last size's closed levels would otherwise stay
      // as dead entries at the head of the partial index for the first claim to step over.
      await bench.pool.query('vacuum analyze');
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      const loaded = target - background;
      background = target;

      ctx.log(`B4: ${sweepDue} due cases through the service`);
      const dueCases = await makeDue(bench, round, sweepDue);
      const now = bench.t.clock.now();
      const claim = await explainClaim(bench.pool, now);
      const rawUpdateMs = await rawUpdateOfDue(bench.pool, now, sweepDue);

      const job = bench.t.app.get(EscalationJob);
      const started = performance.now();
      let fired = 0;
      for (let n = await job.run(); n > 0; n = await job.run()) fired += n;
      const sweepMs = performance.now() - started;
      if (fired !== sweepDue) throw new Error(`B4: ${fired} levels fired at ${size} open cases, ${sweepDue} were due`);
      const open = await count(bench.pool, "select count(*) from cases where status = 'active'");
      results.push({ openCases: open, due: sweepDue, loadSeconds, backgroundCasesLoaded: loaded, sweepMs, fired, claim, rawUpdateMs });
      ctx.log(`B4: ${fmt(open)} open cases: ${fired} fired in ${fmt(sweepMs)} ms; claim ${fmt(claim.executionMs, 2)} ms via ${claim.index}`);
      // Closed, so that their second levels do not fall due with the next size's clock.
      for (const id of dueCases) await bench.cases.send(id, { type: 'CLOSE' }, bench.actor);
    }
    return { rows: rows(results), figures: { sizes: results } };
  } finally {
    await bench.close();
  }
}

function rows(results: readonly SweepAt[]): BenchRow[] {
  const first = results[0]!;
  const last = results.at(-1)!;
  const growth = last.sweepMs / first.sweepMs;
  return [
    ...results.map((r) => ({
      bench: 'B4',
      what: `escalation sweep, ${fmt(r.due)} due among ${fmt(r.openCases)} open cases (load of ${fmt(r.backgroundCasesLoaded)} took ${fmt(r.loadSeconds, 1)} s)`,
      ours: `${fmt(r.sweepMs)} ms (${fmt(r.sweepMs / r.due, 2)} ms a level); one claim ${fmt(r.claim.executionMs, 2)} ms, ${fmt(r.claim.buffers)} buffers, via ${r.claim.index}`,
      limit: `raw SQL: one UPDATE of the ${fmt(r.due)} due ${fmt(r.rawUpdateMs)} ms`,
      ratio: r === first ? '–' : `${ratio(r.sweepMs / first.sweepMs)} of ${fmt(first.openCases)}`,
      goal: r === last && results.length > 1 ? `≤ ${B4_GOAL} × the ${fmt(first.openCases)} figure` : '–',
      met: r === last && results.length > 1 ? (growth <= B4_GOAL ? 'yes' : 'no') : '–',
    })),
  ];
}

/** Writes background cases `from`…`to` (exclusive): open, with an open deadline and two levels scheduled for 2030. */
async function loadBackground(pool: pg.Pool, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += LOAD_CHUNK) {
    const end = Math.min(start + LOAD_CHUNK, to) - 1;
    await pool.query(
      `with c as (
         insert into cases (id, workflow_id, workflow_version, title, state, active_states, status, fields, version, head_hash, state_entered_at, created_at, updated_at, created_by_person, created_by_organisation)
         select gen_random_uuid(), 'sweep', 1, 'Bakgrund ' || g, '{"value":"waiting","status":"active"}', '{waiting}', 'active', '{}', 1, repeat('0', 64), $3, $3, $3, 'bench.loader', 'bench'
           from generate_series($1::int, $2::int) g
         returning id, title),
       d as (
         insert into deadlines (id, case_id, state_id, entry_seq, entered_at, sla, due_on, due_at)
         select gen_random_uuid(), c.id, 'waiting', 1, $3, '{"workingDays":10}', (t.due_at at time zone 'Europe/Stockholm')::date, t.due_at
           from c cross join lateral (select $4::timestamptz + (split_part(c.title, ' ', 2)::int % 8760) * interval '1 hour' as due_at) t
         returning id, case_id, due_at)
       insert into escalations (id, deadline_id, case_id, state_id, entry_seq, level, rung, notify, fire_at, status)
       select gen_random_uuid(), d.id, d.case_id, 'waiting', 1, l.level, l.rung, l.notify::jsonb, d.due_at - l.before, 'scheduled'
         from d cross join (values ('reminder', 0, '["secretariat"]', interval '7 days'), ('steering', 1, '["steeringGroup"]', interval '0 days')) as l(level, rung, notify, before)`,
      [start, end, new Date('2027-01-04T08:00:00Z'), new Date('2030-01-14T22:59:59Z')],
    );
  }
}

/**
 * Starts `due` cases through the service on a Monday four weeks after the last size's, then moves
 * the clock to just after the last of their reminders (checked: before any second level).
 */
async function makeDue(bench: BenchApp, round: number, due: number): Promise<string[]> {
  const clock = bench.t.clock;
  clock.set(new Date(Date.UTC(2027, 1, 1 + 28 * round, 8)));
  const ids: string[] = [];
  for (let i = 0; i < due; i++) {
    const created = await bench.cases.create({ workflow: 'sweep', title: `Fristärende ${round}-${i}` }, bench.actor);
    if (!('result' in created)) throw new Error('create was not expected to replay');
    ids.push(created.result.record.id);
  }
  const { rows } = await bench.pool.query<{ last_reminder: Date; first_second: Date }>(
    `select max(fire_at) filter (where rung = 0) as last_reminder, min(fire_at) filter (where rung = 1) as first_second
       from escalations where case_id = any($1::uuid[])`,
    [ids],
  );
  const { last_reminder: lastReminder, first_second: firstSecond } = rows[0]!;
  const at = new Date(lastReminder.getTime() + 60_000);
  if (at >= firstSecond) throw new Error('B4: the reminders and the second levels are too close to make only the reminders due');
  clock.set(at);
  return ids;
}

/** EXPLAIN ANALYZE of one claim, in a transaction that is rolled back. */
async function explainClaim(pool: pg.Pool, now: Date): Promise<SweepAt['claim']> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(
      `explain (analyze, buffers, format json) ${numbered(CLAIM_NEXT_SQL)}`,
      claimParameters(now),
    );
    await client.query('rollback');
    const [explained] = rows[0]!['QUERY PLAN'];
    const nodes = flatten(explained!.Plan);
    const index = nodes.find((n) => n['Relation Name'] === 'escalations' && n.Alias === 'e')?.['Index Name'] ?? 'no index (sequential scan)';
    return {
      executionMs: explained!['Execution Time'],
      index,
      buffers: (explained!.Plan['Shared Hit Blocks'] ?? 0) + (explained!.Plan['Shared Read Blocks'] ?? 0),
    };
  } finally {
    client.release();
  }
}

/** The raw limit: one UPDATE that marks every due level fired, timed, rolled back. */
async function rawUpdateOfDue(pool: pg.Pool, now: Date, due: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const started = performance.now();
    const { rowCount } = await client.query(`update escalations set status = 'open', fired_at = $1 where status = 'scheduled' and fire_at <= $1`, [now]);
    const ms = performance.now() - started;
    await client.query('rollback');
    if (rowCount !== due) throw new Error(`B4: ${rowCount} levels due by raw SQL, expected ${due}`);
    return ms;
  } finally {
    client.release();
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

async function count(pool: pg.Pool, sql: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(sql);
  return Number(rows[0]!.count);
}
