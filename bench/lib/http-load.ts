import autocannon from 'autocannon';
import type { CpuSeconds } from '../../test/support/service-process.js';
import { createToggleCasesOverHttp as createCases } from '../../test/support/toggle-cases.js';

/** One autocannon run against `POST /cases/:id/events`. */
export interface HttpRun {
  connections: number;
  seconds: number;
  /** 2xx answers per second. */
  perSecond: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers that were not 2xx. */
  non2xx: number;
  ok: number;
  /** CPU the server process used per 2xx answer, in ms, when it could be read. */
  serverCpuMsPerOk?: number;
  /** The system (kernel) part of it. */
  serverSystemCpuMsPerOk?: number;
}

/** Creates toggle cases over HTTP, signed in with `token`. */
export function createToggleCasesOverHttp(url: string, token: string, count: number, parallel = 16): Promise<string[]> {
  return createCases(url, count, { parallel, token });
}

/**
 * Sends TOGGLE commands (signed in with `token`) with autocannon for `seconds` over `connections` keep-alive connections,
 * each request to the next case in `ids` (round robin), so the load is spread over many cases.
 */
export async function fireToggles(
  url: string,
  token: string,
  ids: readonly string[],
  connections: number,
  seconds: number,
  serverCpuSeconds?: () => CpuSeconds,
): Promise<HttpRun> {
  let next = 0;
  const cpuBefore = serverCpuSeconds?.();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    requests: [
      {
        method: 'POST',
        body: '{"type":"TOGGLE"}',
        setupRequest: (req) => ({ ...req, path: `/cases/${ids[next++ % ids.length]}/events` }),
      },
    ],
  });
  return {
    connections,
    seconds: result.duration,
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ok: result['2xx'],
    ...(cpuBefore !== undefined ? perOk(cpuBefore, serverCpuSeconds!(), result['2xx']) : {}),
  };
}

function perOk(before: CpuSeconds, after: CpuSeconds, ok: number): Pick<HttpRun, 'serverCpuMsPerOk' | 'serverSystemCpuMsPerOk'> {
  return { serverCpuMsPerOk: ((after.total - before.total) * 1000) / ok, serverSystemCpuMsPerOk: ((after.system - before.system) * 1000) / ok };
}

/** `1,234/s, p50 3 ms, p99 21 ms, 0 errors` */
export function describeRun(run: HttpRun): string {
  const errors = run.errors + run.non2xx;
  const cpu =
    run.serverCpuMsPerOk === undefined ? '' : `, ${run.serverCpuMsPerOk.toFixed(2)} ms CPU each (system ${(run.serverSystemCpuMsPerOk ?? NaN).toFixed(2)})`;
  return `${Math.round(run.perSecond).toLocaleString('en-GB')}/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${errors} error${errors === 1 ? '' : 's'}${cpu}`;
}
