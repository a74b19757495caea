import type pg from 'pg';
import { ADMINISTRATOR, request, SECRETARIAT, type TestActor } from '../support/test-app.js';
import { tokenInDatabase } from '../support/service-token.js';

/**
 * Cases with an escalation ladder for the scheduler tests (R5, R10), made over HTTP against a
 * service process that runs the "frist" workflow (test/support/deadline-fixture.ts): each case is
 * in `prepare`, whose ladder plans three levels when the case starts — `reminder` (the
 * secretariat), `manager` (two managers, of two parties) and `steering` (the steering group, a
 * person without an e-mail address: inbox only).
 */

/** The ladder of `prepare`: per level, the people it tells and the e-mails it writes. */
export const LADDER: ReadonlyArray<{ level: string; recipients: number; emails: number }> = [
  { level: 'reminder', recipients: 1, emails: 1 },
  { level: 'manager', recipients: 2, emails: 2 },
  { level: 'steering', recipients: 1, emails: 0 },
];

/** The people of the ladder's roles and the secretariat's token. */
export interface LadderCast {
  /** Anna, the secretariat (SECRETARIAT): starts the cases, so her organisation leads them. */
  token: string;
  /** Anna's organisation, which leads every case. */
  lead: string;
  /** The second party of every case. */
  neighbour: string;
  manager: string;
  neighbourManager: string;
  steering: string;
}

/**
 * Registers the organisations and people over HTTP as an administrator (whose token is written to
 * the database, as an operator would issue one), then signs Anna in.
 *
 * @param databaseUrl the service's database (migrated)
 */
export async function seedLadderCast(url: string, databaseUrl: string): Promise<LadderCast> {
  const admin = await tokenInDatabase(databaseUrl, ADMINISTRATOR);
  const post = async (path: string, body: unknown): Promise<string> => {
    const res = await request(url, 'POST', path, { body, token: admin });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const lead = await post('/organisations', { name: SECRETARIAT.organisation, kind: 'municipality' });
  const neighbour = await post('/organisations', { name: 'Grannkommunen', kind: 'municipality' });
  const person = (who: TestActor | string, name: string, organisationId: string, email?: string) =>
    post('/people', { subject: typeof who === 'string' ? who : who.person, name, organisationId, ...(email ? { email } : {}) });
  await person(SECRETARIAT, 'Anna Svensson', lead, 'anna@testkommunen.example');
  const cast = {
    lead,
    neighbour,
    manager: await person('maria.chef', 'Maria Chef', lead, 'maria@testkommunen.example'),
    neighbourManager: await person('mats.chef', 'Mats Chef', neighbour, 'mats@grannkommunen.example'),
    steering: await person('stina.styr', 'Stina Styrgrupp', lead),
  };
  // Anna is registered above, so this only issues her a token.
  return { ...cast, token: await tokenInDatabase(databaseUrl, SECRETARIAT) };
}

/**
 * Starts `count` frist cases as Anna, `parallel` at a time, each with the second party and the
 * ladder's roles held. Their levels are planned from the real clock: days ahead, none due yet.
 */
export async function createLadderCasesOverHttp(url: string, cast: LadderCast, count: number, parallel = 16): Promise<string[]> {
  const send = async (method: string, path: string, body: unknown, expected: number) => {
    const res = await request(url, method, path, { body, token: cast.token });
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const ids: string[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async (_, k) => {
      const { id } = (await send('POST', '/cases', { workflow: 'frist', title: `Stegen ${start + k}` }, 201)) as { id: string };
      await send('POST', `/cases/${id}/parties`, { organisationId: cast.neighbour, responsibilities: ['decides', 'contributes'] }, 201);
      await send('POST', `/cases/${id}/roles`, { role: 'manager', organisationId: cast.lead, holderId: cast.manager }, 201);
      await send('POST', `/cases/${id}/roles`, { role: 'manager', organisationId: cast.neighbour, holderId: cast.neighbourManager }, 201);
      await send('POST', `/cases/${id}/roles`, { role: 'steeringGroup', organisationId: cast.lead, holderId: cast.steering }, 201);
      return id;
    });
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

/** One level as the database holds it, with what its firing wrote. */
export interface LevelRow {
  id: string;
  caseId: string;
  level: string;
  rung: number;
  status: string;
  /** `escalation.raised` history events naming this level. */
  raised: number;
  /** Inbox rows (people told). */
  recipients: number;
  /** E-mails in the outbox, and to how many distinct addresses. */
  emails: number;
  addresses: number;
}

/** Every level of the cases, with its history events, inbox rows and outbox e-mails counted. */
export async function levelRows(pool: pg.Pool, caseIds: readonly string[]): Promise<LevelRow[]> {
  const { rows } = await pool.query<LevelRow>(
    `select e.id, e.case_id as "caseId", e.level, e.rung, e.status,
            (select count(*)::int from audit_events a
              where a.case_id = e.case_id and a.type = 'escalation.raised' and a.payload->'escalation'->>'id' = e.id::text) as raised,
            (select count(*)::int from escalation_recipients r where r.escalation_id = e.id) as recipients,
            (select count(*)::int from notifications n where n.escalation_id = e.id and n.channel = 'email') as emails,
            (select count(distinct n.target)::int from notifications n where n.escalation_id = e.id and n.channel = 'email') as addresses
       from escalations e where e.case_id = any($1::uuid[]) order by e.case_id, e.rung`,
    [caseIds],
  );
  return rows;
}

/**
 * What went wrong with fired levels, by kind (empty lists when every level fired once, telling
 * everyone once): fired twice, not fired, told too few or too many people, e-mail duplicated or
 * missing, and cases whose `escalation.raised` events are not in ladder order.
 */
export async function firingFaults(
  pool: pg.Pool,
  rows: readonly LevelRow[],
): Promise<Record<'twice' | 'missed' | 'recipients' | 'emails' | 'order', string[]>> {
  const expected = new Map(LADDER.map((l) => [l.level, l]));
  const fired = rows.filter((r) => r.status !== 'scheduled');
  const { rows: sequences } = await pool.query<{ caseId: string; rungs: number[] }>(
    `select case_id as "caseId", array_agg((payload->'escalation'->>'rung')::int order by seq) as rungs
       from audit_events where type = 'escalation.raised' and case_id = any($1::uuid[]) group by case_id`,
    [[...new Set(rows.map((r) => r.caseId))]],
  );
  return {
    twice: rows.filter((r) => r.raised > 1).map((r) => `${r.id} ${r.level}: ${r.raised} events`),
    missed: rows.filter((r) => r.status !== 'open' || r.raised === 0).map((r) => `${r.id} ${r.level}: ${r.status}, ${r.raised} events`),
    recipients: fired.filter((r) => r.recipients !== expected.get(r.level)?.recipients).map((r) => `${r.id} ${r.level}: ${r.recipients} people told`),
    emails: fired
      .filter((r) => r.emails !== expected.get(r.level)?.emails || r.addresses !== r.emails)
      .map((r) => `${r.id} ${r.level}: ${r.emails} e-mails to ${r.addresses} addresses`),
    order: sequences.filter((s) => s.rungs.some((rung, i) => i > 0 && rung <= s.rungs[i - 1]!)).map((s) => `${s.caseId}: rungs ${s.rungs.join(', ')}`),
  };
}

/**
 * Cases whose history does not verify (`GET /cases/:id/history/verify`) or whose version is not
 * the number of its history events; empty when all are sound.
 */
export async function unsoundHistories(url: string, token: string, pool: pg.Pool, caseIds: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    'select c.id from cases c where c.id = any($1::uuid[]) and c.version <> (select count(*) from audit_events e where e.case_id = c.id)',
    [caseIds],
  );
  const bad = rows.map((r) => `${r.id}: version is not the number of events`);
  for (let start = 0; start < caseIds.length; start += 16) {
    await Promise.all(
      caseIds.slice(start, start + 16).map(async (id) => {
        const res = await request(url, 'GET', `/cases/${id}/history/verify`, { token });
        if (res.status !== 200 || res.body.valid !== true) bad.push(`${id}: ${res.status} ${res.text.slice(0, 200)}`);
      }),
    );
  }
  return bad;
}

/** Polls `check` every `everyMs` until it is true; throws after `withinMs`. */
export async function until(what: string, check: () => Promise<boolean>, withinMs: number, everyMs = 20): Promise<void> {
  const end = performance.now() + withinMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
