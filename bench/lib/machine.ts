import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import pg from 'pg';

/** Where and when a benchmark ran: the figures only mean something next to this. */
export interface MachineInfo {
  date: string;
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  os: string;
  node: string;
  postgres: string;
  /** 1-minute load average when the run started: other users of a shared machine show here. */
  loadAverageAtStart: number;
}

/** Describes this machine and the PostgreSQL server at `serverUrl`. */
export async function describeMachine(serverUrl: string): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('select version()');
    return {
      date: new Date().toISOString(),
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      os: `${platform()} ${release()}`,
      node: process.version,
      postgres: rows[0]!.version.split(' on ')[0]!,
      loadAverageAtStart: loadavg()[0]!,
    };
  } finally {
    await client.end();
  }
}
