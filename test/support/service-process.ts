import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/**
 * The built service (`dist/src/main.js`) running as a process of its own, as in production: for
 * load tests whose load generator must not share the service's event loop, and for crash tests
 * that SIGKILL it. Paths are relative to the working directory, which npm sets to the project root.
 */
export interface ServiceProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The pid of the running process (changes on restart). */
  readonly pid: number;
  /** Resident set size of the process now, in bytes (Linux `/proc`). */
  rssBytes(): number;
  /** CPU time the process has used so far, in seconds (Linux `/proc`). */
  cpuSeconds(): CpuSeconds;
  /** Sends a signal without waiting (e.g. SIGUSR2 to a profiling preload). */
  signal(signal: NodeJS.Signals): void;
  /** Kills the process with a signal (default SIGKILL: no shutdown hooks run) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same port and environment; resolves when /health answers 200. */
  restart(): Promise<void>;
  /** Graceful stop (SIGTERM, the service closes its pool), then SIGKILL if it lingers. */
  stop(): Promise<void>;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** True while the process runs. */
  alive(): boolean;
}

/** CPU time of a process in seconds: user, system (kernel) and their sum. */
export interface CpuSeconds {
  user: number;
  system: number;
  total: number;
}

export interface ServiceOptions {
  /** Environment for the service on top of this process's (DATABASE_URL, WORKFLOWS_DIR, …); undefined removes a variable. */
  env: Record<string, string | undefined>;
  /** Fixed port; default a free one. */
  port?: number;
  /** How long to wait for /health to answer 200. */
  readyTimeoutMs?: number;
  /** Script to run instead of the service (it must answer `GET /health` with 200 when ready). */
  entry?: string;
  /** Node options before the script, e.g. `--import` of a profiler. */
  nodeArgs?: string[];
}

export const SERVICE_ENTRY = resolve('dist/src/main.js');

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Starts the built service and waits until `/health` says 200.
 * @throws Error when `dist/` is missing (run `npm run build`), or the process exits or is not ready in time
 */
export async function startService(options: ServiceOptions): Promise<ServiceProcess> {
  const entry = options.entry ?? SERVICE_ENTRY;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  let child: ChildProcess;
  let exited: Promise<void>;
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };

  const launch = async () => {
    child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
      // Load from one token is the point here, so the per-token rate limit is lifted (it has a test of its own).
      env: withoutUnset({
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        RATE_LIMIT_PER_MINUTE: '1000000',
        HISTORY_SIGNING_KEY: TEST_HISTORY_SIGNING_KEY,
        ...options.env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    exited = new Promise((done) => child.once('exit', () => done()));
    const started = Date.now();
    while (Date.now() - started < readyTimeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the service exited during start (${child.exitCode ?? child.signalCode}):\n${log}`);
      if (await healthy(url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    throw new Error(`the service did not answer /health within ${readyTimeoutMs} ms:\n${log}`);
  };

  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (running()) child.kill(signal);
    await exited;
  };

  await launch();
  return {
    url,
    port,
    get pid() {
      return child.pid!;
    },
    rssBytes: () => rssOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    signal: (signal) => {
      child.kill(signal);
    },
    kill,
    restart: launch,
    stop: async () => {
      if (!running()) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await kill('SIGTERM');
      clearTimeout(timer);
    },
    output: () => log,
    alive: running,
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The history signing key of test services (production requires one). */
export const TEST_HISTORY_SIGNING_KEY = 'test-1:a-test-key-of-at-least-thirty-two-characters';

function withoutUnset(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Resident set size of a process in bytes, from `/proc/<pid>/status` (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** CPU seconds a process has used, from `/proc/<pid>/stat` (Linux, 100 ticks a second). */
export function cpuSecondsOf(pid: number): CpuSeconds {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) in parentheses; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]) / CLOCK_TICKS;
  const system = Number(fields[12]) / CLOCK_TICKS;
  return { user, system, total: user + system };
}

/** `getconf CLK_TCK` on Linux, which is 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;
