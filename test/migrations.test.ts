import { readdirSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { MIGRATIONS } from '../migrations/index.js';
import { ormOptions } from '../src/database/orm-config.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({ ...ormOptions(db.target), logger: () => {} });
    await orm.migrator.up();
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  it('lists every migration file of the folder', () => {
    const files = readdirSync('migrations')
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(MIGRATIONS.map((m) => m.name).sort()).toEqual(files.sort());
  });

  it('are listed in the order of their timestamps, and no new one shares a timestamp', () => {
    const stamp = (name: string) => name.match(/^Migration(\d{14})/)![1]!;
    const stamps = MIGRATIONS.map((m) => stamp(m.name));
    expect(stamps).toEqual([...stamps].sort());
    // Two early migrations share 20261128090000. They stay as they are: the database remembers a
    // migration by its name, so renaming one that has run would run it again. Any other pair fails.
    const shared = stamps.filter((s, i) => stamps.indexOf(s) !== i);
    expect(shared).toEqual(['20261128090000']);
  });

  it('create the tables and columns the entities describe', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true });
    // Foreign keys, checks and indexes are written by hand in the migrations and not repeated in
    // the entity schemas, so the ORM would drop them; every other difference is a real drift.
    const drift = diff
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/drop (constraint|index)/.test(line));
    expect(drift).toEqual([]);
  });

  it('make the history append-only in the database itself', async () => {
    const conn = orm.em.fork().getConnection();
    await conn.execute(`insert into workflow_definitions values ('w', 1, '{}', '{}', 'h', 'r', now())`);
    await conn.execute(
      `insert into cases values ('00000000-0000-4000-8000-000000000001', 'w', 1, 't', '{}', '{}', 'active', '{}', 1, 'h', now(), now(), now(), 'p', 'o')`,
    );
    await conn.execute(
      `insert into audit_events values ('00000000-0000-4000-8000-000000000001', 1, 'case.created', now(), 'person', 'p', 'o', '{}', null, 'h')`,
    );
    await expect(conn.execute(`update audit_events set type = 'x'`)).rejects.toThrow(/append-only: UPDATE is not allowed/);
    await expect(conn.execute(`delete from audit_events`)).rejects.toThrow(/append-only: DELETE is not allowed/);
    await expect(conn.execute(`truncate audit_events`)).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    const rows = await conn.execute(`select count(*)::int as n from audit_events`);
    expect(rows[0].n).toBe(1);
  });
});
