import type pg from 'pg';
import { SYSTEM_ACTOR } from '../../src/access/actor.js';
import { hashEvent } from '../../src/audit/audit-chain.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { CaseRecord } from '../../src/cases/case.entity.js';
import { CasesService } from '../../src/cases/cases.service.js';
import { DomainError } from '../../src/common/domain-error.js';
import { seedRegistry } from '../support/governance-fixture.js';
import { createTestDatabase, openPool } from '../support/test-database.js';
import { startTestApp, type RequestOptions, type TestActor, type TestApp } from '../support/test-app.js';

/** Names every JavaScript object has through its prototype: a field must never be read through them. */
const PROTOTYPE_NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

/**
 * The tamper-evident history under attack: a request cannot break it, and someone holding the
 * database credentials cannot rewrite it without `history/verify` saying so.
 */
describe('security: the history', () => {
  let t: TestApp;
  const newCase = async (title = 'Säkerhet – historiken') => (await req('POST', '/cases', { body: { workflow: 'samverkan', title } })).body.id as string;
  const verify = async (id: string) => (await req('GET', `/cases/${id}/history/verify`)).body;
  const version = async (id: string) => (await req('GET', `/cases/${id}`)).body.version as number;

  let db: pg.Pool;
  let orgs: Awaited<ReturnType<typeof seedRegistry>>;
  const org = (name: string) => orgs.get(name)!.id;
  const board = (o: string, b: string) => orgs.get(o)!.boards.get(b)!;
  /** Region Kronoberg's secretariat starts the cases, so the region leads them. */
  const REGION: TestActor = { person: 'sekr.region', organisation: '07' };
  const req = (method: string, path: string, options: RequestOptions = {}) => t.request(method, path, { as: REGION, ...options });
  const sql = async (text: string, params: unknown[] = []) => (await db.query(text, params)).rows;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T10:00:00+01:00');
    orgs = await seedRegistry(t);
    db = openPool(t.db.url!, 2);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Texts a request may carry: letters outside Latin-1, combining marks, emoji, line separators, JSON-ish text. */
  const UNICODE = 'Växjö – ǅ e\u0301 😀 \u2028\u2029 \u200d "quoted" \\ {"toString":1}';

  /**
   * A case with one change of every kind the API makes, many carrying hostile text; returns its id,
   * the ids it made, and the event types in its history.
   */
  async function richCase() {
    const id = (await req('POST', '/cases', { body: { workflow: 'samverkan', title: `Historik ${UNICODE}` } })).body.id as string;
    const ok = async (method: string, path: string, body: unknown) => {
      const res = await req(method, path, { body });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    await ok('PATCH', `/cases/${id}/fields`, { arena: UNICODE, agreement: 'Avsiktsförklaring', problemStatement: 'tas bort' });
    // biome-ignore lint/correctness/noPrecisionLoss: a number beyond 2^53 on purpose, as a caller may send one
    await ok('PATCH', `/cases/${id}/fields`, { problemStatement: null, situationAnalysis: 12345678901234567890, goals: true });
    await ok('PATCH', `/cases/${id}/parties/${org('Region Kronoberg')}`, { responsibilities: ['leads', 'decides'] });
    await ok('POST', `/cases/${id}/parties`, { organisationId: org('Alvesta kommun'), responsibilities: ['decides'], benefit: UNICODE });
    await ok('POST', `/cases/${id}/parties`, { organisationId: org('Polismyndigheten'), responsibilities: ['contributes'] });
    const { personId } = await t.identity({ person: 'sekr.alvesta', organisation: org('Alvesta kommun') });
    const role = await ok('POST', `/cases/${id}/roles`, { role: 'secretariat', organisationId: org('Alvesta kommun'), holderId: personId });
    await ok('PATCH', `/cases/${id}/roles/${role.id}`, { holderId: null });
    const police = await ok('POST', `/cases/${id}/roles`, { role: 'steeringGroup', organisationId: org('Polismyndigheten') });
    await ok('DELETE', `/cases/${id}/roles/${police.id}`, undefined);
    await ok('DELETE', `/cases/${id}/parties/${org('Polismyndigheten')}`, undefined);
    const boards = [board('Region Kronoberg', 'Regionstyrelsen'), board('Alvesta kommun', 'Socialnämnden')];
    await ok('POST', `/cases/${id}/decision-points`, { key: 'joint-agreement', title: 'Överenskommelse', referenceText: `Text ${UNICODE}`, boardIds: boards });
    await ok('PATCH', `/cases/${id}/decision-points/joint-agreement`, { title: 'Gemensam överenskommelse' });
    await ok('PUT', `/cases/${id}/decision-points/joint-agreement/decisions/${boards[0]}`, {
      status: 'announced',
      text: `Text ${UNICODE}`,
      meetingDate: '2026-02-10',
      minutesParagraph: '§ 14',
      minutesApprovedDate: '2026-02-12',
      announcedDate: '2026-02-13',
    });
    const secret = await ok('POST', `/cases/${id}/documents`, {
      title: 'Elevärenden (sekretess)',
      kind: 'situationAnalysis',
      confidential: true,
      visibleTo: [org('Alvesta kommun')],
    });
    const agreement = await ok('POST', `/cases/${id}/documents`, {
      title: UNICODE,
      kind: 'agreement',
      registryOrganisationId: org('Region Kronoberg'),
      registrationNumber: 'RK 2026/120',
    });
    await ok('POST', `/cases/${id}/documents/${agreement.id}/signatures`, { organisationId: org('Alvesta kommun'), signedOn: '2026-03-01' });
    const upload = await fetch(`${t.url}/cases/${id}/documents/${agreement.id}/file?name=avtal.pdf`, {
      method: 'PUT',
      body: Buffer.from('%PDF-1.4 avtal'),
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${await t.token(REGION)}` },
    });
    expect(upload.status).toBe(200);
    const goal = await ok('POST', `/cases/${id}/goals`, {
      title: `Mål ${UNICODE}`,
      kpi: 'N03937',
      municipalityCode: '0780',
      baselineValue: 10.25,
      baselineYear: 2022,
      targetKind: 'relative',
      targetValue: -50,
      targetYear: 2030,
    });
    await ok('PATCH', `/cases/${id}/goals/${goal.id}`, { indicatorName: 'Unga utan arbete' });
    await ok('POST', `/cases/${id}/goals/${goal.id}/measurements`, { period: 2024, value: 0.1 + 0.2 });
    await ok('POST', `/cases/${id}/goals/kolada-import`, {
      values: [{ kpi: 'N03937', municipality: '0780', period: 2025, values: [{ gender: 'T', value: 1e-7 }] }],
    });
    const money = await ok('POST', `/cases/${id}/resources`, {
      organisationId: org('Region Kronoberg'),
      kind: 'money',
      amount: 1e15,
      unit: 'SEK',
      description: UNICODE,
    });
    await ok('POST', `/cases/${id}/resources`, { organisationId: org('Alvesta kommun'), kind: 'staff', amount: 0.5, unit: 'FTE' });
    await ok('DELETE', `/cases/${id}/resources/${money.id}`, undefined);
    const action = await ok('POST', `/cases/${id}/actions`, {
      title: UNICODE,
      responsibleOrganisationId: org('Alvesta kommun'),
      dueDate: '2026-06-30',
      subgroup: [org('Alvesta kommun'), org('Region Kronoberg')],
    });
    await ok('PATCH', `/cases/${id}/actions/${action.id}`, { status: 'inProgress' });
    const types = new Set<string>((await req('GET', `/cases/${id}/history`)).body.events.map((e: { type: string }) => e.type));
    return { id, secret: secret.id as string, agreement: agreement.id as string, boards, types };
  }

  /** A forger with the database credentials: the append-only trigger is theirs to switch off. */
  async function asForger(work: () => Promise<void>) {
    await sql('alter table audit_events disable trigger user');
    try {
      await work();
    } finally {
      await sql('alter table audit_events enable trigger user');
    }
  }

  /** Rewrites event `seq` and recomputes the hash chain from there, and the case's head, as a forger without the key would. */
  async function rewriteAndRechain(caseId: string, seq: number, change: (payload: any) => void) {
    await asForger(async () => {
      const rows = await sql('select * from audit_events where case_id = $1 order by seq', [caseId]);
      let prevHash: string | null = null;
      for (const row of rows) {
        if (row.seq === seq) change(row.payload);
        const hash = hashEvent({
          caseId,
          seq: row.seq,
          type: row.type,
          occurredAt: row.occurred_at,
          actor: { kind: row.actor_kind, person: row.actor_person, organisation: row.actor_organisation },
          payload: row.payload,
          prevHash,
        });
        await sql('update audit_events set payload = $1, prev_hash = $2, hash = $3 where case_id = $4 and seq = $5', [
          JSON.stringify(row.payload),
          prevHash,
          hash,
          caseId,
          row.seq,
        ]);
        prevHash = hash;
      }
      await sql('update cases set head_hash = $1 where id = $2', [prevHash, caseId]);
    });
  }

  describe('field names that are object members', () => {
    it.each(PROTOTYPE_NAMES)('"%s" is refused as a field name, with or without a value, and the history stays valid', async (name) => {
      const id = await newCase();
      const before = await version(id);
      for (const value of [1, 'text', null]) {
        const res = await req('PATCH', `/cases/${id}/fields`, { body: { [name]: value } });
        expect(res.status).toBe(400);
        // `constructor` is stopped earlier, by the body guard that refuses it as a key anywhere in a body.
        expect(res.body.errors).toEqual([{ path: name, message: expect.stringMatching(/reserverat namn|godtas inte som nyckel/) }]);
      }
      expect(await version(id)).toBe(before);
      expect(await verify(id)).toMatchObject({ valid: true });
      // Real tampering afterwards is still found (the verdict is not stuck on a false alarm).
      await req('PATCH', `/cases/${id}/fields`, { body: { arena: 'Samverkansforum' } });
      expect(await verify(id)).toMatchObject({ valid: true, events: before + 1 });
    });

    it('removing a field that was never set changes nothing: no event, same version', async () => {
      const id = await newCase();
      const before = await version(id);
      const res = await req('PATCH', `/cases/${id}/fields`, { body: { neverSet: null } });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(before);
      expect((await req('GET', `/cases/${id}/history`)).body.events).toHaveLength(before);
      expect(await verify(id)).toMatchObject({ valid: true, events: before });
    });
  });

  describe('hash → store → read → verify', () => {
    it('every kind of change the API makes, with hostile text and numbers, verifies, and replay rebuilds the tables', async () => {
      const { id, types } = await richCase();
      for (const type of [
        'case.created',
        'case.fields.updated',
        'party.updated',
        'party.added',
        'party.removed',
        'role.assigned',
        'role.updated',
        'role.removed',
        'decisionPoint.created',
        'decisionPoint.updated',
        'decision.recorded',
        'document.added',
        'document.signed',
        'document.fileStored',
        'goal.created',
        'goal.updated',
        'measurement.recorded',
        'measurements.imported',
        'resource.committed',
        'resource.withdrawn',
        'action.added',
        'action.updated',
      ]) {
        expect(types).toContain(type);
      }
      expect(await verify(id)).toEqual({ valid: true, events: await version(id) });
    });

    const EVENT_TYPES = [
      'case.created',
      'case.transitioned',
      'case.fields.updated',
      'party.added',
      'party.updated',
      'party.removed',
      'role.assigned',
      'role.updated',
      'role.removed',
      'role.handedOver',
      'chair.rotationSet',
      'chair.rotated',
      'decisionPoint.created',
      'decisionPoint.updated',
      'decision.recorded',
      'document.added',
      'document.fileStored',
      'document.signed',
      'goal.created',
      'goal.updated',
      'measurement.recorded',
      'measurements.imported',
      'resource.committed',
      'resource.withdrawn',
      'action.added',
      'action.updated',
      'escalation.raised',
      'escalation.acknowledged',
    ];
    /** Keys that are object members, `__proto__` as an own key, unicode keys, numbers JSON and jsonb spell differently, nesting in odd key order, and a member left undefined. */
    const hostile = () => ({
      toString: 1,
      constructor: null,
      valueOf: 'x',
      hasOwnProperty: { isPrototypeOf: [] },
      ['__proto__']: { polluted: true },
      'Åäö 😀': UNICODE,
      'e\u0301': 'combining',
      // biome-ignore lint/correctness/noPrecisionLoss: a number beyond 2^53 on purpose, as a caller may send one
      big: 12345678901234567890,
      tiny: 5e-324,
      exp: 1e21,
      negativeZero: -0,
      sum: 0.1 + 0.2,
      max: Number.MAX_SAFE_INTEGER + 2,
      nested: { z: { b: [3, { y: 'x', a: null }], a: true }, a: [], '': 'empty key' },
      gone: undefined,
    });

    it.each(EVENT_TYPES)(
      'an event "%s" with a hostile payload is stored as hashed and verifies; one with a value JSON cannot hold is refused',
      async (type) => {
        const id = await newCase();
        const cases = t.app.get(CasesService);
        // What `fields.toString` gave before field names were checked: the function every object inherits.
        // Its hash covered a member that jsonb cannot store, so the event read as "changed" for good.
        const inherited = cases.mutate(
          id,
          SYSTEM_ACTOR,
          {},
          () => ({ type, payload: { changes: { toString: { from: ({} as any).toString, to: 1 } } }, value: null }),
          { consequence: true, allowClosed: true },
        );
        await expect(inherited).rejects.toThrow(TypeError);
        expect(await version(id)).toBe(1);
        await cases.mutate(id, SYSTEM_ACTOR, {}, () => ({ type, payload: hostile(), value: null }), { consequence: true, allowClosed: true });
        // The chain alone (replay would rightly say that e.g. a "party.added" without a party row is not what the tables hold).
        const em = t.orm.em.fork();
        const rows = await t.app.get(AuditService).history(em, id);
        expect(t.app.get(AuditService).verifyEvents(rows, await em.findOneOrFail(CaseRecord, { id }))).toEqual({ valid: true, events: 2 });
        const stored = (await req('GET', `/cases/${id}/history`)).body.events[1];
        expect(stored.payload).toEqual(JSON.parse(JSON.stringify(hostile())));
        expect(Object.getPrototypeOf({}).polluted).toBeUndefined();
      },
    );

    it('refuses a lone surrogate in text that would be hashed, before anything is stored', async () => {
      const cases = (await req('GET', '/cases?limit=100')).body.total as number;
      const res = await req('POST', '/cases', { rawBody: '{"workflow":"samverkan","title":"Trasig \\ud800 text"}' });
      expect(res.status).toBe(400);
      expect((await req('GET', '/cases?limit=100')).body.total).toBe(cases);
      const id = await newCase();
      const attempt = t.app
        .get(CasesService)
        .mutate(id, SYSTEM_ACTOR, {}, () => ({ type: 'party.added', payload: { name: 'x\udc00y' }, value: null }), { consequence: true });
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      expect(await version(id)).toBe(1);
      expect(await verify(id)).toEqual({ valid: true, events: 1 });
    });
  });

  describe('a forger with the database credentials', () => {
    it('is found when they rewrite an event and recompute the hash chain: the signature does not match', async () => {
      const { id } = await richCase();
      // Event 2 set the fields; the forger changes what it says was recorded, and the table with it.
      await rewriteAndRechain(id, 2, (payload) => (payload.changes.agreement.to = 'Förfalskad'));
      await sql(`update cases set fields = jsonb_set(fields, '{agreement}', '"Förfalskad"') where id = $1`, [id]);
      expect(await verify(id)).toEqual({
        valid: false,
        events: await version(id),
        firstBrokenEvent: 2,
        reason: expect.stringContaining('signatur som inte stämmer'),
      });
      const english = (await req('GET', `/cases/${id}/history/verify`, { headers: { 'accept-language': 'en' } })).body;
      expect(english.reason).toBe('event 2 carries a signature that does not match: it was written or changed by someone without the signing key');
    });

    it('is found when they delete the last events and move the head back: the tables still hold what those events did', async () => {
      const { id } = await richCase();
      const n = await version(id);
      await asForger(async () => {
        await sql('delete from audit_events where case_id = $1 and seq > $2', [id, n - 1]);
        const [head] = await sql('select hash from audit_events where case_id = $1 and seq = $2', [id, n - 1]);
        await sql('update cases set version = $1, head_hash = $2 where id = $3', [n - 1, head.hash, id]);
      });
      const english = (await req('GET', `/cases/${id}/history/verify`, { headers: { 'accept-language': 'en' } })).body;
      // The last event set the action in progress.
      expect(english).toEqual({
        valid: false,
        events: n - 1,
        reason: expect.stringMatching(
          /^the database does not match the history: the actions: ".+" has status = "inProgress" in the database, but the history says "planned"$/,
        ),
      });
    });

    it('is found when they mark a decision final in the table', async () => {
      const { id, boards } = await richCase();
      // Announced long ago, so the appeal window is over and the decision reads as final (laga kraft).
      await sql(
        `update board_decisions set announced_date = '2026-01-02', appeal_deadline = '2026-01-23' where board_id = $1 and decision_point_id in (select id from decision_points where case_id = $2)`,
        [boards[0], id],
      );
      const view = (await req('GET', `/cases/${id}/decision-points/joint-agreement`)).body;
      expect(view.boards[0].status).toBe('final');
      expect(await verify(id)).toEqual({
        valid: false,
        events: await version(id),
        reason: `databasen stämmer inte med historiken: nämndernas beslut: "joint-agreement ${boards[0]}" har announcedDate = "2026-01-02" i databasen, men historiken säger "2026-02-13"`,
      });
    });

    it('is found when they un-mark a confidential document', async () => {
      const { id, secret } = await richCase();
      await sql(`update documents set confidential = false, visible_to = '[]' where id = $1`, [secret]);
      const verdict = (await req('GET', `/cases/${id}/history/verify`, { headers: { 'accept-language': 'en' } })).body;
      expect(verdict).toEqual({
        valid: false,
        events: await version(id),
        reason: `the database does not match the history: the documents: "${secret}" has confidential = false in the database, but the history says true`,
      });
    });

    it("is found when they change the case's own fields or step in the table", async () => {
      const { id } = await richCase();
      await sql(`update cases set fields = fields - 'arena' where id = $1`, [id]);
      expect((await req('GET', `/cases/${id}/history/verify`, { headers: { 'accept-language': 'en' } })).body.reason).toBe(
        'the database does not match the history: the case\'s fields: "arena" is in the history but not in the database',
      );
      await sql(`update cases set fields = fields || '{"arena":"x"}', state = '{"value":"done","status":"done"}', status = 'closed' where id = $1`, [id]);
      expect((await req('GET', `/cases/${id}/history/verify`, { headers: { 'accept-language': 'en' } })).body.reason).toMatch(
        /^the database does not match the history: the case's step: the case has state = \{"status":"done","value":"done"\} in the database, but the history says /,
      );
    });
  });

  describe('the signing key', () => {
    it('rotates: events signed with the old key verify while it is listed as old, and are named when it is gone', async () => {
      const db = await createTestDatabase();
      const keep = { db, target: { ...db.target, close: async () => {} } };
      const key = (id: string) => ({ id, secret: `${id}-secret-of-at-least-thirty-two-characters` });
      const run = async (
        historySigning: { current: { id: string; secret: string }; old: Array<{ id: string; secret: string }> },
        work: (app: TestApp) => Promise<void>,
      ) => {
        const app = await startTestApp({ database: keep, config: { historySigning } });
        try {
          await work(app);
        } finally {
          await app.close();
        }
      };
      const verdict = async (app: TestApp, id: string) =>
        (await app.request('GET', `/cases/${id}/history/verify`, { headers: { 'accept-language': 'en' } })).body;
      let id = '';
      try {
        await run({ current: key('2026-1'), old: [] }, async (app) => {
          id = (await app.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'Nyckelbyte' } })).body.id;
          await app.request('PATCH', `/cases/${id}/fields`, { body: { arena: 'Forum' } });
        });
        await run({ current: key('2026-2'), old: [key('2026-1')] }, async (app) => {
          await app.request('PATCH', `/cases/${id}/fields`, { body: { agreement: 'Avsiktsförklaring' } });
          expect(await verdict(app, id)).toEqual({ valid: true, events: 3 });
        });
        await run({ current: key('2026-2'), old: [] }, async (app) => {
          expect(await verdict(app, id)).toEqual({
            valid: false,
            events: 3,
            firstBrokenEvent: 1,
            reason: 'event 1 is signed with key "2026-1", which the service does not know (an older key belongs in HISTORY_SIGNING_KEYS_OLD)',
          });
        });
        // The same key id with another secret is a forger's key.
        await run({ current: { id: '2026-2', secret: 'another-secret-of-at-least-thirty-two-characters' }, old: [key('2026-1')] }, async (app) => {
          expect(await verdict(app, id)).toMatchObject({ valid: false, firstBrokenEvent: 3, reason: expect.stringContaining('signature that does not match') });
        });
      } finally {
        await db.drop();
      }
    });
  });
});
