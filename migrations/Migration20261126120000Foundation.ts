import { Migration } from '@mikro-orm/migrations';

/**
 * The foundation: published workflow versions, cases, their append-only hash-chained history,
 * and idempotency keys. Written by hand (not generated) so the triggers and indexes are explicit.
 */
export class Migration20261126120000Foundation extends Migration {
  override name = 'Migration20261126120000Foundation';

  override up(): void {
    this.addSql(`
      create table workflow_definitions (
        workflow_id text not null,
        version integer not null,
        definition jsonb not null,
        rule_sets jsonb not null,
        hash text not null,
        rules_hash text not null,
        published_at timestamptz not null,
        primary key (workflow_id, version)
      )`);
    this.addSql(`
      create table cases (
        id uuid primary key,
        workflow_id text not null,
        workflow_version integer not null,
        title text not null,
        state jsonb not null,
        active_states text[] not null,
        status text not null check (status in ('active', 'closed')),
        fields jsonb not null,
        version integer not null,
        head_hash text not null,
        state_entered_at timestamptz not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        created_by_person text not null,
        created_by_organisation text not null,
        foreign key (workflow_id, workflow_version) references workflow_definitions (workflow_id, version) deferrable initially deferred
      )`);
    this.addSql('create index cases_active_states_idx on cases using gin (active_states)');
    this.addSql('create index cases_workflow_idx on cases (workflow_id, workflow_version)');
    this.addSql('create index cases_updated_at_idx on cases (updated_at desc, id)');
    this.addSql(`
      create table audit_events (
        case_id uuid not null references cases (id) deferrable initially deferred,
        seq integer not null check (seq >= 1),
        type text not null,
        occurred_at timestamptz not null,
        actor_kind text not null check (actor_kind in ('person', 'system')),
        actor_person text not null,
        actor_organisation text not null,
        payload jsonb not null,
        prev_hash text,
        hash text not null,
        primary key (case_id, seq)
      )`);
    // The history is append-only: the database itself refuses to change or remove an entry.
    this.addSql(`
      create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit events are append-only: % is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end
      $$`);
    this.addSql(`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`);
    this.addSql(`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`);
    this.addSql(`
      create table idempotency_keys (
        scope text not null,
        key text not null,
        request_hash text not null,
        status integer not null,
        body text not null,
        created_at timestamptz not null,
        primary key (scope, key)
      )`);
  }
}
