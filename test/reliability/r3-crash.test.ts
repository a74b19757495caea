import pg from 'pg';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { tokenInDatabase } from '../support/service-token.js';
import { request, SECRETARIAT } from '../support/test-app.js';
import { createTestDatabase, openPool, type TestDatabase } from '../support/test-database.js';
import { createToggleCasesOverHttp, TOGGLE_DEFINITIONS } from '../support/toggle-cases.js';
import { figure, n } from './figure.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * R3, crash: load against the service process while it is SIGKILLed and restarted again and again.
 * Each command carries a unique comment and an Idempotency-Key; a client that got no answer (the
 * process died under it) retries the same key until it gets one, as a real client would. Then:
 * every command that got a 2xx is in the history, at the version its answer gave, exactly once;
 * nothing is in the history twice; every case's history verifies and its version counts its events.
 */
describe('R3 crash', () => {
  const KILLS = Number(process.env.R3_KILLS ?? 10);
  const CASES = 40;
  const WORKERS = 12;
  let db: TestDatabase;
  let service: ServiceProcess;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startService({ env: { ...TOGGLE_DEFINITIONS, MIGRATE_ON_START: 'true', DATABASE_URL: db.url! } });
    pool = openPool(db.url!, 2);
  });
  afterAll(async () => {
    await service?.stop();
    await pool?.end();
    await db?.drop();
  });

  it(`every acknowledged command survives ${KILLS} SIGKILLs of the service, none is applied twice`, async () => {
    const token = await tokenInDatabase(db.url!, SECRETARIAT);
    const ids = await createToggleCasesOverHttp(service.url, CASES, { token });
    const acked: Array<{ caseId: string; command: string; version: number }> = [];
    const refused: string[] = [];
    let unanswered = 0;
    let stop = false;

    /** Sends one command until the service gives an answer (a retry reuses the key). */
    const command = async (caseId: string, command: string) => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        try {
          const res = await request(service.url, 'POST', `/cases/${caseId}/events`, {
            body: { type: 'TOGGLE', comment: command },
            headers: { 'idempotency-key': command },
            token,
          });
          if (res.status === 200) return void acked.push({ caseId, command, version: res.body.version });
          if (res.status !== 503) return void refused.push(`${command}: ${res.status} ${res.text.slice(0, 200)}`);
        } catch {
          // The process died under the request (or is not up yet): the outcome is unknown, so retry.
        }
        unanswered++;
        await sleep(50);
      }
      refused.push(`${command}: no answer within 60 s`);
    };
    const workers = Array.from({ length: WORKERS }, async (_, w) => {
      for (let k = 0; !stop; k++) await command(ids[Math.floor(Math.random() * ids.length)]!, `r3-${w}-${k}`);
    });
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(400 + Math.random() * 800);
      await service.kill('SIGKILL');
      await service.restart();
    }
    await sleep(500);
    stop = true;
    await Promise.all(workers);

    const { rows } = await pool.query<{ case_id: string; seq: number; command: string }>(
      "select case_id, seq, payload->'event'->>'comment' as command from audit_events where type = 'case.transitioned'",
    );
    const where = new Map<string, Array<{ caseId: string; seq: number }>>();
    for (const r of rows) where.set(r.command, [...(where.get(r.command) ?? []), { caseId: r.case_id, seq: r.seq }]);
    const duplicated = [...where.values()].filter((places) => places.length > 1).length;
    const lost = acked.filter((a) => {
      const places = where.get(a.command) ?? [];
      return !places.some((p) => p.caseId === a.caseId && p.seq === a.version);
    });
    const { rows: outOfStep } = await pool.query('select id from cases c where c.version <> (select count(*) from audit_events e where e.case_id = c.id)');
    const verdicts = await Promise.all(ids.map(async (id) => (await request(service.url, 'GET', `/cases/${id}/history/verify`, { token })).body));

    expect({ refused, lost: lost.length, duplicated, outOfStep: outOfStep.length }).toEqual({ refused: [], lost: 0, duplicated: 0, outOfStep: 0 });
    expect(verdicts.filter((v) => v.valid !== true)).toEqual([]);
    expect(acked.length).toBeGreaterThan(KILLS * WORKERS);

    figure(
      `R3: ${n(acked.length)} acknowledged, ${lost.length} lost, ${duplicated} duplicated, ${KILLS} kills ` +
        `(${n(unanswered)} attempts without an answer retried; ${verdicts.length} histories verify, version = events in each)`,
    );
  });
});
