import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '../test/support/service-process.js';
import { developmentToken } from '../test/support/service-token.js';
import { benchServiceEnv, runB2, settledRss } from './b2-http.js';
import { fmt, type BenchContext, type BenchOutcome, type BenchRow } from './lib/context.js';
import { createToggleCasesOverHttp, describeRun, fireToggles } from './lib/http-load.js';

const MIB = 2 ** 20;
const mib = (bytes: number) => `${fmt(bytes / MIB)} MiB`;

/**
 * B6, memory: the service process's RSS at rest and after load, on a PostgreSQL server (B2's run;
 * B2 runs first if it was not selected) and on the embedded database (PGlite inside the process,
 * in a temporary DATA_DIR), which carries the database in the service's own memory.
 */
export async function runB6(ctx: BenchContext): Promise<BenchOutcome> {
  const rows: BenchRow[] = [];
  if (!ctx.shared.b2ServiceRss) {
    ctx.log('B6: B2 was not selected; running it for the PostgreSQL figures');
    rows.push(...(await runB2(ctx)).rows);
  }
  const onServer = ctx.shared.b2ServiceRss!;
  const caseCount = Math.min(ctx.settings.cases, 200);
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-bench-data-'));
  try {
    const service = await startService({
      env: { ...benchServiceEnv(undefined, 1), DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'false', NODE_ENV: 'development' },
    });
    try {
      const atRest = await settledRss(service);
      ctx.log(`B6: embedded database: ${caseCount} cases, then 10 connections for ${ctx.settings.httpSeconds} s`);
      // Outside production the embedded service writes its administrator's token to DATA_DIR.
      const token = developmentToken(dataDir);
      const ids = await createToggleCasesOverHttp(service.url, token, caseCount, 4);
      const load = await fireToggles(service.url, token, ids, 10, ctx.settings.httpSeconds);
      const afterLoad = await settledRss(service);
      rows.push(
        {
          bench: 'B6',
          what: 'service RSS, PostgreSQL server',
          ours: `${mib(onServer.atRest!)} at rest, ${mib(onServer.afterLoad!)} after B2`,
          limit: '–',
          ratio: '–',
          goal: '–',
          met: '–',
        },
        {
          bench: 'B6',
          what: 'service RSS, embedded database (PGlite in the process)',
          ours: `${mib(atRest)} at rest, ${mib(afterLoad)} after 10 connections × ${ctx.settings.httpSeconds} s (${describeRun(load)})`,
          limit: '–',
          ratio: '–',
          goal: '–',
          met: '–',
        },
      );
      return { rows, figures: { rssBytes: { postgresServer: onServer, embedded: { atRest, afterLoad } }, embeddedLoad: load } };
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
