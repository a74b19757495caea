import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { TOKEN_PREFIX, tokenHash } from '../../src/access/api-tokens.service.js';
import { DEVELOPMENT_TOKEN_FILE } from '../../src/demo/development-data.js';
import type { TestActor } from './test-app.js';

/**
 * Signs a test actor in to a service running in a process of its own on a PostgreSQL server:
 * registers them (and a test organisation named after `actor.organisation`, if none has that name)
 * straight in the service's database, as an administrator would through the registry, and stores
 * an API token for them. The service must have migrated the database (MIGRATE_ON_START=true).
 *
 * @returns the token, to send as `Authorization: Bearer <token>`
 */
export async function tokenInDatabase(databaseUrl: string, actor: TestActor): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into organisations (id, name, kind, org_number, municipality_code, created_at)
       select $1, $2, 'other', null, null, now() where not exists (select 1 from organisations where name = $2)`,
      [randomUUID(), actor.organisation],
    );
    await client.query(
      `insert into people (id, subject, name, email, organisation_id, active, deactivated_at, system_roles)
       select $1, $2, $2, null, o.id, true, null, $3::jsonb from organisations o where o.name = $4
       on conflict (subject) do nothing`,
      [randomUUID(), actor.person, JSON.stringify(actor.systemRoles ?? []), actor.organisation],
    );
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    await client.query(
      `insert into api_tokens (id, name, token_hash, person_id, created_by, created_at)
       select $1, $2, $3, p.id, 'test', now() from people p where p.subject = $4`,
      [randomUUID(), `test ${actor.person}`, tokenHash(token), actor.person],
    );
    await client.query('commit');
    return token;
  } finally {
    await client.end();
  }
}

/**
 * The development administrator's token of a service on the embedded database (no DATABASE_URL,
 * not production), which it writes to its data folder at start.
 */
export function developmentToken(dataDir: string): string {
  return readFileSync(join(dataDir, DEVELOPMENT_TOKEN_FILE), 'utf8').trim();
}
