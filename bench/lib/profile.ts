import { Session, type Profiler } from 'node:inspector/promises';

/** Where a profile's samples fell, grouped by package (or our source file), largest first. */
export interface ProfileShare {
  where: string;
  /** Share of the samples in which the process was not idle. */
  share: number;
}

/**
 * Runs `work` under V8's sampling CPU profiler (this process) and returns its result with the
 * profile. For in-process benchmarks; the profiler slows the work, so profiled runs are never
 * the measured ones.
 */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

/**
 * Sums a profile's self time by package (`@mikro-orm/core`, `xstate`, …), by our own file
 * (`src/cases/cases.service.js`), or by V8/Node bucket (`(garbage collector)`, `node:net`), without
 * the idle time and the profiler's own, and returns the `top` largest shares. Samples are wall-clock
 * ticks while the thread was busy: a native call such as a socket write also collects the ticks in
 * which the thread waited for the kernel or for a core.
 */
export function summarizeProfile(profile: Profiler.Profile, top = 12): ProfileShare[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    const where = bucket(frame.url, frame.functionName);
    // Idle time is not CPU, and node:inspector is the profiler itself.
    if (where === '(idle)' || where === 'node:inspector') return;
    self.set(where, (self.get(where) ?? 0) + (deltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, time]) => ({ where, share: time / total }));
}

function bucket(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native ${functionName || 'code'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/dist\/((?:src|bench)\/.*)$/.exec(url);
  if (ours) return ours[1]!;
  const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
  return internal ? `node:${internal[1]}` : url;
}

/** `@mikro-orm/core 31%, (native writeBuffer) 18%, …` */
export function describeShares(shares: readonly ProfileShare[], count = 6): string {
  return shares
    .slice(0, count)
    .map((s) => `${s.where} ${Math.round(s.share * 100)}%`)
    .join(', ');
}
