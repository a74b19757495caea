import { Migration } from '@mikro-orm/migrations';

/**
 * A digest of each board decision's words (see `textDigest` in src/governance/decision-text.ts),
 * written with the decision, so that a gate over hundreds of boards learns which texts equal the
 * reference without reading and comparing them all. Rows recorded before it have none and are
 * compared word by word, as before.
 */
export class Migration20261129090000DecisionDigests extends Migration {
  override name = 'Migration20261129090000DecisionDigests';

  override up(): void {
    this.addSql('alter table board_decisions add column text_digest text');
  }
}
