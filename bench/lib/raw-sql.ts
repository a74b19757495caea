import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The raw limit: the same writes a command makes, done by hand through `pg` with nothing around
 * them (no Nest, no ORM, no rules, no canonical JSON). One transaction per command: lock the case
 * row (`SELECT … FOR UPDATE`), update its state, version and head hash, insert one audit event whose
 * hash is SHA-256 over the event and the previous hash. Same tables, indexes and triggers as the
 * service, so the difference to the service is what the service adds.
 */
export class RawWriter {
  constructor(private readonly pool: pg.Pool) {}

  /** Inserts `count` toggle cases (state `ping`) with their `case.created` event; returns their ids. */
  async createToggleCases(count: number, ids: string[] = Array.from({ length: count }, () => randomUUID())): Promise<string[]> {
    for (const id of ids) await this.createCase(id, 'toggle', 'ping');
    return ids;
  }

  /** One transaction: a new case and its first history event, as `CasesService.create` writes them. */
  async createCase(id: string, workflowId: string, initial: string, title = 'raw'): Promise<void> {
    const now = new Date();
    const state = { value: initial, status: 'active' };
    const payload = { title, workflow: { id: workflowId, version: 1 }, to: state };
    const hash = eventHash(id, 1, 'case.created', now, payload, null);
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into cases (id, workflow_id, workflow_version, title, state, active_states, status, fields, version, head_hash,
           state_entered_at, created_at, updated_at, created_by_person, created_by_organisation)
         values ($1, $2, 1, $3, $4, $5, 'active', '{}', 1, $6, $7, $7, $7, 'bench', 'bench')`,
        [id, workflowId, title, state, [initial], hash, now],
      );
      await insertEvent(client, id, 1, 'case.created', now, payload, null, hash);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * One command as raw SQL: lock, next state, update, audit event. `next` picks the next state from
   * the current one (toggle: ping ↔ pong; a lifecycle: the next step). Returns the new version.
   */
  async transition(caseId: string, eventType: string, next: (current: string) => string): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ version: number; head_hash: string; state: { value: string } }>(
        'select version, head_hash, state from cases where id = $1 for update',
        [caseId],
      );
      const row = rows[0];
      if (!row) throw new Error(`raw: no case ${caseId}`);
      const now = new Date();
      const seq = row.version + 1;
      const { to, payload } = transitionPayload(row.state, eventType, next);
      const hash = eventHash(caseId, seq, 'case.transitioned', now, payload, row.head_hash);
      await client.query(
        'update cases set state = $2, active_states = $3, version = $4, head_hash = $5, state_entered_at = $6, updated_at = $6 where id = $1',
        [caseId, to, [to.value], seq, hash, now],
      );
      await insertEvent(client, caseId, seq, 'case.transitioned', now, payload, row.head_hash, hash);
      await client.query('commit');
      return seq;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Toggle's next state. */
export const toggle = (current: string): string => (current === 'ping' ? 'pong' : 'ping');

/** The new state and the audit payload of a raw transition, shaped like the service's. */
export function transitionPayload(from: { value: string }, eventType: string, next: (current: string) => string) {
  const to = { value: next(from.value), status: 'active' };
  const payload = {
    event: { type: eventType },
    from,
    to,
    transition: { source: from.value, target: to.value },
    gate: { passed: true, ruleSets: [{ id: 'bench-ready', passed: true }], failures: [] },
    workflow: { id: 'toggle', version: 1 },
  };
  return { to, payload };
}

/** SHA-256 over the event's JSON and the previous hash (plain JSON.stringify: the raw way). */
export function eventHash(caseId: string, seq: number, type: string, at: Date, payload: unknown, prevHash: string | null): string {
  const actor = { kind: 'person', person: 'bench', organisation: 'bench' };
  return createHash('sha256')
    .update(JSON.stringify({ caseId, seq, type, occurredAt: at.toISOString(), actor, payload, prevHash }))
    .digest('hex');
}

async function insertEvent(
  client: pg.PoolClient,
  caseId: string,
  seq: number,
  type: string,
  at: Date,
  payload: unknown,
  prevHash: string | null,
  hash: string,
): Promise<void> {
  await client.query(
    `insert into audit_events (case_id, seq, type, occurred_at, actor_kind, actor_person, actor_organisation, payload, prev_hash, hash)
     values ($1, $2, $3, $4, 'person', 'bench', 'bench', $5, $6, $7)`,
    [caseId, seq, type, at, payload, prevHash, hash],
  );
}
