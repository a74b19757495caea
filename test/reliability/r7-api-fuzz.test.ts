import fc from 'fast-check';
import { readyCase } from '../support/cases.js';
import { ADMINISTRATOR, MEMBER, SECRETARIAT, STEERING_GROUP, FIELD_LIFECYCLE, startTestApp, type RequestOptions, type TestActor, type TestApp } from '../support/test-app.js';
import { figure, n, properties } from './figure.js';

const RUNS = Number(process.env.R7_API_RUNS ?? 1500);

/** Visible ASCII: what an HTTP header value may hold (fetch refuses the rest before sending). */
const headerText = (maxLength = 40) => fc.string({ unit: 'grapheme-ascii', maxLength });
const oddText = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', '-1', '0', '1e9', 'null', 'true', '[]', '{}', '__proto__', 'constructor', 'ADVANCE', 'x'.repeat(3000), '\u0000', '%', '💥'));

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
      fc.dictionary(fc.oneof(fc.constantFrom('type', 'comment', 'workflow', 'title', 'version', 'arena', 'agreement', 'problemStatement', '__proto__'), fc.string({ maxLength: 10 })), fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText)),
      fc.record({ type: fc.constantFrom('ADVANCE', 'CLOSE', 'REVISE_GOALS', 'TOGGLE', 'advance'), comment: fc.option(oddText, { nil: undefined }) }, { requiredKeys: ['type'] }),
    );
    const request = fc.record({
      endpoint: fc.constantFrom(...endpoints),
      id: segment,
      version: segment,
      query: fc.dictionary(fc.oneof(fc.constantFrom('event', 'limit', 'offset', 'state', 'workflow', 'q', 'status', 'after'), fc.string({ maxLength: 8 })), oddText, { maxKeys: 4 }),
      body: fc.oneof(body.map((b) => ({ body: b })), oddText.map((raw) => ({ rawBody: raw }))),
      headers: fc.record(
        {
          authorization: fc.oneof(headerText(), headerText().map((t) => `Bearer ${t}`), headerText().map((t) => `Bearer svk_${t}`), fc.constant('Bearer eyJhbGciOiJub25lIn0.e30.')),
          'if-match': fc.oneof(headerText(), fc.nat().map((v) => `"${v}"`)),
          'idempotency-key': headerText(),
          'accept-language': fc.oneof(headerText(), fc.constantFrom('sv', 'en', 'en-GB,en;q=0.9', '*;q=abc')),
          'content-type': fc.oneof(headerText(), fc.constantFrom('application/json', 'text/plain', 'application/merge-patch+json', 'application/json; charset=latin1')),
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
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${c} × ${s}`).join(', ');
    figure(`R7 API: ${n(total)} random requests over ${endpoints.length} endpoints → ${statuses.get(500) ?? 0} × 500 (${byStatus})`);
  });
});
