-- B1 with pgbench: one toggle command as plain SQL, run by pgbench's C client (the floor of
-- client overhead). Equivalent to bench/lib/raw-sql.ts: lock the case row, insert the next audit
-- event with a SHA-256 over its payload and the previous hash, update the case's state, version and
-- head hash. Variables: :per (cases per client) is given with -D; :client_id is pgbench's own.
-- Each client works on its own cases (ids 00000000-0000-4000-8000-<n>), as the other paths do.
\set n :client_id * :per + random(1, :per)
BEGIN;
SELECT 1 FROM cases WHERE id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid FOR UPDATE;
INSERT INTO audit_events (case_id, seq, type, occurred_at, actor_kind, actor_person, actor_organisation, payload, prev_hash, hash)
  SELECT c.id, c.version + 1, 'case.transitioned', now(), 'person', 'bench', 'bench', p.payload, c.head_hash,
         encode(sha256(convert_to(p.payload::text || c.head_hash, 'UTF8')), 'hex')
  FROM cases c
  CROSS JOIN LATERAL (SELECT jsonb_build_object(
      'event', jsonb_build_object('type', 'TOGGLE'),
      'from', c.state,
      'to', jsonb_build_object('value', CASE c.state->>'value' WHEN 'ping' THEN 'pong' ELSE 'ping' END, 'status', 'active'),
      'transition', jsonb_build_object('source', c.state->>'value', 'target', CASE c.state->>'value' WHEN 'ping' THEN 'pong' ELSE 'ping' END),
      'gate', jsonb_build_object('passed', true, 'ruleSets', jsonb_build_array(jsonb_build_object('id', 'bench-ready', 'passed', true)), 'failures', '[]'::jsonb),
      'workflow', jsonb_build_object('id', 'toggle', 'version', 1)) AS payload) p
  WHERE c.id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid;
UPDATE cases SET
    state = jsonb_build_object('value', CASE state->>'value' WHEN 'ping' THEN 'pong' ELSE 'ping' END, 'status', 'active'),
    active_states = ARRAY[CASE state->>'value' WHEN 'ping' THEN 'pong' ELSE 'ping' END],
    version = version + 1,
    head_hash = (SELECT e.hash FROM audit_events e WHERE e.case_id = cases.id AND e.seq = cases.version + 1),
    state_entered_at = now(),
    updated_at = now()
  WHERE id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid;
END;
