import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { ApiTokensService } from '../../src/access/api-tokens.service.js';
import { OrganisationRecord, PersonRecord } from '../../src/registry/organisation.entity.js';
import { findOrganisation } from '../../src/governance/organisation-lookup.js';
import { createApp } from '../../src/app.js';
import { ManualClock } from '../../src/common/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { DatabaseTarget } from '../../src/config/database.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * Someone calling the API. The test app registers them (and their organisation, if the registry
 * does not know it) and signs them in with an API token of their own.
 */
export interface TestActor {
  /** Their identity (`people.subject`). */
  person: string;
  /** Their organisation: a registry id, a municipality/region code, an organisation number, or a name for a new test organisation. */
  organisation: string;
  /** administrator, processOwner */
  systemRoles?: string[];
}

/**
 * The foundation's field-gated lifecycle (see test/fixtures/field-lifecycle/README.md), for tests
 * of the engine itself.
 */
export const FIELD_LIFECYCLE = { workflowsDir: 'test/fixtures/field-lifecycle/workflows', rulesDir: 'test/fixtures/field-lifecycle/rules' };

/** Starts cases (and so holds their secretariat role), in a test organisation of its own. */
export const SECRETARIAT: TestActor = { person: 'anna.svensson', organisation: 'Testkommunen' };
/** A colleague in the same organisation; holds the roles a test assigns. */
export const STEERING_GROUP: TestActor = { person: 'per.holm', organisation: 'Testkommunen' };
/** Someone of another organisation. */
export const MEMBER: TestActor = { person: 'lena.ek', organisation: 'Grannkommunen' };
/** An administrator (system roles administrator and process owner). */
export const ADMINISTRATOR: TestActor = { person: 'admin', organisation: 'Driftorganisationen', systemRoles: ['administrator', 'processOwner'] };

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
  /** The API token of a test actor (registered on first use). */
  token(actor: TestActor): Promise<string>;
  /** The registry ids of a test actor: person and organisation. */
  identity(actor: TestActor): Promise<{ personId: string; organisationId: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  workflowsDir?: string;
  rulesDir?: string;
  /** Reuse a database (e.g. to restart the service on the same data). */
  database?: { target: DatabaseTarget; db: TestDatabase };
  clock?: ManualClock;
  /** Settings to override (the rest come from an empty environment). */
  config?: Partial<AppConfig>;
  /** Turn request logging on, written here. */
  logStream?: NodeJS.WritableStream;
  /** Who requests without `as` are made as (SECRETARIAT unless given). */
  defaultActor?: TestActor;
  /** Run the timed jobs as a deployed instance does (off by default: tests call the jobs after moving the clock). */
  scheduler?: boolean;
}

/** The key the test app signs the history with (tests that check signatures sign with it too). */
export const TEST_HISTORY_SIGNING_KEYS = { current: { id: 'test-1', secret: 'a-test-key-of-at-least-thirty-two-characters' }, old: [] };

/** Starts the real application (createApp, as main.ts does) over HTTP on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.database?.db ?? (await createTestDatabase());
  const target = options.database?.target ?? db.target;
  const clock = options.clock ?? new ManualClock('2026-11-26T09:00:00+01:00');
  const config = {
    ...loadConfig({}),
    // Tests send thousands of requests with one token; the rate limit has a test of its own.
    rateLimitPerMinute: 1_000_000,
    // The history is signed with a key from the configuration, as in production.
    historySigning: TEST_HISTORY_SIGNING_KEYS,
    ...(options.workflowsDir ? { workflowsDir: options.workflowsDir } : {}),
    ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}),
    ...options.config,
  };
  const app = await createApp({
    config,
    database: target,
    clock,
    migrate: true,
    scheduler: options.scheduler ?? false,
    logger: false,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const identities = new TestIdentities(app);
  return {
    app,
    url,
    clock,
    orm: app.get(MikroORM),
    db,
    request: async (method, path, opts = {}) => {
      const actor = opts.as === undefined ? (options.defaultActor ?? SECRETARIAT) : opts.as;
      return request(url, method, path, { ...opts, ...(actor ? { token: await identities.token(actor) } : {}) });
    },
    token: (actor) => identities.token(actor),
    identity: (actor) => identities.identity(actor),
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}

/**
 * Registers test actors in the app's registry and issues them API tokens, directly through the
 * services (a test is its own administrator). An organisation the registry does not know is
 * created as a test organisation named after the reference.
 */
class TestIdentities {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly ids = new Map<string, Promise<{ personId: string; organisationId: string }>>();

  constructor(private readonly app: NestExpressApplication) {}

  token(actor: TestActor): Promise<string> {
    const key = `${actor.person}@${actor.organisation}`;
    if (!this.tokens.has(key)) {
      this.tokens.set(
        key,
        this.identity(actor).then(
          async ({ personId }) => (await this.app.get(ApiTokensService).issue({ name: `test ${actor.person}`, personId }, 'test')).token,
        ),
      );
    }
    return this.tokens.get(key)!;
  }

  identity(actor: TestActor): Promise<{ personId: string; organisationId: string }> {
    const key = `${actor.person}@${actor.organisation}`;
    if (!this.ids.has(key)) this.ids.set(key, this.register(actor));
    return this.ids.get(key)!;
  }

  private async register(actor: TestActor): Promise<{ personId: string; organisationId: string }> {
    const em = this.app.get(MikroORM).em.fork();
    const organisation =
      (await findOrganisation(em, actor.organisation)) ??
      (await em.findOne(OrganisationRecord, { name: actor.organisation })) ??
      em.create(OrganisationRecord, {
        id: randomUUID(),
        name: actor.organisation,
        kind: 'other',
        orgNumber: null,
        municipalityCode: null,
        createdAt: new Date(0),
      });
    const person =
      (await em.findOne(PersonRecord, { subject: actor.person })) ??
      em.create(PersonRecord, {
        id: randomUUID(),
        subject: actor.person,
        name: actor.person,
        email: `${actor.person}@example.org`,
        organisationId: organisation.id,
        active: true,
        deactivatedAt: null,
        systemRoles: actor.systemRoles ?? [],
      });
    await em.flush();
    return { personId: person.id, organisationId: organisation.id };
  }
}

/** One HTTP request, signed in with `token` when given. */
export async function request<T = any>(base: string, method: string, path: string, options: RequestOptions & { token?: string } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
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
