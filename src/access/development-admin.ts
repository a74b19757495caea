import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { OrganisationRecord, PersonRecord } from '../governance/organisation.entity.js';
import { ApiTokensService } from './api-tokens.service.js';

/** The identity of the development administrator. */
export const DEVELOPMENT_ADMIN_SUBJECT = 'dev.admin';

/**
 * An administrator (and process owner of definitions) to sign in with on the embedded
 * development database, with a new API token. Never called in production: the caller checks.
 */
export async function developmentAdministrator(app: INestApplicationContext): Promise<{ token: string; personId: string }> {
  const em = app.get(MikroORM).em.fork();
  const organisation =
    (await em.findOne(OrganisationRecord, { name: 'Utvecklingsmiljön' })) ??
    em.create(OrganisationRecord, { id: randomUUID(), name: 'Utvecklingsmiljön', kind: 'other', orgNumber: null, municipalityCode: null, createdAt: new Date(0) });
  const person =
    (await em.findOne(PersonRecord, { subject: DEVELOPMENT_ADMIN_SUBJECT })) ??
    em.create(PersonRecord, { id: randomUUID(), subject: DEVELOPMENT_ADMIN_SUBJECT, name: 'Utvecklingsadministratör', email: null, organisationId: organisation.id, active: true, deactivatedAt: null, systemRoles: ['administrator', 'processOwner'] });
  await em.flush();
  const { token } = await app.get(ApiTokensService).issue({ name: 'development administrator', personId: person.id }, 'npm start (development)');
  return { token, personId: person.id };
}
