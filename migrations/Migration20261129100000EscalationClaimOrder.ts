import { Migration } from '@mikro-orm/migrations';

/**
 * The sweep claims the next due level `order by fire_at, id limit 1`. Levels of cases that entered
 * a step together fall due at the same instant, and with the index on `fire_at` alone every claim
 * read and sorted all of them (B4: ~3,100 buffers a claim with 1,000 due). On `(fire_at, id)` the
 * claim reads the index in its order and stops at the first free level.
 */
export class Migration20261129100000EscalationClaimOrder extends Migration {
  override name = 'Migration20261129100000EscalationClaimOrder';

  override up(): void {
    this.addSql('drop index escalations_due_idx');
    this.addSql(`create index escalations_due_idx on escalations (fire_at, id) where status = 'scheduled'`);
  }
}
