import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../app.js';
import { openApiDocument } from '../api/openapi.js';
import { loadConfig } from '../config/app-config.js';
import { embeddedTarget } from '../config/database.js';

/** Where the contract is committed; the web app's types (web/src/api-types.ts) are generated from it. */
export const OPENAPI_FILE = 'schemas/openapi.json';

/** The document as written to the file: two-space JSON and a final newline, so diffs stay readable. */
export function openApiText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/*
 * `npm run openapi`: builds the application on a throwaway embedded database (the document does not
 * depend on data, but the application's modules connect when they start) and writes its document.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-openapi-'));
  const database = await embeddedTarget(dir);
  try {
    const config = { ...loadConfig({}), dataDir: dir };
    const app = await createApp({ config, database, migrate: true, scheduler: false, logger: false });
    await app.init();
    writeFileSync(OPENAPI_FILE, openApiText(openApiDocument(app)));
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`wrote ${OPENAPI_FILE}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
