import { Migration } from '@mikro-orm/migrations';

/**
 * Access: API tokens (stored as hashes) and the system roles of people (administrator, process
 * owner of workflow definitions).
 */
export class Migration20261128090000Access extends Migration {
  override name = 'Migration20261128090000Access';

  override up(): void {
    this.addSql(`alter table people add column system_roles jsonb not null default '[]'`);
    this.addSql(`
      create table api_tokens (
        id uuid primary key,
        name text not null,
        token_hash text not null unique,
        person_id uuid not null references people (id) deferrable initially deferred,
        created_by text not null,
        created_at timestamptz not null,
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
  }
}
