import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runB1 } from './b1-transitions.js';
import { runB2 } from './b2-http.js';
import { runB3 } from './b3-lifecycles.js';
import { runB4 } from './b4-sweep.js';
import { runB5 } from './b5-big-gate.js';
import { runB6 } from './b6-memory.js';
import { runB7 } from './b7-peer.js';
import type { BenchContext, BenchOutcome, BenchRow, BenchSettings } from './lib/context.js';
import { describeMachine } from './lib/machine.js';
import { machineLine, markdownTable, writeResults } from './lib/report.js';

/**
 * `npm run bench [-- B1 B7 …] [--name x] [--seconds 5] [--rounds 3] [--concurrency 10] [--sweep-sizes 10000,100000,1000000] [--sweep-due 1000] [--gate-runs 1000] [--quick | --smoke] [--profile]`
 *
 * Runs the benchmarks on the PostgreSQL server in DATABASE_URL (each creates and drops databases
 * `samverkan_bench_<random>` there), prints a table and writes `bench/results/<date>-<name>.json`.
 * Every figure comes with the raw limit measured in the same run, because the machine is shared
 * and absolute numbers move with other people's load.
 *
 * `--quick` runs short rounds (a first look); `--smoke` runs every benchmark for a moment only, to
 * show that the benchmarks still work (CI), and writes its results to the temporary folder.
 */
const BENCHES: Record<string, (ctx: BenchContext) => Promise<BenchOutcome>> = { B1: runB1, B7: runB7, B3: runB3, B5: runB5, B2: runB2, B6: runB6, B4: runB4 };

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string', default: 'bench' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      cases: { type: 'string' },
      'http-seconds': { type: 'string' },
      'sweep-sizes': { type: 'string' },
      'sweep-due': { type: 'string' },
      'gate-runs': { type: 'string' },
      quick: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'results-dir': { type: 'string' },
    },
  });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('npm run bench needs a PostgreSQL server: set DATABASE_URL (it creates and drops databases samverkan_bench_<random> there)');
  const selected = positionals.length ? positionals.map((p) => p.toUpperCase()) : Object.keys(BENCHES);
  const unknown = selected.filter((b) => !BENCHES[b]);
  if (unknown.length) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);

  const size = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const defaults = {
    full: { seconds: 5, rounds: 3, cases: 1000, httpSeconds: 10, sweepSizes: [10_000, 100_000, 1_000_000], sweepDue: 1000, gateRuns: 1000 },
    quick: { seconds: 2, rounds: 1, cases: 200, httpSeconds: 3, sweepSizes: [10_000, 100_000], sweepDue: 1000, gateRuns: 300 },
    smoke: { seconds: 0.5, rounds: 1, cases: 20, httpSeconds: 1, sweepSizes: [1000, 2000], sweepDue: 50, gateRuns: 20 },
  }[size];
  const settings: BenchSettings = {
    seconds: number(values.seconds, defaults.seconds),
    rounds: number(values.rounds, defaults.rounds),
    concurrency: number(values.concurrency, 10),
    cases: number(values.cases, defaults.cases),
    httpSeconds: number(values['http-seconds'], defaults.httpSeconds),
    profile: values.profile!,
    sweepSizes: values['sweep-sizes'] === undefined ? defaults.sweepSizes : values['sweep-sizes'].split(',').map((v) => number(v, 0)),
    sweepDue: number(values['sweep-due'], defaults.sweepDue),
    gateRuns: number(values['gate-runs'], defaults.gateRuns),
  };
  const resultsDir = values['results-dir'] ?? (values.smoke ? join(tmpdir(), 'samverkan-bench-smoke') : 'bench/results');
  const machine = await describeMachine(serverUrl);
  const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  log(`machine: ${machineLine(machine)}`);
  log(`settings: ${JSON.stringify(settings)}`);

  const ctx: BenchContext = { settings, log, shared: {} };
  const rows: BenchRow[] = [];
  const figures: Record<string, unknown> = {};
  for (const id of Object.keys(BENCHES).filter((b) => selected.includes(b))) {
    const started = performance.now();
    const outcome = await BENCHES[id]!(ctx);
    log(`${id} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    rows.push(...outcome.rows);
    figures[id] = outcome.figures;
  }
  const order = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'];
  const table = [...rows].sort((a, b) => order.indexOf(a.bench) - order.indexOf(b.bench));
  const file = writeResults(resultsDir, values.name!, {
    machine,
    settings,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    table,
    figures,
  });
  console.log(`\n${machineLine(machine)}\n\n${markdownTable(table)}\n\nresults: ${file}`);
}

function number(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`not a positive number: ${raw}`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
