import type { ServiceProcess } from '../support/service-process.js';
import { request } from '../support/test-app.js';

/** What the service did while its database went away and came back. */
export interface DatabaseOutage {
  /** The service process never exited. */
  serviceAlive: boolean;
  /** Commands answered 200 before the outage and after recovery. */
  okBefore: number;
  okAfter: number;
  /** Commands answered 503 (the database cannot be reached: retry). */
  unavailable: number;
  status500: number;
  /** Any other answer (status → count), including `network` for a request the service never answered. */
  otherStatuses: Record<string, number>;
  /** /health's status once the database was away. */
  healthDuringOutage: number;
  /** From the database's return to /health answering 200. */
  secondsToRecover: number;
  /** Cases whose history does not verify afterwards. */
  historiesInvalid: string[];
}

export interface OutageSteps {
  /** Takes the database away and keeps it away for a while (the load goes on meanwhile). */
  away(): Promise<void>;
  /** Brings it back. */
  back(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `done()` holds, or at most `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  for (const started = Date.now(); !done() && Date.now() - started < ms; ) await sleep(50);
}

/**
 * Runs TOGGLE load against `ids` through the service process, takes the database away and brings
 * it back, and (signed in with `token`) reports how the service answered in each phase.
 */
export async function databaseOutage(service: ServiceProcess, token: string, ids: readonly string[], steps: OutageSteps, workers = 8): Promise<DatabaseOutage> {
  let phase: 'before' | 'away' | 'after' = 'before';
  let stop = false;
  const result: DatabaseOutage = {
    serviceAlive: true,
    okBefore: 0,
    okAfter: 0,
    unavailable: 0,
    status500: 0,
    otherStatuses: {},
    healthDuringOutage: 0,
    secondsToRecover: Infinity,
    historiesInvalid: [],
  };
  const other = (key: string) => (result.otherStatuses[key] = (result.otherStatuses[key] ?? 0) + 1);

  const load = Array.from({ length: workers }, async () => {
    while (!stop) {
      const caseId = ids[Math.floor(Math.random() * ids.length)]!;
      let status: number;
      try {
        status = (await request(service.url, 'POST', `/cases/${caseId}/events`, { body: { type: 'TOGGLE' }, token })).status;
      } catch {
        other('network');
        continue;
      }
      if (status === 200 && phase === 'before') result.okBefore++;
      else if (status === 200 && phase === 'after') result.okAfter++;
      else if (status === 200)
        continue; // committed just before the database went away
      else if (status === 503) result.unavailable++;
      else if (status === 500) result.status500++;
      else other(String(status));
      if (status === 503) await sleep(20); // as a client honouring Retry-After would, briefly
    }
  });

  // Load runs until some commands went through (not a fixed time: on a busy machine the first
  // second can pass before the first answer).
  await until(() => result.okBefore >= 20, 15_000);
  phase = 'away';
  const away = steps.away();
  const health = async () => (await request(service.url, 'GET', '/health', { as: null })).status;
  for (const started = Date.now(); Date.now() - started < 10_000; await sleep(100)) {
    result.healthDuringOutage = await health();
    if (result.healthDuringOutage === 503) break;
  }
  await away;
  await steps.back();
  const back = performance.now();
  for (; performance.now() - back < 20_000; await sleep(100)) {
    if ((await health()) === 200) {
      result.secondsToRecover = (performance.now() - back) / 1000;
      break;
    }
  }
  phase = 'after';
  await until(() => result.okAfter >= 20, 15_000);
  stop = true;
  await Promise.all(load);

  result.serviceAlive = service.alive();
  for (const id of ids) {
    const verdict = (await request(service.url, 'GET', `/cases/${id}/history/verify`, { token })).body;
    if (verdict?.valid !== true) result.historiesInvalid.push(`${id}: ${JSON.stringify(verdict)}`);
  }
  return result;
}
