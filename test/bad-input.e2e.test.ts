import { createCase } from './support/factories.js';
import { FIELD_LIFECYCLE, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Bad input gets a clear 4xx and changes nothing; a 500 is a bug. The endpoints are taken from the
 * OpenAPI document, so a new endpoint is fuzzed without anyone adding it here.
 */
describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(FIELD_LIFECYCLE);
  });
  afterAll(() => t.close());

  const MALFORMED_BODIES: Array<[string, string]> = [
    ['broken JSON', '{"workflow": "samverkan",'],
    ['a JSON array', '[1, 2, 3]'],
    ['a JSON string', '"ADVANCE"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['an empty object', '{}'],
    ['wrong types', '{"workflow": 5, "title": ["x"], "type": {"a": 1}, "comment": 7, "version": "two"}'],
    ['unknown fields', '{"id": "00000000-0000-4000-8000-000000000000", "version": 99, "state": "closed", "hash": "x", "createdBy": "me"}'],
    ['deep nesting', `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`],
    ['a prototype key', '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'],
    ['control characters', '{"title": "\\u0000\\u0007", "workflow": "samverkan", "arena": "a\\u0007b"}'],
    ['a NUL in a key', '{"ar\\u0000ena": "x"}'],
  ];

  it('never answers 500 to malformed bodies, headers or ids on any endpoint of the OpenAPI document', async () => {
    const { id: fuzzedCaseId } = await createCase(t, { title: 'Fuzz' });
    const doc = (await t.request('GET', '/docs-json', { as: null })).body;
    const endpoints = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(endpoints.length).toBeGreaterThanOrEqual(9);
    const ids = [fuzzedCaseId, '00000000-0000-4000-8000-000000000000', "1'; drop table cases; --%00..%2F", 'x'.repeat(2000)];
    const failures: string[] = [];
    for (const { method, path } of endpoints) {
      for (const id of ids) {
        const concrete = path.replace('{id}', id).replace('{version}', id.slice(0, 20));
        const attempts: Array<Parameters<TestApp['request']>[2]> = [
          { body: { type: 'ADVANCE' }, headers: { 'if-match': 'garbage', 'idempotency-key': 'x'.repeat(500), 'accept-language': '*;q=abc,,,' } },
          // Every malformed body, with the real id only: the id's own checks come first otherwise.
          ...(id === fuzzedCaseId
            ? [
                ...MALFORMED_BODIES.map(([, rawBody]) => ({ rawBody })),
                { rawBody: '{"type":"ADVANCE"}', headers: { 'content-type': 'text/plain' } },
                { body: { type: 'ADVANCE' }, headers: { authorization: 'Bearer svk_forged' } },
                { body: { type: 'ADVANCE' }, as: null },
              ]
            : []),
        ];
        for (const attempt of attempts) {
          // fetch sends no body with GET; the headers and query still go.
          const sent = method === 'GET' ? { headers: attempt?.headers ?? {}, ...(attempt?.as === null ? { as: null } : {}) } : attempt;
          const res = await t.request(method, `${concrete}?event=%%%&limit=-1&offset=abc&state[]=x&q=%00`, sent);
          if (res.status >= 500) failures.push(`${method} ${concrete} ${JSON.stringify(attempt).slice(0, 80)} → ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('explains malformed JSON, unknown fields and wrong types precisely', async () => {
    const { id: caseId } = await createCase(t, { title: 'Precise' });
    const broken = await t.request('POST', '/cases', { rawBody: '{"workflow": "samverkan",' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^innehållet är inte giltig JSON: /) });
    const brokenEn = await t.request('POST', '/cases', { rawBody: '{"workflow": "samverkan",', headers: { 'accept-language': 'en' } });
    expect(brokenEn.body).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^the body is not valid JSON: /) });

    const unknown = await t.request('POST', '/cases', { body: { workflow: 'samverkan', title: 'X', id: 'mine', state: 'closed' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'id', message: 'okänt fält: det ingår inte i den här begäran' },
      { path: 'state', message: 'okänt fält: det ingår inte i den här begäran' },
    ]);

    const types = await t.request('POST', `/cases/${caseId}/events`, { body: { type: 'advance', comment: 5 } });
    expect(types.status).toBe(400);
    expect(types.body.errors).toEqual([
      { path: 'type', message: 'type måste skrivas med versaler och understreck (UPPER_SNAKE_CASE), t.ex. "ADVANCE"' },
      { path: 'comment', message: 'comment måste vara en text' },
    ]);
    // In English when asked, in the DTO's own words where it has them.
    const typesEn = await t.request('POST', `/cases/${caseId}/events`, { body: { type: 'advance', comment: 5 }, headers: { 'accept-language': 'en' } });
    expect(typesEn.body.errors).toEqual([
      { path: 'type', message: 'type must be an event in UPPER_SNAKE_CASE, e.g. "ADVANCE"' },
      { path: 'comment', message: 'comment must be a string' },
    ]);

    const fields = await t.request('PATCH', `/cases/${caseId}/fields`, { body: { Arena: 'x', problemStatement: '', goals: { a: 1 } } });
    expect(fields.status).toBe(400);
    expect(fields.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Fältens värden är inte giltiga.' });
    expect(fields.body.errors).toEqual([
      { path: 'Arena', message: 'ett fältnamn skrivs i lowerCamelCase med 1–64 bokstäver och siffror, t.ex. "problemStatement"' },
      { path: 'problemStatement', message: 'får inte vara tomt; skicka null för att ta bort fältet' },
      { path: 'goals', message: 'måste vara en text, ett tal, true/false eller null' },
    ]);
    const english = await t.request('PATCH', `/cases/${caseId}/fields`, {
      body: { Arena: 'x', problemStatement: '', goals: { a: 1 } },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'the field values are not valid' });
    expect(english.body.errors).toEqual([
      { path: 'Arena', message: 'field names are lowerCamelCase, 1–64 letters and digits, e.g. "problemStatement"' },
      { path: 'problemStatement', message: 'must not be empty; send null to remove the field' },
      { path: 'goals', message: 'must be a text, a number, true/false, or null' },
    ]);
  });

  it('answers 401, 404, 409 and 413 where they belong', async () => {
    const { id: caseId } = await createCase(t, { title: 'Precise' });
    expect((await t.request('GET', '/cases', { as: null })).status).toBe(401);
    const missing = '/cases/00000000-0000-4000-8000-000000000000';
    expect((await t.request('GET', missing)).body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Ärendet "00000000-0000-4000-8000-000000000000" hittades inte',
    });
    expect((await t.request('GET', missing, { headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' } })).body.message).toBe(
      'Ärendet "00000000-0000-4000-8000-000000000000" hittades inte',
    );
    expect((await t.request('GET', missing, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'case "00000000-0000-4000-8000-000000000000" was not found',
    });
    expect((await t.request('GET', '/cases/nope')).status).toBe(400);
    expect((await t.request('GET', '/no/such/route')).body).toMatchObject({
      status: 404,
      message: 'det finns ingen sådan adress i tjänsten: GET /no/such/route',
    });
    expect((await t.request('GET', '/no/such/route', { headers: { 'accept-language': 'en' } })).body).toMatchObject({
      status: 404,
      message: 'no such endpoint: GET /no/such/route',
    });
    expect((await t.request('POST', '/cases', { body: { workflow: 'no-such', title: 'X' } })).body).toMatchObject({ status: 404, code: 'WORKFLOW_NOT_FOUND' });
    const notHere = await t.request('POST', `/cases/${caseId}/events`, { body: { type: 'CLOSE' } });
    expect(notHere.body).toMatchObject({ status: 409, code: 'EVENT_NOT_ACCEPTED', accepted: ['ADVANCE'] });
    expect((await t.request('GET', `/cases/${caseId}/gate`)).status).toBe(400);
    const huge = await t.request('PATCH', `/cases/${caseId}/fields`, { body: { arena: 'x'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    expect((await t.request('GET', `/cases/${caseId}`)).body.version).toBe(1);
  });
});
