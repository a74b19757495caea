import { Migration } from '@mikro-orm/migrations';

/**
 * Deadlines and escalations: a deadline per stay of a case in a step with an SLA, the escalation
 * ladder planned with it, the people each fired level told (their in-app inbox), and the outbox of
 * e-mails and webhooks. Foreign keys are deferred to commit, like in the foundation.
 *
 * The scheduler's sweeps read only partial indexes of rows that are still to do (scheduled levels,
 * pending messages), so their cost follows the rows that are due, not the number of open cases.
 */
export class Migration20261128090000Deadlines extends Migration {
  override name = 'Migration20261128090000Deadlines';

  override up(): void {
    const deferred = 'deferrable initially deferred';
    this.addSql(`
      create table deadlines (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        state_id text not null,
        entry_seq integer not null,
        entered_at timestamptz not null,
        sla jsonb not null,
        due_on date not null,
        due_at timestamptz not null,
        closed_at timestamptz,
        closed_seq integer,
        unique (case_id, entry_seq, state_id),
        check ((closed_at is null) = (closed_seq is null))
      )`);
    // GET /cases?stalled=true: open deadlines that have passed.
    this.addSql('create index deadlines_open_due_idx on deadlines (due_at, case_id) where closed_at is null');
    this.addSql(`
      create table escalations (
        id uuid primary key,
        deadline_id uuid not null references deadlines (id) ${deferred},
        case_id uuid not null references cases (id) ${deferred},
        state_id text not null,
        entry_seq integer not null,
        level text not null,
        rung integer not null,
        notify jsonb not null,
        fire_at timestamptz not null,
        status text not null check (status in ('scheduled', 'open', 'acknowledged', 'closed', 'cancelled')),
        claimed_until timestamptz,
        fired_at timestamptz,
        unfilled_roles jsonb,
        acknowledged_at timestamptz,
        acknowledged_by_person text,
        acknowledged_by_organisation text,
        acknowledgement_comment text,
        closed_at timestamptz,
        closed_seq integer,
        -- One level per stay in a step: the key that makes "exactly once" a database fact.
        unique (case_id, entry_seq, state_id, level),
        check ((status = 'scheduled') = (fired_at is null) or status = 'cancelled')
      )`);
    // The sweep: levels still to fire, by when.
    this.addSql(`create index escalations_due_idx on escalations (fire_at) where status = 'scheduled'`);
    this.addSql('create index escalations_case_idx on escalations (case_id)');
    this.addSql(`
      create table escalation_recipients (
        escalation_id uuid not null references escalations (id) ${deferred},
        person_id uuid not null references people (id) ${deferred},
        roles jsonb not null,
        organisation_id uuid not null references organisations (id) ${deferred},
        primary key (escalation_id, person_id)
      )`);
    this.addSql('create index escalation_recipients_person_idx on escalation_recipients (person_id)');
    this.addSql(`
      create table notifications (
        id uuid primary key,
        escalation_id uuid not null references escalations (id) ${deferred},
        case_id uuid not null references cases (id) ${deferred},
        channel text not null check (channel in ('email', 'webhook')),
        recipient_id uuid references people (id) ${deferred},
        recipient_roles jsonb not null,
        target text not null,
        subject text,
        body text not null,
        status text not null check (status in ('pending', 'sent', 'failed')),
        attempts integer not null check (attempts >= 0),
        next_attempt_at timestamptz not null,
        last_error text,
        delivered_via text,
        created_at timestamptz not null,
        sent_at timestamptz,
        -- One message per address (or webhook) and level, whatever happens.
        unique (escalation_id, channel, target)
      )`);
    // The relay: messages still to deliver, by when.
    this.addSql(`create index notifications_due_idx on notifications (next_attempt_at) where status = 'pending'`);
    this.addSql('create index notifications_case_idx on notifications (case_id)');
  }
}
