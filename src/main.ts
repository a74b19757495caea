import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { loadConfig } from './config/app-config.js';
import { embeddedTarget, postgresTarget, type DatabaseTarget } from './config/database.js';
import { InvalidDefinitionsError } from './definitions/definition-error.js';
import { join } from 'node:path';
import { developmentToken } from './access/development-admin.js';
import { DEVELOPMENT_TOKEN_FILE, seedDevelopmentData } from './demo/development-data.js';

/**
 * Starts the service. With DATABASE_URL: that PostgreSQL server (migrated with `npm run migrate`,
 * or at start with MIGRATE_ON_START=true). Without: an embedded PostgreSQL in ./data that migrates
 * itself.
 */
async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = loadConfig();
  const database: DatabaseTarget = config.databaseUrl ? postgresTarget(config.databaseUrl, config.dbPoolSize) : await embeddedTarget(config.dataDir);
  try {
    const app = await createApp({ config, database, migrate: database.kind === 'embedded' || config.migrateOnStart, scheduler: config.schedulerEnabled });
    app.enableShutdownHooks();
    await app.listen(config.port, config.host);
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    if (database.kind === 'embedded' && !config.production) {
      // Development only: an administrator token (one at a time, 12 hours, kept in the data folder
      // and printed only when new), and demo data.
      const { token, fresh, expiresAt } = await developmentToken(app, config.dataDir);
      await seedDevelopmentData(app, url, token, config.seedDemo);
      const file = join(config.dataDir, DEVELOPMENT_TOKEN_FILE);
      console.log(
        fresh
          ? `\nWeb interface: ${url}/  (sign in with the token below)\n` +
              `Development administrator token, new, valid until ${expiresAt.toISOString()} (also in ${file}):\n  ${token}\n` +
              `Try: curl -H "Authorization: Bearer ${token}" ${url}/cases\n`
          : `\nWeb interface: ${url}/  (sign in with the development token)\n` +
              `Development administrator token: unchanged, in ${file} (valid until ${expiresAt.toISOString()}; not printed again)\n`,
      );
    }
    logger.log(`Samverkan is listening on ${url} (web interface: ${url}/app/, API docs: ${url}/docs) with ${database.description}`);
  } catch (error) {
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  // A definition problem is the process owner's to fix: show the list, not a stack trace.
  if (error instanceof InvalidDefinitionsError) console.error(`Samverkan cannot start.\n${error.message}`);
  else console.error('Samverkan cannot start:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
