import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { MIGRATIONS } from '../../migrations/index.js';
import type { DatabaseTarget } from '../config/database.js';
import { ENTITIES } from './entities.js';

/**
 * The MikroORM options, shared by the service, the CLI (`npm run migrate`) and the tests, so there
 * is one configuration whatever the database is.
 */
export function ormOptions(target: DatabaseTarget): Options {
  return defineConfig({
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // Every unit of work is an explicit fork; the global EntityManager is never used for work.
    allowGlobalContext: false,
    debug: false,
    ...target.connectionOptions,
  });
}
