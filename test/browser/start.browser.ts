import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startService, type ServiceProcess } from '../support/service-process.js';
import { developmentToken } from '../support/service-token.js';
import { axeViolations, launchBrowser, openPage } from './support.js';

/**
 * The "done when", as `npm start` runs it: the built service as a process of its own on a
 * fresh embedded database with the demo data. A browser at its address gets the sign-in page (with
 * the hint where the development token is) and, signed in with that token, the four demo cases.
 */
describe('npm start in a browser', () => {
  let service: ServiceProcess;
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-start-'));

  beforeAll(async () => {
    service = await startService({
      env: { DATABASE_URL: undefined, DATA_DIR: dataDir, NODE_ENV: 'development', SEED_DEMO: 'true', SCHEDULER_ENABLED: 'false' },
      readyTimeoutMs: 120_000,
    });
    // The service answers at once and then walks the demo cases; it prints the token when done.
    for (let i = 0; i < 1200 && !service.output().includes('Development administrator token'); i++) await new Promise((r) => setTimeout(r, 100));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the sign-in at the printed address and, after it, the seeded demo cases', async () => {
    const printed = /Web interface: (\S+)/.exec(service.output())?.[1];
    expect(printed).toBe(`${service.url}/`);
    const { page, errors } = await openPage(browser);
    await page.goto(printed!);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/signin');
    await page.getByText('data/dev-token.txt', { exact: false }).waitFor();
    await page.getByLabel('API-token').fill(developmentToken(dataDir));
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
    await page.getByText('4 ärenden').waitFor();
    const titles = await page.locator('.cards h2').allTextContents();
    expect(titles.sort()).toEqual(['Barnens bästa gäller', 'Blekinge unga lyfter', 'Business Region Örebro', 'Centrum för kunskap och säkerhet']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
