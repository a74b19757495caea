import { pathToFileURL } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config/app-config.js';
import { embeddedTarget, postgresTarget } from '../config/database.js';
import { ormOptions } from '../database/orm-config.js';

/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL (or to the embedded database in
 * DATA_DIR) and says which. The service never migrates a PostgreSQL server at start unless
 * MIGRATE_ON_START=true, so a deployment decides when the schema changes.
 */
export async function runMigrate(print: (line: string) => void): Promise<void> {
  const config = loadConfig();
  const target = config.databaseUrl ? postgresTarget(config.databaseUrl, 2) : await embeddedTarget(config.dataDir);
  const orm = await MikroORM.init({ ...ormOptions(target), logger: () => {} });
  try {
    const applied = await orm.migrator.up();
    print(
      applied.length
        ? `applied ${applied.length} migration(s) to ${target.description}: ${applied.map((m) => m.name).join(', ')}`
        : `${target.description} is up to date`,
    );
  } finally {
    await orm.close();
    await target.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMigrate((line) => console.log(line)).catch((error: unknown) => {
    console.error('migration failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
