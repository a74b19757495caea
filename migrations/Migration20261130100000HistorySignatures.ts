import { Migration } from '@mikro-orm/migrations';

/**
 * History events are signed (HMAC-SHA256 of their hash with a key from the configuration, which the
 * database does not hold; docs/access-and-security.md). Events written before this migration stay unsigned:
 * `history/verify` counts them as written before signing began. Adding nullable columns rewrites no
 * row, so the append-only trigger is not involved.
 */
export class Migration20261130100000HistorySignatures extends Migration {
  override name = 'Migration20261130100000HistorySignatures';

  override up(): void {
    this.addSql('alter table audit_events add column signature_key_id text null, add column signature text null');
    this.addSql(`alter table audit_events add constraint audit_events_signature_whole check ((signature_key_id is null) = (signature is null))`);
  }
}
