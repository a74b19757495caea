import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, openApiText } from '../src/cli/write-openapi.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The committed contract (schemas/openapi.json, which the web app's types are generated from) is
 * the document the running service serves at /docs-json. A change to a controller or DTO that is
 * not followed by `npm run openapi` fails here, before the web app and the service drift apart.
 */
describe('the OpenAPI contract', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('schemas/openapi.json is what the service serves at /docs-json', async () => {
    const served = await t.request('GET', '/docs-json', { as: null });
    expect(served.status).toBe(200);
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (openApiText(served.body) !== committed) {
      const paths = (doc: { paths: Record<string, unknown> }) => Object.keys(doc.paths).sort().join(', ');
      throw new Error(
        `${OPENAPI_FILE} differs from the service's /docs-json: run \`npm run openapi\` and commit the result.\nServed paths: ${paths(served.body)}`,
      );
    }
  });

  it('every operation declares its success and error answers with schemas', async () => {
    const doc = (await t.request('GET', '/docs-json', { as: null })).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
    };
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const codes = Object.keys(operation.responses);
        const success = codes.find((c) => c.startsWith('2'));
        const hasSchema = (code: string | undefined) => !!code && Object.values(operation.responses[code]!.content ?? {}).some((c) => c.schema);
        if (!hasSchema(success) || !codes.some((c) => c.startsWith('4') && hasSchema(c))) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
