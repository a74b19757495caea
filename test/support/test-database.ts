import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { embeddedTarget, postgresTarget, type DatabaseTarget } from '../../src/config/database.js';

/** A database of its own for one test file: real PostgreSQL when DATABASE_URL is set, else PGlite. */
export interface TestDatabase {
  target: DatabaseTarget;
  /** The connection string of this test database (PostgreSQL only). */
  url: string | undefined;
  /** Closes and, on a server, drops the database. */
  drop(): Promise<void>;
}

/** How to name the database (a random suffix is always added) and how many connections to pool. */
export interface TestDatabaseOptions {
  prefix?: string;
  poolSize?: number;
}

/**
 * Creates a fresh, empty database for a test file, so test files never see each other's data and
 * can run in parallel. On a PostgreSQL server: `CREATE DATABASE samverkan_test_<random>`, dropped
 * afterwards. Without DATABASE_URL: an in-memory PGlite, which is real PostgreSQL too.
 */
export async function createTestDatabase({ prefix = 'samverkan_test', poolSize = 8 }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const target = await embeddedTarget(undefined);
    return { target, url: undefined, drop: () => target.close() };
  }
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`not a safe database name prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const target = postgresTarget(url.toString(), poolSize);
  return {
    target,
    url: url.toString(),
    drop: async () => {
      await target.close();
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A plain `pg` pool on a test database, for checks behind the service's back. It ignores errors of
 * idle connections: `pool.end()` resolves before its sockets are closed, so dropping the database
 * right after (`with (force)`) can end a connection that is still closing, and an `'error'` event
 * without a listener would end the process.
 */
export function openPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  return pool;
}
