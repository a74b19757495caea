import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Rate } from './measure.js';

const run = promisify(execFile);

/** The script, relative to the project root. */
export const PGBENCH_SCRIPT = resolve('bench/pgbench/transition.sql');

/** Ids pgbench's script addresses: n = 1 … count as `00000000-0000-4000-8000-<n, 12 digits>`. */
export function pgbenchCaseIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
}

/** Whether `pgbench` is on the PATH. */
export async function pgbenchAvailable(): Promise<boolean> {
  try {
    await run('pgbench', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the B1 script with pgbench (prepared statements: its fastest mode, the floor of client
 * overhead) and returns its committed transactions per second.
 */
export async function runPgbench(url: string, clients: number, seconds: number, casesPerClient: number): Promise<Rate> {
  const { stdout } = await run('pgbench', [
    '--no-vacuum',
    '--protocol=prepared',
    `--client=${clients}`,
    `--jobs=${Math.min(clients, 2)}`,
    `--time=${Math.max(1, Math.round(seconds))}`,
    `--define=per=${casesPerClient}`,
    `--file=${PGBENCH_SCRIPT}`,
    url,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  const done = /number of transactions actually processed: (\d+)/.exec(stdout)?.[1];
  const failed = /number of failed transactions: (\d+)/.exec(stdout)?.[1];
  if (!tps || !done) throw new Error(`pgbench said:\n${stdout}`);
  if (failed && Number(failed) > 0) throw new Error(`pgbench: ${failed} transactions failed:\n${stdout}`);
  return { ops: Number(done), seconds, perSecond: Number(tps) };
}
