import { readFileSync } from 'node:fs';
import { EscalationJob } from '../../src/escalations/escalation.job.js';
import { kronobergCaseAtDecisions, PEOPLE } from './kronoberg-case.js';
import { ADMINISTRATOR } from '../support/test-app.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

/**
 * The rest of issue 7 in a real browser: a manager sees the stalled case in the escalations inbox
 * (how late, why) and acknowledges it; the workflow catalogue, a version's diagram and the check
 * page with errors at their JSON pointers; the accessibility statement; the English switch; a
 * keyboard-only pass over the case page. axe-core on every page, screenshots at 1280 and 390 px.
 */
describe('the other pages in the browser', () => {
  const s = browserSuite(kronobergCaseAtDecisions);

  it('lets a person use the case page with the keyboard alone: Tab reaches every link, field and button, Enter acts', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.goto(`${s.t.url}/app/cases/${s.data.id}`);
    await page.getByRole('link', { name: 'Registrera beslutet i Region Kronoberg – regionstyrelsen' }).waitFor();
    await page.getByRole('heading', { name: 'Beslutspunkt: Likalydande beslut: Barnens bästa gäller' }).waitFor();
    await page.locator('#history').getByText('Historiken är obruten', { exact: false }).waitFor();
    // Every element one can act on, numbered.
    const all: string[] = await page.evaluate(() => {
      const els = [...(globalThis as any).document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')].filter(
        (el: any) => !el.disabled && el.getClientRects().length > 0,
      );
      return els.map((el: any, i: number) => {
        el.dataset.kbd = String(i);
        return `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}"`;
      });
    });
    await page.mouse.click(1, 1);
    const reached = new Set<string>();
    for (let i = 0; i < all.length + 20; i++) {
      await page.keyboard.press('Tab');
      const kbd = await page.evaluate(() => (globalThis as any).document.activeElement?.dataset.kbd ?? null);
      if (kbd !== null) reached.add(kbd);
    }
    expect(all.filter((_, i) => !reached.has(String(i)))).toEqual([]);
    expect(all.length).toBeGreaterThan(30);

    // Enter: the skip link moves to the content; a task's link opens the form that does it, focused.
    await page.reload();
    await page.getByRole('link', { name: 'Registrera beslutet i Region Kronoberg – regionstyrelsen' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('main');
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)) === 'Registrera beslutet i Region Kronoberg – regionstyrelsen')
        break;
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'rec-joint-agreement-h');
    await s.check(page, 'case-keyboard');
    await screenshots(page, 'case');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a manager the stalled case in the inbox, how late and why, and acknowledges it', async () => {
    s.t.clock.set('2027-03-15T10:00:00+01:00');
    await s.t.app.get(EscalationJob).run();
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.manager));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Barnens bästa gäller' }) });
    await card.getByText('Försenat').waitFor();
    await page.getByRole('link', { name: 'Eskaleringar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eskaleringar' }).waitFor();
    const escalation = page.getByRole('listitem').filter({ hasText: 'Eskalering till chef' });
    await escalation.getByText(/\d+ arbetsdagar sen/).waitFor();
    await escalation.getByText('Region Kronoberg – regionstyrelsen: beslut saknas.').waitFor();
    await s.check(page, 'inbox');
    await screenshots(page, 'inbox');
    await escalation.getByLabel('Kommentar till historiken (frivillig)').fill('Tas upp i styrgruppen nästa vecka.');
    await escalation.getByRole('button', { name: 'Kvittera eskaleringen för Barnens bästa gäller' }).click();
    await page.getByText('Eskaleringen är kvitterad.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Eskalering till chef' }).waitFor({ state: 'detached' });
    const ladder = (await s.t.request('GET', `/cases/${s.data.id}/escalations`, { as: PEOPLE.manager })).body;
    expect(ladder.find((e: any) => e.level === 'manager' && e.step.id === 'decisions')).toMatchObject({
      status: 'acknowledged',
      acknowledged: { comment: 'Tas upp i styrgruppen nästa vecka.' },
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the workflow catalogue, a version’s lifecycle, and checks a file with errors at their JSON pointers', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.getByRole('link', { name: 'Arbetsflöden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsflöden' }).waitFor();
    await s.check(page, 'workflows');
    await screenshots(page, 'workflows');
    await page.getByRole('link', { name: /^Barnens bästa gäller, version 1/ }).click();
    await page.getByRole('img', { name: 'Livscykeln för Barnens bästa gäller' }).waitFor();
    expect(await page.locator('.lifecycle-text > li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Samla aktörerna/), expect.stringMatching(/^Likalydande beslut/)]),
    );
    await s.check(page, 'workflow-version');
    await screenshots(page, 'workflow-version');

    // Checking runs the sender's rules: process owners of definitions only (the administrator is one).
    await page.goto(`${s.t.url}/app/workflows/check`);
    await page.getByText('Bara processägare för arbetsflödesdefinitioner').waitFor();
    await signOut(page);
    // A mistyped token is refused in Swedish, the server's reason included.
    await page.getByLabel('API-token').fill('svk_not-a-token-anyone-was-given');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByText('Inloggningen misslyckades: API-token är okänd, återkallad eller har gått ut').waitFor();
    await signIn(page, s.t.url, await s.t.token(ADMINISTRATOR));
    await page.goto(`${s.t.url}/app/workflows/check`);
    const broken = JSON.parse(readFileSync('workflows/kronoberg.v1.json', 'utf8'));
    broken.states.decisions.on.ADVANCE.target = 'jointProblm';
    await page.getByLabel('Eller klistra in filens innehåll (JSON)').fill(JSON.stringify(broken, null, 2));
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByText('#/states/decisions/on/ADVANCE/target', { exact: false }).waitFor();
    await page.getByText(/okänt steg "jointProblm"/).waitFor();
    expect(await page.getByText(/unknown state/).count()).toBe(0);
    await s.check(page, 'check');
    await screenshots(page, 'check');
    await page.getByLabel('Eller klistra in filens innehåll (JSON)').fill(readFileSync('rules/identical-decisions.json', 'utf8'));
    await page.getByLabel('En regeluppsättning (rules/*.json)').check();
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByText('Filen är giltig.').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has an accessibility statement (also before signing in) and an English switch that is remembered', async () => {
    const { page, errors } = await openPage(s.browser);
    await page.goto(`${s.t.url}/app/accessibility`);
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await page.getByRole('link', { name: 'kontakta DIGG och påpeka det' }).waitFor();
    expect(await page.getByRole('link', { name: 'tillganglighet@samverkan.example' }).first().getAttribute('href')).toBe(
      'mailto:tillganglighet@samverkan.example',
    );
    await s.check(page, 'accessibility');
    await screenshots(page, 'accessibility');

    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.goto(`${s.t.url}/app/cases/${s.data.id}`);
    await page.getByRole('heading', { name: 'Att göra före nästa steg' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'To do before the next step' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('en');
    await page.reload();
    await page
      .locator('#gate')
      .getByText(/^Record the decision of Region Kronoberg/)
      .waitFor();
    await s.check(page, 'case-english');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Att göra före nästa steg' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on the pages above (axe-core)', () => {
    expect(s.violations).toEqual({});
  });
});
