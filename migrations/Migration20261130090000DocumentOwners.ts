import { Migration } from '@mikro-orm/migrations';

/**
 * The party each document is of (docs/access-and-security.md, "Acting for an organisation"): the party whose registry
 * holds it, or else the party that added it. Only that party's secretariat — or, on its behalf,
 * those who run the case — stores the document's file. Documents added before are given the
 * registry's organisation, or the organisation of whoever added them (from the history) where that
 * is a party; the rest stay without a party and count as the case's own.
 */
export class Migration20261130090000DocumentOwners extends Migration {
  override name = 'Migration20261130090000DocumentOwners';

  override up(): void {
    this.addSql('alter table documents add column organisation_id uuid references organisations (id) deferrable initially deferred');
    this.addSql(`
      update documents d set organisation_id = coalesce(d.registry_organisation_id, (
        select p.organisation_id from audit_events a
          join case_parties p on p.case_id = a.case_id and p.organisation_id::text = a.actor_organisation
         where a.case_id = d.case_id and a.type = 'document.added' and a.payload -> 'document' ->> 'id' = d.id::text
         limit 1))`);
  }
}
