import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../../src/app.js';
import { ManualClock } from '../../src/common/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { DatabaseTarget } from '../../src/config/database.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Someone acting on a case, sent as the development actor headers. */
export interface TestActor {
  person: string;
  organisation: string;
  roles: string[];
}

export const SECRETARIAT: TestActor = { person: 'anna.svensson', organisation: '2021006883', roles: ['secretariat'] };
export const STEERING_GROUP: TestActor = { person: 'per.holm', organisation: '2021006883', roles: ['steeringGroup'] };
export const MEMBER: TestActor = { person: 'lena.ek', organisation: '2120000548', roles: ['member'] };

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
  as?: TestActor | null;
}

/** The whole service on a port of its own, against its own fresh database, with a clock tests move. */
export interface TestApp {
  app: NestExpressApplication;
  url: string;
  clock: ManualClock;
  orm: MikroORM;
  db: TestDatabase;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  workflowsDir?: string;
  rulesDir?: string;
  /** Reuse a database (e.g. to restart the service on the same data). */
  database?: { target: DatabaseTarget; db: TestDatabase };
  clock?: ManualClock;
  /** Settings besides the defaults (SMTP, webhooks, …). */
  config?: Partial<AppConfig>;
}

/** Starts the real application (createApp, as main.ts does) over HTTP on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.database?.db ?? (await createTestDatabase());
  const target = options.database?.target ?? db.target;
  const clock = options.clock ?? new ManualClock('2026-11-26T09:00:00+01:00');
  const config = {
    ...loadConfig({}),
    ...(options.workflowsDir ? { workflowsDir: options.workflowsDir } : {}),
    ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}),
    ...options.config,
  };
  const app = await createApp({ config, database: target, clock, migrate: true, scheduler: false, logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    clock,
    orm: app.get(MikroORM),
    db,
    request: (method, path, opts = {}) => request(url, method, path, opts),
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}

/** One HTTP request with the development actor headers (SECRETARIAT unless `as` says otherwise). */
export async function request<T = any>(base: string, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const actor = options.as === undefined ? SECRETARIAT : options.as;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (actor) {
    headers['x-actor-person'] = actor.person;
    headers['x-actor-organisation'] = actor.organisation;
    headers['x-actor-roles'] = actor.roles.join(',');
  }
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}
