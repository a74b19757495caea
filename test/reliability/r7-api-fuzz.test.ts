import fc from 'fast-check';
import { readyCase } from '../support/cases.js';
import { person, seedRegistry } from '../support/governance-fixture.js';
import {
  ADMINISTRATOR,
  MEMBER,
  SECRETARIAT,
  STEERING_GROUP,
  FIELD_LIFECYCLE,
  startTestApp,
  type ApiResponse,
  type RequestOptions,
  type TestActor,
  type TestApp,
} from '../support/test-app.js';
import { figure, n, properties } from './figure.js';

const RUNS = Number(process.env.R7_API_RUNS ?? 800);
/** Random hostile bodies sent to the write operations, after one of every class to each. */
const WRITE_RUNS = Number(process.env.R7_WRITE_RUNS ?? 150);

/** Visible ASCII: what an HTTP header value may hold (fetch refuses the rest before sending). */
const headerText = (maxLength = 40) => fc.string({ unit: 'grapheme-ascii', maxLength });
const oddText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '-1', '0', '1e9', 'null', 'true', '[]', '{}', '__proto__', 'constructor', 'ADVANCE', 'x'.repeat(3000), '\u0000', '%', '💥'),
);

/**
 * R7, the API under random input: every endpoint of the OpenAPI document, with random ids, query
 * strings, bodies (any JSON, near-valid objects, text), headers (If-Match, Idempotency-Key,
 * Accept-Language, Content-Type) and actors. A 500 is a bug; none may occur.
 */
describe('R7 API fuzz', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
    caseId = (await readyCase(t, 'R7 – slumpad indata')).id;
  });
  afterAll(() => t.close());

  it(`${RUNS} random requests over every endpoint of /docs-json: no 500`, async () => {
    const doc = (await t.request('GET', '/docs-json', { as: null })).body as { paths: Record<string, Record<string, unknown>> };
    const endpoints = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(endpoints.length).toBeGreaterThanOrEqual(9);

    const segment = fc.oneof(
      fc.constant(caseId),
      fc.uuid().map(String),
      oddText.map(encodeURIComponent),
      fc.constantFrom('%', '%00', '%FF', '%E0%A4%A', '..%2F..', 'samverkan', '1', '99999999999'),
    );
    // Signed in as someone real, or not at all (then a random Authorization header, if any, is all there is).
    const actor: fc.Arbitrary<TestActor | null> = fc.constantFrom<TestActor | null>(SECRETARIAT, STEERING_GROUP, MEMBER, ADMINISTRATOR, null);
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.dictionary(
        fc.oneof(
          fc.constantFrom('type', 'comment', 'workflow', 'title', 'version', 'arena', 'agreement', 'problemStatement', '__proto__'),
          fc.string({ maxLength: 10 }),
        ),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText),
      ),
      fc.record(
        { type: fc.constantFrom('ADVANCE', 'CLOSE', 'REVISE_GOALS', 'TOGGLE', 'advance'), comment: fc.option(oddText, { nil: undefined }) },
        { requiredKeys: ['type'] },
      ),
    );
    const request = fc.record({
      endpoint: fc.constantFrom(...endpoints),
      id: segment,
      version: segment,
      query: fc.dictionary(
        fc.oneof(fc.constantFrom('event', 'limit', 'offset', 'state', 'workflow', 'q', 'status', 'after'), fc.string({ maxLength: 8 })),
        oddText,
        { maxKeys: 4 },
      ),
      body: fc.oneof(
        body.map((b) => ({ body: b })),
        oddText.map((raw) => ({ rawBody: raw })),
      ),
      headers: fc.record(
        {
          authorization: fc.oneof(
            headerText(),
            headerText().map((t) => `Bearer ${t}`),
            headerText().map((t) => `Bearer svk_${t}`),
            fc.constant('Bearer eyJhbGciOiJub25lIn0.e30.'),
          ),
          'if-match': fc.oneof(
            headerText(),
            fc.nat().map((v) => `"${v}"`),
          ),
          'idempotency-key': headerText(),
          'accept-language': fc.oneof(headerText(), fc.constantFrom('sv', 'en', 'en-GB,en;q=0.9', '*;q=abc')),
          'content-type': fc.oneof(
            headerText(),
            fc.constantFrom('application/json', 'text/plain', 'application/merge-patch+json', 'application/json; charset=latin1'),
          ),
        },
        { requiredKeys: [] },
      ),
      as: actor,
    });

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = r.endpoint.path.replace('{id}', r.id).replace('{version}', r.version);
        const query = new URLSearchParams(r.query).toString();
        const options: RequestOptions = { headers: r.headers, as: r.as, ...(r.endpoint.method === 'GET' ? {} : r.body) };
        const res = await t.request(r.endpoint.method, query ? `${path}?${query}` : path, options);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${r.endpoint.method} ${path} → ${res.status} ${res.text.slice(0, 300)}`);
      }),
      properties(RUNS),
    );

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${c} × ${s}`)
      .join(', ');
    figure(`R7 API: ${n(total)} random requests over ${endpoints.length} endpoints → ${statuses.get(500) ?? 0} × 500 (${byStatus})`);
  });
});

/** The classes of hostile body the write-operation fuzz sends. */
const CLASSES = [
  'prototypeKey',
  'loneSurrogate',
  'nullOne',
  'nullEvery',
  'wrongType',
  'deepNesting',
  'hugeString',
  'numberAsString',
  'controlCharacter',
] as const;
type BadClass = (typeof CLASSES)[number];

/** Keys naming members of Object.prototype (or reaching it). */
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];
const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud83d', '\ude00b', 'Avtal \udbff slut'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Sets an own property even when its name is `__proto__` (so JSON.stringify sends it). */
function setOwn(target: Record<string, Json> | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every path into a JSON value (objects' properties and arrays' items), the root excluded. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(path);
      if (out.length < 2000) pathsOf(v, path, out);
    }
  }
  return out;
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;
function at(root: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string] as Json, root);
}
/** A copy of `root` with the value at `path` replaced (or a key added to the object at `path`). */
function withValue(root: Json, path: Path, value: Json): Json {
  const copy = clone(root);
  if (!path.length) return value;
  setOwn(at(copy, path.slice(0, -1)) as Record<string, Json>, path[path.length - 1]!, value);
  return copy;
}
/** Stands for the deeply nested value in a body until it is written out as text. */
const DEEP = '\u2063deep\u2063';
/** A value of another JSON type than `v`. */
function otherTypes(v: Json): Json[] {
  const all: Json[] = [0, -1, 1.5, 1e308, -0.0000001, true, false, 'x', '', [], [1, 'a'], {}, { a: 1 }, [null]];
  const kind = (x: Json) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
  return all.filter((x) => kind(x) !== kind(v));
}
function asString(v: Json): Json {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : x));
  return typeof v === 'string' ? '12' : '1';
}

/** One hostile variant of a valid body: which class, where, and the body (as sent). */
function variant(base: Json, cls: BadClass, pick: number, choice: number): { where: string; body: Json; raw?: string } {
  const objectPaths: Path[] = [
    [],
    ...pathsOf(base).filter((p) => {
      const v = at(base, p);
      return !!v && typeof v === 'object' && !Array.isArray(v);
    }),
  ];
  const paths = pathsOf(base);
  const anyPath = paths.length ? paths[pick % paths.length]! : ['title'];
  const where = (p: Path) => p.join('.') || '(body)';
  switch (cls) {
    case 'prototypeKey': {
      const p = objectPaths[pick % objectPaths.length]!;
      const key = PROTOTYPE_KEYS[choice % PROTOTYPE_KEYS.length]!;
      const value: Json = [{ admin: true }, { prototype: { polluted: true } }, 'x', null, 1][choice % 5]!;
      const body = clone(base);
      setOwn((p.length ? at(body, p) : body) as Record<string, Json>, key, value);
      return { where: `${where(p)}[${key}]`, body };
    }
    case 'loneSurrogate': {
      const s = LONE_SURROGATES[choice % LONE_SURROGATES.length]!;
      // In a value, or (every third) as a key.
      if (choice % 3 === 2) {
        const p = objectPaths[pick % objectPaths.length]!;
        const body = clone(base);
        setOwn((p.length ? at(body, p) : body) as Record<string, Json>, `k${s}`, 'x');
        return { where: `${where(p)}[key]`, body };
      }
      const strings = paths.filter((p) => typeof at(base, p) === 'string');
      const p = strings.length ? strings[pick % strings.length]! : anyPath;
      return { where: where(p), body: withValue(base, p, `${typeof at(base, p) === 'string' ? at(base, p) : ''}${s}`) };
    }
    case 'nullOne':
      return { where: where(anyPath), body: withValue(base, anyPath, null) };
    case 'nullEvery': {
      const body = clone(base);
      if (body && typeof body === 'object' && !Array.isArray(body)) for (const k of Object.keys(body)) body[k] = null;
      return { where: '(every property)', body };
    }
    case 'wrongType': {
      const options = otherTypes(at(base, anyPath));
      return { where: where(anyPath), body: withValue(base, anyPath, options[choice % options.length]!) };
    }
    case 'deepNesting': {
      // Built as text: JSON.stringify itself would overflow the stack on the deepest.
      const depth = [30, 200, 2000, 20_000][choice % 4]!;
      const [open, close] = choice % 2 === 0 ? ['[', ']'] : ['{"a":', '}'];
      const body = withValue(base, anyPath, DEEP);
      return {
        where: `${where(anyPath)} (depth ${depth})`,
        body,
        raw: JSON.stringify(body).replace(JSON.stringify(DEEP), `${open.repeat(depth)}"x"${close.repeat(depth)}`),
      };
    }
    case 'hugeString': {
      const length = [5_000, 60_000, 120_000, 300_000][choice % 4]!;
      const unit = ['x', 'å', '💥', ' '][pick % 4]!;
      return { where: `${where(anyPath)} (${length} × ${JSON.stringify(unit)})`, body: withValue(base, anyPath, unit.repeat(length / unit.length)) };
    }
    case 'numberAsString':
      return { where: where(anyPath), body: withValue(base, anyPath, asString(at(base, anyPath))) };
    case 'controlCharacter': {
      const c = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028'][choice % 6]!;
      const strings = paths.filter((p) => typeof at(base, p) === 'string');
      const p = strings.length ? strings[pick % strings.length]! : anyPath;
      return { where: where(p), body: withValue(base, p, `a${c}b`) };
    }
  }
}

/** A body that fits an OpenAPI schema, for an operation this file has no valid body for. */
function fromSchema(schema: any, doc: any, ids: Record<string, string>, depth = 0): Json {
  if (!schema || depth > 6) return 'x';
  if (schema.$ref) return fromSchema(doc.components.schemas[String(schema.$ref).split('/').pop()!], doc, ids, depth + 1);
  if (schema.example !== undefined) return schema.example as Json;
  if (schema.enum) return schema.enum[0] as Json;
  if (schema.oneOf) return fromSchema(schema.oneOf[0], doc, ids, depth + 1);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? { text: { type: 'string' } }).map(([k, v]) => [k, fromSchema(v, doc, ids, depth + 1)]));
    case 'array':
      return [fromSchema(schema.items, doc, ids, depth + 1)];
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? 1;
    case 'boolean':
      return false;
    default:
      return schema.format === 'uuid' ? ids.organisation! : schema.format === 'date' ? '2026-03-01' : 'R7';
  }
}

/**
 * R7, every write operation under hostile bodies: each POST/PUT/PATCH/DELETE of the OpenAPI
 * document gets a valid body for it, spoilt by one class of bad input at one place — prototype
 * member names as keys, lone UTF-16 surrogates, null, wrong types, deep nesting, huge strings,
 * numbers as strings, control characters — with its path filled with real ids of a seeded case
 * and sent as someone who may do it, so the request reaches the domain code. First every class to
 * every operation, then random ones. No answer may be 5xx; the touched cases' histories verify.
 */
describe('R7 API fuzz: every write operation under hostile bodies', () => {
  let t: TestApp;
  let doc: any;
  /** Region Kronoberg's secretariat: starts the case, so the region leads it. */
  const LEAD: TestActor = { person: 'r7.sekretariat', organisation: '07' };
  const ids: Record<string, string> = {};
  const bases = new Map<string, { body: Json; query?: string }>();
  const touched = new Set<string>();

  const must = async (res: Promise<ApiResponse>, what: string): Promise<any> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`seeding ${what}: ${r.status} ${r.text}`);
    return r.body;
  };
  const seed = {
    party: () =>
      must(
        t.request('POST', `/cases/${ids.case}/parties`, { as: LEAD, body: { organisationId: ids.party, responsibilities: ['decides', 'contributes'] } }),
        'party',
      ),
    role: async () =>
      (ids.role = (
        await must(
          t.request('POST', `/cases/${ids.case}/roles`, { as: LEAD, body: { role: 'manager', organisationId: ids.organisation, holderId: ids.person } }),
          'role',
        )
      ).id),
    commitment: async () =>
      (ids.commitment = (
        await must(
          t.request('POST', `/cases/${ids.case}/resources`, { as: LEAD, body: { organisationId: ids.organisation, kind: 'money', amount: 1000, unit: 'SEK' } }),
          'commitment',
        )
      ).id),
    person: async () => (ids.deactivatable = await person(t, `r7.person.${Object.keys(ids).length}.${Date.now()}`, 'Avgående Person', ids.organisation!)),
    token: async () => (ids.token = (await must(t.request('POST', '/tokens', { as: ADMINISTRATOR, body: { name: 'R7', personId: ids.person } }), 'token')).id),
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T10:00:00+01:00');
    const orgs = await seedRegistry(t);
    const region = orgs.get('Region Kronoberg')!;
    const alvesta = orgs.get('Alvesta kommun')!;
    ids.organisation = region.id;
    ids.party = alvesta.id;
    ids.otherOrganisation = orgs.get('Växjö kommun')!.id;
    ids.board = [...region.boards.values()][0]!;
    ids.partyBoard = [...alvesta.boards.values()][0]!;
    ids.case = (await must(t.request('POST', '/cases', { as: LEAD, body: { workflow: 'samverkan', title: 'R7 – fientlig indata' } }), 'case')).id;
    touched.add(ids.case!);
    ids.person = await person(t, 'r7.anna', 'Anna Ek', region.id, 'anna@example.org');
    ids.deputy = await person(t, 'r7.bo', 'Bo Lind', region.id);
    await seed.party();
    await seed.role();
    await seed.commitment();
    await seed.person();
    await seed.token();
    ids.key = 'joint-agreement';
    await must(
      t.request('POST', `/cases/${ids.case}/decision-points`, {
        as: LEAD,
        body: { key: ids.key, title: 'Gemensam överenskommelse', referenceText: 'Parterna åtar sig att samverka.', boardIds: [ids.board, ids.partyBoard] },
      }),
      'decision point',
    );
    ids.goal = (
      await must(
        t.request('POST', `/cases/${ids.case}/goals`, { as: LEAD, body: { title: 'Halverad ungdomsarbetslöshet', kpi: 'N03937', municipalityCode: '07' } }),
        'goal',
      )
    ).id;
    ids.action = (
      await must(
        t.request('POST', `/cases/${ids.case}/actions`, { as: LEAD, body: { title: 'Öppna navigatorcentrum', responsibleOrganisationId: ids.organisation } }),
        'action',
      )
    ).id;
    ids.document = (
      await must(t.request('POST', `/cases/${ids.case}/documents`, { as: LEAD, body: { title: 'Avsiktsförklaring', kind: 'declarationOfIntent' } }), 'document')
    ).id;
    const published = await must(t.request('GET', '/workflows/samverkan/versions/1', { as: ADMINISTRATOR }), 'workflow');
    doc = (await t.request('GET', '/docs-json', { as: null })).body;

    const goal = {
      title: 'Halverad ungdomsarbetslöshet',
      kpi: 'N03937',
      indicatorName: 'Arbetslöshet 18–24 år',
      unit: '%',
      municipalityCode: '07',
      organisationId: ids.organisation,
      baselineValue: 12.4,
      baselineYear: 2022,
      targetKind: 'relative',
      targetValue: -50,
      targetYear: 2030,
      direction: 'decrease',
    };
    const action = {
      title: 'Öppna navigatorcentrum',
      responsibleOrganisationId: ids.organisation,
      dueDate: '2026-09-01',
      status: 'inProgress',
      subgroup: [ids.organisation, ids.party],
      goalId: ids.goal,
    };
    const submission = { workflow: published.definition, ruleSets: Object.values(published.ruleSets) as Json[] };
    const table: Record<string, { body: Json; query?: string }> = {
      'POST /cases': { body: { workflow: 'samverkan', version: 1, title: 'R7 – ett nytt ärende' } },
      'POST /cases/{id}/events': { body: { type: 'ADVANCE', comment: 'Beslut i styrgruppen 2026-11-20, § 14' } },
      'PATCH /cases/{id}/fields': {
        body: { arena: 'Blekingerådet', problemStatement: 'Ungdomsarbetslösheten är dubbelt så hög som i riket.', budget: 100000, signed: true },
      },
      'POST /cases/{id}/documents': {
        body: {
          title: 'Överenskommelse',
          kind: 'agreement',
          registryOrganisationId: ids.organisation,
          registrationNumber: 'KS 2026/123',
          link: 'https://diarie.example.se/ks-2026-123',
          confidential: true,
          visibleTo: [ids.organisation, ids.party],
        },
      },
      'PUT /cases/{id}/documents/{documentId}/file': { body: { file: 'is any bytes' }, query: 'name=avtal.pdf' },
      'POST /cases/{id}/documents/{documentId}/signatures': { body: { organisationId: ids.organisation, signedOn: '2026-03-01' } },
      'POST /cases/{id}/decision-points': { body: { key: 'r7-point', title: 'Ny punkt', referenceText: 'Texten som ska antas.', boardIds: [ids.board] } },
      'PATCH /cases/{id}/decision-points/{key}': {
        body: {
          title: 'Gemensam överenskommelse, reviderad',
          referenceText: 'Parterna åtar sig att samverka kring unga.',
          boardIds: [ids.board, ids.partyBoard],
        },
      },
      'PUT /cases/{id}/decision-points/{key}/decisions/{boardId}': {
        body: {
          status: 'announced',
          text: 'Parterna åtar sig att samverka.',
          meetingDate: '2026-02-10',
          minutesParagraph: '§ 14',
          minutesApprovedDate: '2026-02-14',
          announcedDate: '2026-02-16',
        },
      },
      'POST /cases/{id}/goals': { body: goal },
      'PATCH /cases/{id}/goals/{goalId}': { body: goal },
      'POST /cases/{id}/goals/{goalId}/measurements': { body: { period: 2025, value: 9.8 } },
      'POST /cases/{id}/goals/kolada-import': {
        body: { values: [{ kpi: 'N03937', municipality: '07', period: 2024, values: [{ gender: 'T', value: 10.1, count: 1, status: '' }] }] },
      },
      'POST /cases/{id}/resources': {
        body: {
          organisationId: ids.organisation,
          kind: 'money',
          amount: 500000,
          unit: 'SEK',
          description: 'Medfinansiering',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
        },
      },
      'POST /cases/{id}/actions': { body: action },
      'PATCH /cases/{id}/actions/{actionId}': { body: action },
      'POST /cases/{id}/parties': {
        body: { organisationId: ids.otherOrganisation, responsibilities: ['contributes', 'informed'], mustSign: false, benefit: 'Kunskap om unga' },
      },
      'PATCH /cases/{id}/parties/{organisationId}': {
        body: { responsibilities: ['decides', 'contributes'], mustSign: true, benefit: 'Färre unga utan arbete' },
      },
      'POST /cases/{id}/roles': {
        body: { role: 'steeringGroup', organisationId: ids.organisation, holderId: ids.person, deputyId: ids.deputy, required: false },
      },
      'PATCH /cases/{id}/roles/{roleId}': { body: { holderId: ids.person, deputyId: ids.deputy, required: true } },
      'PUT /cases/{id}/chair/rotation': {
        body: {
          entries: [
            { organisationId: ids.organisation, personId: ids.person },
            { organisationId: ids.party, personId: null },
          ],
          periodMonths: 12,
          startsOn: '2026-01-01',
        },
      },
      'POST /organisations': { body: { name: 'R7 Samordningsförbund', kind: 'other', orgNumber: '222000-1234', municipalityCode: '0764' } },
      'POST /organisations/{id}/boards': { body: { name: 'Socialnämnden', kind: 'committee' } },
      'POST /people': { body: { subject: 'r7.ny@example.org', name: 'Ny Person', email: 'ny@example.org', organisationId: ids.organisation, systemRoles: [] } },
      'PATCH /people/{id}': { body: { name: 'Anna Ek', email: 'anna.ek@example.org', systemRoles: [] } },
      'POST /tokens': { body: { name: 'Diariesystemet', personId: ids.person, expiresAt: '2027-01-01T00:00:00Z' } },
      'POST /workflows/validate': { body: submission },
      'POST /workflows': { body: submission },
    };
    for (const [op, base] of Object.entries(table)) bases.set(op, base);
  });
  afterAll(() => t.close());

  /** The concrete path of an operation, its parameters filled with the seeded ids. */
  function concrete(path: string): string {
    const registry = path.startsWith('/organisations')
      ? { id: ids.organisation }
      : path.startsWith('/people')
        ? { id: path.endsWith('/deactivate') ? ids.deactivatable : ids.person }
        : path.startsWith('/tokens')
          ? { id: ids.token }
          : {};
    const params: Record<string, string | undefined> = {
      id: ids.case,
      organisationId: ids.party,
      roleId: ids.role,
      key: ids.key,
      boardId: ids.board,
      goalId: ids.goal,
      commitmentId: ids.commitment,
      actionId: ids.action,
      documentId: ids.document,
      ...registry,
    };
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!params[name]) throw new Error(`no seeded id for the path parameter {${name}} of ${path}: add one to r7-api-fuzz.test.ts`);
      return params[name]!;
    });
  }

  it(`every class of hostile body to every write operation of /docs-json, then ${WRITE_RUNS} random ones: no 5xx, histories intact`, async () => {
    const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => {
          const key = `${method.toUpperCase()} ${path}`;
          const schema = op.requestBody?.content?.['application/json']?.schema;
          const base = bases.get(key) ?? { body: schema ? fromSchema(schema, doc, ids) : { note: 'R7' } };
          // No DTO behind it (an inline schema, or none): any key gets past the whitelist.
          const open = !schema?.$ref;
          return { method: method.toUpperCase(), path, key, base, open };
        }),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);
    // Every operation with a request body in the document has a valid body here (or one from its schema).
    const statuses = new Map<number, number>();
    const failures = new Map<string, string>();
    let sent = 0;

    const send = async (operation: (typeof operations)[number], cls: BadClass, pick: number, choice: number) => {
      const { where, body, raw } = variant(operation.base.body, cls, pick, choice);
      const path = concrete(operation.path);
      const url = operation.base.query ? `${path}?${operation.base.query}` : path;
      const as = operation.path.startsWith('/cases') ? LEAD : ADMINISTRATOR;
      const res = await t.request(operation.method, url, { as, ...(raw ? { rawBody: raw } : { body }) });
      sent++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) {
        const id = `${operation.key} ${cls} at ${where}`;
        if (!failures.has(id))
          failures.set(id, `${operation.method} ${url} ${(raw ?? JSON.stringify(body)).slice(0, 160)} → ${res.status} ${res.text.slice(0, 200)}`);
      }
      if (res.status < 300) await restore(operation.method, operation.path, res);
    };
    // A successful create of a case is a case touched; a successful removal is seeded again.
    const restore = async (method: string, path: string, res: ApiResponse) => {
      if (method === 'POST' && path === '/cases') touched.add(res.body.id);
      if (method === 'DELETE' && path.endsWith('/parties/{organisationId}')) await seed.party();
      if (method === 'DELETE' && path.endsWith('/roles/{roleId}')) await seed.role();
      if (method === 'DELETE' && path.endsWith('/resources/{commitmentId}')) await seed.commitment();
      if (path.endsWith('/deactivate')) await seed.person();
      if (path.endsWith('/revoke')) await seed.token();
    };

    // Every class to every operation, at several places.
    for (const operation of operations) {
      for (const [i, cls] of CLASSES.entries()) await send(operation, cls, i * 7 + operations.indexOf(operation), i + operations.indexOf(operation));
      // Where no DTO's whitelist stands in the way, every prototype member name, at the top.
      if (operation.open) for (const [i] of PROTOTYPE_KEYS.entries()) await send(operation, 'prototypeKey', 0, i);
    }
    const sweep = sent;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), fc.constantFrom(...CLASSES), fc.nat(), fc.nat(), async (operation, cls, pick, choice) => {
        await send(operation, cls, pick, choice);
      }),
      properties(WRITE_RUNS),
    );

    const verdicts = await Promise.all([...touched].map(async (id) => ({ id, ...(await t.request('GET', `/cases/${id}/history/verify`, { as: LEAD })).body })));
    // A broken chain, with the event it breaks at (what was written, as read back).
    const broken = await Promise.all(
      verdicts
        .filter((v) => v.valid !== true)
        .map(async (v) => ({
          ...v,
          event: (await t.request('GET', `/cases/${v.id}/history?after=${v.firstBrokenEvent - 1}&limit=1`, { as: LEAD })).body.events?.[0],
        })),
    );
    const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0);
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${c} × ${s}`)
      .join(', ');
    figure(
      `R7 API writes: ${n(sent)} hostile bodies (${n(sweep)} covering ${CLASSES.length} classes × ${operations.length} write operations, ${n(sent - sweep)} random) → ${fivexx} × 5xx (${byStatus}); ${verdicts.length - broken.length}/${verdicts.length} histories verify`,
    );
    expect([...failures.values()]).toEqual([]);
    expect(broken).toEqual([]);
  });
});
