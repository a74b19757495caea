import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/postgresql';
import { CaseRecord } from '../cases/case.entity.js';
import { RegistryService } from '../governance/registry.service.js';
import { SCENARIOS } from './scenarios.js';
import { Walk } from './walk.js';

/** Where `npm start` keeps the development administrator's token, in DATA_DIR (declared by access/development-admin.ts, which writes it). */
export { DEVELOPMENT_TOKEN_FILE } from '../access/development-admin.js';

/**
 * On the embedded development database (never in production): the seed's organisations, and, on a
 * database without cases, the four seed cases walked to follow-up, so there is something to look
 * at after the first `npm start`. The development administrator runs them with the leading
 * organisation: their organisation ("Utvecklingsmiljön") joins each case as a leading party and
 * they hold its secretariat role there (and the case's process owner role), so signing in with the
 * development token shows the steps and tasks one can do. Done over the service's own HTTP API,
 * like any client, so each case's history says so.
 */
export async function seedDevelopmentData(app: NestExpressApplication, url: string, token: string, demoCases: boolean): Promise<void> {
  const logger = new Logger('DevelopmentData');
  await app.get(RegistryService).seed();
  const cases = await app.get(MikroORM).em.fork().count(CaseRecord, {});
  if (cases > 0 || !demoCases) return;
  const me = await new Walk(url, token, () => {}).admin.get<{ person: { id: string }; organisation: { id: string } }>('/me');
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    const walk = new Walk(url, token, () => {});
    await scenario(walk);
    // The development administrator (who signs in to the web interface with the development token)
    // runs the demo cases with their leading party: their organisation leads too (it decides and
    // signs nothing), and they hold its secretariat, the role the workflows let send their events,
    // and the case's process owner role.
    await walk.api.post(`/cases/${walk.caseId}/parties`, { organisationId: me.organisation.id, responsibilities: ['leads'], mustSign: false });
    await walk.api.post(`/cases/${walk.caseId}/roles`, { role: 'secretariat', organisationId: me.organisation.id, holderId: me.person.id });
    await walk.api.post(`/cases/${walk.caseId}/roles`, { role: 'processOwner', organisationId: me.organisation.id, holderId: me.person.id });
    logger.log(`demo case "${name}" walked to follow-up: GET /cases/${walk.caseId}`);
  }
}
