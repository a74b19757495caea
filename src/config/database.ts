import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Options } from '@mikro-orm/postgresql';

/**
 * Where the data lives: a PostgreSQL server, or PostgreSQL embedded in the process (PGlite).
 * Both are reached through the same MikroORM PostgreSQL driver, config and migrations.
 */
export interface DatabaseTarget {
  kind: 'postgresql' | 'embedded';
  /** Where, for logs, without credentials. */
  description: string;
  /** The connection part of the MikroORM options. */
  connectionOptions: Partial<Options>;
  /** Releases what this target owns (the embedded database and its lock file). Idempotent. */
  close(): Promise<void>;
}

/**
 * How long a query may wait for a free connection. Without a limit, a transaction that waits on a
 * second connection of the one-connection embedded pool would hang for ever.
 */
const ACQUIRE_TIMEOUT_MS = 10_000;

/** A PostgreSQL server, from a `postgres://` URL. */
export function postgresTarget(url: string, poolSize: number): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)');
  }
  return {
    kind: 'postgresql',
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    connectionOptions: {
      clientUrl: url,
      pool: { min: 0, max: poolSize, idleTimeoutMillis: 30_000 },
      driverOptions: () => ({ connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS }),
    },
    close: async () => {},
  };
}

/**
 * PostgreSQL embedded in this process (PGlite, PostgreSQL compiled to WebAssembly), reached
 * through PGlite's node-postgres adapter with a pool of exactly one connection: PGlite has a single
 * session, so two pooled connections would interleave their transactions.
 *
 * @param dataDir folder for the files (created if missing, locked against a second process);
 *                undefined keeps everything in memory (tests).
 */
export async function embeddedTarget(dataDir: string | undefined): Promise<DatabaseTarget> {
  let release = () => {};
  let pglite: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true }); // PGlite does not create the parent folder itself
    release = lockDataDir(dataDir);
    try {
      pglite = await PGlite.create(join(dataDir, 'pglite'));
    } catch (error) {
      release();
      throw error;
    }
  } else {
    pglite = await PGlite.create();
  }
  let closed = false;
  return {
    kind: 'embedded',
    description: dataDir ? `embedded PostgreSQL (PGlite) in ${dataDir}` : 'embedded PostgreSQL (PGlite) in memory',
    connectionOptions: {
      dbName: 'postgres',
      pool: { min: 1, max: 1 },
      // A function, so that MikroORM's deep copy of its options does not copy the live connection.
      driverOptions: () => ({ ...createPgConfig(pglite), connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS, idleTimeoutMillis: 0 }),
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
      release();
    },
  };
}

/**
 * Keeps a second process from opening the same embedded database, which would corrupt it:
 * PGlite itself does not lock its files. A lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'pglite.lock');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    // Our own pid counts too: a second embedded database on the same folder in this process is as bad.
    if (holder && isRunning(holder)) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${holder}; stop it first, or set DATA_DIR to another folder`);
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
