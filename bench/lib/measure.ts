/** Throughput of one measured run. */
export interface Rate {
  /** Operations completed inside the measured window. */
  ops: number;
  seconds: number;
  perSecond: number;
  /** CPU time of this process per operation (user + system), when the work runs in this process. */
  cpuMsPerOp?: number;
  /** The system (kernel) part of it: socket writes and reads show here. */
  cpuSystemMsPerOp?: number;
}

/**
 * Runs `work` from `concurrency` workers, each calling it again as soon as it finishes, for
 * `seconds`, and counts the operations that completed. A worker's `i` counts its own calls, so
 * workers can round-robin over their own cases without lock contention between them.
 * A failing operation fails the run: a benchmark that hides errors measures the wrong thing.
 */
export async function throughput(concurrency: number, seconds: number, work: (worker: number, i: number) => Promise<unknown>): Promise<Rate> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const until = started + seconds * 1000;
  let ops = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < until; i++) {
        await work(worker, i);
        ops++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { ops, seconds: elapsed, perSecond: ops / elapsed, cpuMsPerOp: (used.user + used.system) / 1000 / ops, cpuSystemMsPerOp: used.system / 1000 / ops };
}

/** The median of some numbers (the middle one, or the mean of the two middle ones). */
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A contender's runs, median rate and median CPU per operation (in-process work only). */
export interface Measured {
  median: number;
  cpuMsPerOp?: number;
  cpuSystemMsPerOp?: number;
  runs: Rate[];
}

/**
 * Measures several contenders in alternating rounds (A B C, A B C, …) and keeps each one's median,
 * so that a burst of load from another user of the shared machine hits all of them alike.
 */
export async function alternate<K extends string>(rounds: number, contenders: Record<K, () => Promise<Rate>>): Promise<Record<K, Measured>> {
  const runs = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as Rate[]])) as Record<K, Rate[]>;
  for (let r = 0; r < rounds; r++) {
    for (const key of Object.keys(contenders) as K[]) runs[key].push(await contenders[key]());
  }
  return Object.fromEntries(
    (Object.keys(runs) as K[]).map((k) => {
      const cpu = runs[k].flatMap((x) => (x.cpuMsPerOp === undefined ? [] : [x.cpuMsPerOp]));
      const system = runs[k].flatMap((x) => (x.cpuSystemMsPerOp === undefined ? [] : [x.cpuSystemMsPerOp]));
      return [
        k,
        {
          median: median(runs[k].map((x) => x.perSecond)),
          ...(cpu.length ? { cpuMsPerOp: median(cpu), cpuSystemMsPerOp: median(system) } : {}),
          runs: runs[k],
        },
      ];
    }),
  ) as Record<K, Measured>;
}

/** Latencies of repeated single operations, in milliseconds. */
export interface Latencies {
  runs: number;
  p50: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Times `work` `runs` times one after another (after `warmup` unmeasured runs) and gives p50, p99
 * and the slowest, in milliseconds.
 */
export async function latencies(runs: number, warmup: number, work: () => Promise<unknown>): Promise<Latencies> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { runs, p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times) };
}
