import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { developmentAdministrator } from '../access/development-admin.js';
import { DEVELOPMENT_TOKEN_FILE } from '../demo/development-data.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.js';
import { loadConfig } from '../config/app-config.js';
import { embeddedTarget } from '../config/database.js';
import { SCENARIOS, type ScenarioName } from '../demo/scenarios.js';
import { Walk } from '../demo/walk.js';

/**
 * `npm run demo -- <blekinge|kronoberg|boras|orebro>`: walks that seed case through its whole
 * lifecycle over the HTTP API, printing each step, each blocked gate with its Swedish
 * explanation, and what was done to satisfy it. Uses the service at DEMO_URL (default
 * http://127.0.0.1:$PORT) with an administrator token from DEMO_TOKEN or, on a development
 * machine, the one `npm start` wrote to DATA_DIR/dev-token.txt; if no service answers, it starts
 * one on an in-memory embedded database.
 */
export async function runDemo(args: string[], print: (line: string) => void): Promise<number> {
  const name = args[0] as ScenarioName | undefined;
  if (!name || !(name in SCENARIOS)) {
    print(`usage: npm run demo -- <${Object.keys(SCENARIOS).join('|')}>`);
    return 2;
  }
  const config = loadConfig();
  let url = process.env.DEMO_URL ?? `http://127.0.0.1:${config.port}`;
  let app: NestExpressApplication | undefined;
  let token = process.env.DEMO_TOKEN;
  if (!(await answers(url))) {
    print(`No service answers at ${url}: starting one on an embedded database in memory.`);
    const database = await embeddedTarget(undefined);
    app = await createApp({ config, database, migrate: true, scheduler: false, logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    token = (await developmentAdministrator(app)).token;
  }
  token ??= developmentTokenOf(config.dataDir);
  if (!token) {
    print(`The service at ${url} needs an administrator token: set DEMO_TOKEN (see docs/access-and-security.md, "Signing in").`);
    return 2;
  }
  try {
    const walk = new Walk(url, token, print);
    await SCENARIOS[name](walk);
    print(
      `✓ ${name}: ${walk.transcript.steps.length} steg, ${walk.transcript.blocked.length} stopp i grindarna förklarade och åtgärdade; historiken verifierar: ${JSON.stringify((await walk.api.get(`/cases/${walk.caseId}/history/verify`)).valid)}`,
    );
    return 0;
  } finally {
    await app?.close();
  }
}

function developmentTokenOf(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, DEVELOPMENT_TOKEN_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDemo(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
