import { Migration } from '@mikro-orm/migrations';

/**
 * Governance: the organisation registry (organisations, boards, people), and per case its parties,
 * roles, chair rotation, board decisions, goals and measurements, resources, actions and documents.
 * Foreign keys are deferred to commit, like in the foundation.
 */
export class Migration20261127090000Governance extends Migration {
  override name = 'Migration20261127090000Governance';

  override up(): void {
    const deferred = 'deferrable initially deferred';
    // A replayed answer carries the ETag (case version) of the first one.
    this.addSql('alter table idempotency_keys add column etag text');
    this.addSql(`
      create table organisations (
        id uuid primary key,
        name text not null,
        kind text not null check (kind in ('municipality', 'region', 'stateAgency', 'university', 'business', 'civilSociety', 'other')),
        org_number text unique,
        municipality_code text unique,
        created_at timestamptz not null
      )`);
    this.addSql(`
      create table boards (
        id uuid primary key,
        organisation_id uuid not null references organisations (id) ${deferred},
        name text not null,
        kind text not null check (kind in ('council', 'executive', 'committee')),
        unique (organisation_id, name)
      )`);
    this.addSql(`
      create table people (
        id uuid primary key,
        subject text not null unique,
        name text not null,
        email text,
        organisation_id uuid not null references organisations (id) ${deferred},
        active boolean not null,
        deactivated_at timestamptz
      )`);
    this.addSql(`
      create table case_parties (
        case_id uuid not null references cases (id) ${deferred},
        organisation_id uuid not null references organisations (id) ${deferred},
        responsibilities jsonb not null,
        must_sign boolean not null,
        benefit text,
        added_at timestamptz not null,
        added_seq integer not null,
        primary key (case_id, organisation_id)
      )`);
    this.addSql(`
      create table case_roles (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        role text not null,
        organisation_id uuid not null,
        holder_id uuid references people (id) ${deferred},
        deputy_id uuid references people (id) ${deferred},
        required boolean not null,
        vacant_since timestamptz,
        foreign key (case_id, organisation_id) references case_parties (case_id, organisation_id) ${deferred}
      )`);
    this.addSql('create index case_roles_case_idx on case_roles (case_id)');
    this.addSql('create index case_roles_holder_idx on case_roles (holder_id)');
    this.addSql('create index case_roles_deputy_idx on case_roles (deputy_id)');
    this.addSql(`
      create table chair_rotations (
        case_id uuid primary key references cases (id) ${deferred},
        entries jsonb not null,
        period_months integer not null check (period_months >= 1),
        current_index integer not null,
        next_rotation_on date not null
      )`);
    this.addSql('create index chair_rotations_due_idx on chair_rotations (next_rotation_on)');
    this.addSql(`
      create table decision_points (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        key text not null,
        title text not null,
        reference_text text not null,
        board_ids jsonb not null,
        created_at timestamptz not null,
        unique (case_id, key)
      )`);
    this.addSql(`
      create table board_decisions (
        id uuid primary key,
        decision_point_id uuid not null references decision_points (id) ${deferred},
        board_id uuid not null references boards (id) ${deferred},
        status text not null check (status in ('proposed', 'decided', 'minutesApproved', 'announced', 'appealed', 'rejected')),
        text text,
        meeting_date date,
        minutes_paragraph text,
        minutes_approved_date date,
        announced_date date,
        appeal_deadline date,
        updated_at timestamptz not null,
        unique (decision_point_id, board_id)
      )`);
    this.addSql(`
      create table goals (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        title text not null,
        kpi text,
        indicator_name text,
        unit text,
        municipality_code text,
        organisation_id uuid references organisations (id) ${deferred},
        baseline_value double precision,
        baseline_year integer,
        target_kind text check (target_kind in ('absolute', 'relative')),
        target_value double precision,
        target_year integer,
        direction text check (direction in ('decrease', 'increase')),
        created_at timestamptz not null
      )`);
    this.addSql('create index goals_case_idx on goals (case_id)');
    this.addSql(`
      create table goal_measurements (
        goal_id uuid not null references goals (id) ${deferred},
        period integer not null,
        value double precision not null,
        source text not null check (source in ('manual', 'kolada-file', 'kolada-api')),
        recorded_at timestamptz not null,
        primary key (goal_id, period)
      )`);
    this.addSql(`
      create table resource_commitments (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        organisation_id uuid not null references organisations (id) ${deferred},
        kind text not null check (kind in ('money', 'staff', 'premises', 'other')),
        amount double precision,
        unit text,
        description text,
        period_start date,
        period_end date,
        created_at timestamptz not null
      )`);
    this.addSql('create index resource_commitments_case_idx on resource_commitments (case_id)');
    this.addSql(`
      create table actions (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        title text not null,
        responsible_organisation_id uuid references organisations (id) ${deferred},
        due_date date,
        status text not null check (status in ('planned', 'inProgress', 'done', 'cancelled')),
        subgroup jsonb not null,
        goal_id uuid references goals (id) ${deferred},
        created_at timestamptz not null
      )`);
    this.addSql('create index actions_case_idx on actions (case_id)');
    this.addSql(`
      create table documents (
        id uuid primary key,
        case_id uuid not null references cases (id) ${deferred},
        title text not null,
        kind text not null,
        registry_organisation_id uuid references organisations (id) ${deferred},
        registration_number text,
        link text,
        file_name text,
        file_type text,
        file_size integer,
        file_sha256 text,
        confidential boolean not null,
        visible_to jsonb not null,
        created_at timestamptz not null
      )`);
    this.addSql('create index documents_case_idx on documents (case_id)');
    this.addSql(`
      create table document_files (
        document_id uuid primary key references documents (id) ${deferred},
        content bytea not null
      )`);
    this.addSql(`
      create table document_signatures (
        document_id uuid not null references documents (id) ${deferred},
        organisation_id uuid not null references organisations (id) ${deferred},
        signed_on date not null,
        recorded_at timestamptz not null,
        primary key (document_id, organisation_id)
      )`);
  }
}
