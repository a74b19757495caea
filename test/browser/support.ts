import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH overrides. No browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built web interface (npm run build). */
export const WEB_DIR = resolve('dist/web');
/** Screenshots of the main pages, to look at (gitignored). */
export const SCREENSHOTS = resolve('test/browser/screenshots');

/**
 * The real application (createApp, as main.ts builds it) serving the built web interface, on the
 * embedded or real database (DATABASE_URL), with the clock tests move: the service's clock
 * mechanism for tests, so a stalled case is made by moving time, not by waiting.
 */
export async function startUiApp(options: TestAppOptions = {}): Promise<TestApp> {
  if (!existsSync(resolve(WEB_DIR, 'index.html'))) throw new Error(`${WEB_DIR} is missing: run "npm run build" (npm run test:browser does)`);
  return startTestApp({ ...options, config: { webDir: WEB_DIR, ...options.config } });
}

/** Headless Chromium with the flags this network needs (no background connections). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page (its own storage) at a width; browser errors fail the test through `errors`. */
export async function openPage(browser: Browser, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

/** Signs in on the sign-in page by pasting a token, as a person would. */
export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/app/`);
  await page.getByLabel('API-token').fill(token);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; the violations, briefly. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Screenshots of the whole page at 1280 and 390 px wide, in test/browser/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** What a browser test file shares: the app, the browser, its data, and the axe findings per page. */
export interface BrowserSuite<T> {
  t: TestApp;
  browser: Browser;
  data: T;
  violations: Record<string, string[]>;
  /** Runs axe on the page as it is now and keeps what it finds under `name`. */
  check(page: Page, name: string): Promise<void>;
}

/** Starts the app (with `options`: another clock, other workflows) and the browser before the file's tests (with `setup`'s data) and stops them after. */
export function browserSuite<T>(setup: (t: TestApp) => Promise<T>, options: TestAppOptions = {}): BrowserSuite<T> {
  const s = { violations: {} } as BrowserSuite<T>;
  s.check = async (page, name) => {
    const found = await axeViolations(page);
    if (found.length) s.violations[name] = found;
  };
  beforeAll(async () => {
    s.t = await startUiApp(options);
    s.data = await setup(s.t);
    s.browser = await launchBrowser();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.t?.close();
  });
  return s;
}
