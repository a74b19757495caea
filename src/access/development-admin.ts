import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CLOCK, type Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { OrganisationRecord, PersonRecord } from '../registry/organisation.entity.js';
import { ApiTokenRecord } from './api-token.entity.js';
import { ApiTokensService } from './api-tokens.service.js';

/** Where `npm start` keeps the development administrator's token, in DATA_DIR. */
export const DEVELOPMENT_TOKEN_FILE = 'dev-token.txt';

/** The identity of the development administrator. */
export const DEVELOPMENT_ADMIN_SUBJECT = 'dev.admin';

/**
 * `created_by` of a development token: what marks it as one (tokens made before expiry and
 * revocation existed carry it too, so production refuses them as well).
 */
export const DEVELOPMENT_TOKEN_CREATOR = 'npm start (development)';

/** How long a development token is valid after it is made. */
export const DEVELOPMENT_TOKEN_HOURS = 12;

/** A kept token with less than this left is replaced at start rather than reused. */
const RENEW_WHEN_LEFT_MS = 3_600_000;

/**
 * An administrator (and process owner of definitions) to sign in with on the embedded development
 * database, with a new API token valid {@link DEVELOPMENT_TOKEN_HOURS} hours. Every earlier
 * development token is revoked: there is one at a time. Refused in production.
 */
export async function developmentAdministrator(app: INestApplicationContext): Promise<{ token: string; personId: string; expiresAt: Date }> {
  if (app.get<AppConfig>(APP_CONFIG).production) throw new Error('no development administrator in production (NODE_ENV=production)');
  const em = app.get(MikroORM).em.fork();
  const now = app.get<Clock>(CLOCK).now();
  const organisation =
    (await em.findOne(OrganisationRecord, { name: 'Utvecklingsmiljön' })) ??
    em.create(OrganisationRecord, {
      id: randomUUID(),
      name: 'Utvecklingsmiljön',
      kind: 'other',
      orgNumber: null,
      municipalityCode: null,
      createdAt: new Date(0),
    });
  const person =
    (await em.findOne(PersonRecord, { subject: DEVELOPMENT_ADMIN_SUBJECT })) ??
    em.create(PersonRecord, {
      id: randomUUID(),
      subject: DEVELOPMENT_ADMIN_SUBJECT,
      name: 'Utvecklingsadministratör',
      email: null,
      organisationId: organisation.id,
      active: true,
      deactivatedAt: null,
      systemRoles: ['administrator', 'processOwner'],
    });
  await em.flush();
  await em.nativeUpdate(ApiTokenRecord, { createdBy: DEVELOPMENT_TOKEN_CREATOR, revokedAt: null }, { revokedAt: now });
  const expiresAt = new Date(now.getTime() + DEVELOPMENT_TOKEN_HOURS * 3_600_000);
  const { token } = await app.get(ApiTokensService).issue({ name: 'development administrator', personId: person.id, expiresAt }, DEVELOPMENT_TOKEN_CREATOR);
  return { token, personId: person.id, expiresAt };
}

/**
 * The development token `npm start` offers, kept in `DATA_DIR/dev-token.txt`: the kept one while it
 * is valid for at least another hour, else a new one (written there, the older ones revoked).
 *
 * @returns the token, and whether it is new (only a new one is printed)
 */
export async function developmentToken(app: INestApplicationContext, dataDir: string): Promise<{ token: string; fresh: boolean; expiresAt: Date }> {
  const file = join(dataDir, DEVELOPMENT_TOKEN_FILE);
  const kept = readKept(file);
  if (kept) {
    const validUntil = await app.get(ApiTokensService).developmentTokenExpiry(kept, DEVELOPMENT_TOKEN_CREATOR);
    if (validUntil && validUntil.getTime() - app.get<Clock>(CLOCK).now().getTime() >= RENEW_WHEN_LEFT_MS)
      return { token: kept, fresh: false, expiresAt: validUntil };
  }
  const { token, expiresAt } = await developmentAdministrator(app);
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, fresh: true, expiresAt };
}

function readKept(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
