import type { TestActor } from '../../test/support/test-app.js';

/** Settings of one `npm run bench`. */
export interface BenchSettings {
  /** Seconds each measured run lasts. */
  seconds: number;
  /** Alternating rounds per comparison; the median is reported. */
  rounds: number;
  /** Concurrent workers (and pooled connections) for the in-process comparisons. */
  concurrency: number;
  /** Cases the load is spread over. */
  cases: number;
  /** Seconds of each autocannon run (B2). */
  httpSeconds: number;
  /** Also profile one extra (unmeasured) run of the service paths and report where the time went. */
  profile: boolean;
  /** B4: the numbers of open cases the sweep is measured among, smallest first. */
  sweepSizes: number[];
  /** B4: levels due at each size. */
  sweepDue: number;
  /** B5: gate evaluations measured per variant (after a warm-up of a tenth as many). */
  gateRuns: number;
}

/** One row of the printed table. */
export interface BenchRow {
  bench: string;
  what: string;
  ours: string;
  /** The raw limit measured in the same run, or what stands in for it. */
  limit: string;
  ratio: string;
  goal: string;
  /** `yes`, `no`, or `–` where there is no goal or nothing was measured. */
  met: string;
}

/** What a benchmark returns: its table rows and its figures for the results file. */
export interface BenchOutcome {
  rows: BenchRow[];
  figures: Record<string, unknown>;
}

/** What every benchmark gets. */
export interface BenchContext {
  settings: BenchSettings;
  log(line: string): void;
  /** Figures one benchmark leaves for another in the same run (B7 compares against B1). */
  shared: { b1OursPerSecond?: number; b2ServiceRss?: Record<string, number> };
}

/**
 * The person the benchmarks act as: registered in the bench database, so the cases they start make
 * them the secretariat (the bench workflow lets the secretariat send TOGGLE).
 */
export const BENCH_PERSON: TestActor = { person: 'bench.runner', organisation: 'Mätkommunen' };

/** `1234.5` → `1,235`. */
export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A ratio as `0.53` or `12.4×`. */
export function ratio(value: number, times = false): string {
  return times ? `${fmt(value, 1)}×` : fmt(value, 2);
}

/** The ids a worker owns: workers never lock each other's cases, like independent clients. */
export function ownCase(ids: readonly string[], workers: number, worker: number, i: number): string {
  const per = Math.floor(ids.length / workers);
  if (per < 1) throw new Error(`${ids.length} cases cannot be shared by ${workers} workers`);
  return ids[worker * per + (i % per)]!;
}
