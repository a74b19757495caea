import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/common/clock.js';
import { EscalationJob } from '../../src/escalations/escalation.job.js';
import { advance, setFields } from '../support/factories.js';
import { ANNA, fristDefinitions, seedCast, startCase } from '../support/deadline-fixture.js';
import { browserSuite, openPage, screenshots, signIn } from './support.js';

/**
 * The finish of the pages, on the "frist" workflow (a reminder a working day before a deadline, an
 * 8-hour step): a fired escalation is never shown as in time, and its colours agree with its words;
 * an hour deadline says by what time; the language switch changes the whole page at once; no page
 * scrolls sideways at 390 px and the header leaves the screen to the content; dates in words.
 *
 * Monday 1 March 2027: "Påmint ärende" enters `prepare` (3 working days: the last day is Thursday
 * 4 March, the reminder fires when it begins). Thursday 07.00: "Granskat ärende" enters the
 * 8-hour `reading` step (by 15.00). The tests look at Thursday 10.00, the inbox at Friday 10.00.
 */
/** The browser's window as these tests read it (the test files have no DOM types). */
type Win = { getComputedStyle(el: unknown): { borderLeftColor: string; color: string } };

const defs = fristDefinitions();
const clock = new ManualClock('2027-03-01T09:00:00+01:00');
const THURSDAY = '2027-03-04T10:00:00+01:00';

describe('the finish of the pages', () => {
  const s = browserSuite(
    async (t) => {
      const seeded = await seedCast(t);
      const reminded = await startCase(t, seeded, 'Påmint ärende');
      t.clock.set('2027-03-04T07:00:00+01:00');
      const reviewed = await startCase(t, seeded, 'Granskat ärende');
      await setFields(t, reviewed, { report: 'Rapporten är skriven.' }, { as: ANNA });
      await advance(t, reviewed, {}, { as: ANNA });
      t.clock.set(THURSDAY);
      await t.app.get(EscalationJob).run();
      return { reminded, reviewed, seeded };
    },
    { workflowsDir: defs.workflowsDir, rulesDir: defs.rulesDir, clock },
  );
  afterAll(() => defs.remove());

  /** The browser's clock at the service's, so that "i dag" is the service's today. */
  const atServerTime = async (page: Page) => page.clock.setFixedTime(new Date(s.t.clock.now()));
  const card = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  const stripe = (page: Page, title: string) => card(page, title).evaluate((li) => (globalThis as unknown as Win).getComputedStyle(li).borderLeftColor);
  const badgeColour = (page: Page, title: string) =>
    card(page, title)
      .locator('.badge')
      .first()
      .evaluate((b) => (globalThis as unknown as Win).getComputedStyle(b).color);

  it('shows a case whose reminder has fired as escalated, not in time, in words, symbol and colours that agree', async () => {
    const { page, errors } = await openPage(s.browser);
    await atServerTime(page);
    await signIn(page, s.t.url, await s.t.token(ANNA));
    const reminded = card(page, 'Påmint ärende');
    await reminded.getByText('Eskalerat: Påminnelse').waitFor();
    expect(await reminded.getByText('I tid').count()).toBe(0);
    expect(await reminded.locator('.badge [aria-hidden]').textContent()).toBe('! ');
    expect(await stripe(page, 'Påmint ärende')).toBe(await badgeColour(page, 'Påmint ärende'));
    expect(await stripe(page, 'Granskat ärende')).toBe(await badgeColour(page, 'Granskat ärende'));
    // An SLA in hours says by what time; one in days the last day.
    await card(page, 'Granskat ärende').getByText('Senast kl. 15.00 i dag', { exact: true }).waitFor();
    await reminded.getByText('Sista dagen i dag (senast 4 mars 2027)', { exact: true }).waitFor();
    // Dates in words, whole (no abbreviation), that do not wrap.
    expect(await reminded.locator('dd', { hasText: 'Påminnelse, skickad' }).textContent()).toBe('Påminnelse, skickad 4\u00a0mars\u00a02027, inte kvitterad');
    await s.check(page, 'my-cases-escalated');
    await screenshots(page, 'polish-my-cases');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches the whole page to English at once, server texts included, and remembers it', async () => {
    const { page, errors } = await openPage(s.browser);
    await atServerTime(page);
    await signIn(page, s.t.url, await s.t.token(ANNA));
    await card(page, 'Påmint ärende').getByText('Förberedelse').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    const reminded = card(page, 'Påmint ärende');
    await reminded.getByText('Preparation', { exact: true }).waitFor();
    await reminded.getByText('Deadlines', { exact: true }).waitFor();
    await reminded.getByText('Escalated: Reminder').waitFor();
    await page.getByRole('link', { name: 'New case' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'My cases' }).waitFor();
    await screenshots(page, 'polish-my-cases-english');

    await reminded.getByRole('link', { name: 'Påmint ärende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Påmint ärende' }).waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    // The report is not ready, so the step's gate is not met: no button, the step in words under the task list.
    await page.getByText('När uppgifterna ovan är klara kan du skicka på granskning.').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('When the tasks above are done you can send for review.').waitFor();
    expect(await page.getByText('Förberedelse').count()).toBe(0);
    expect(await page.getByText('Skicka på granskning').count()).toBe(0);
    await s.check(page, 'case-english');
    await screenshots(page, 'polish-case-english');
    await page.reload();
    await page.getByText('When the tasks above are done you can send for review.').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByText('När uppgifterna ovan är klara kan du skicka på granskning.').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits every page on a phone: the header takes at most a fifth of the screen, no page scrolls sideways', async () => {
    const { page, errors } = await openPage(s.browser, 390);
    await page.setViewportSize({ width: 390, height: 844 });
    await atServerTime(page);
    const problems: string[] = [];
    const measure = async (name: string) => {
      await page.waitForTimeout(100);
      const m = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number }; querySelector(s: string): { getBoundingClientRect(): { height: number } } | null };
          }
        ).document;
        return { width: d.documentElement.scrollWidth, header: d.querySelector('.site-header')?.getBoundingClientRect().height ?? 0 };
      });
      if (m.width > 390) problems.push(`${name}: the document is ${m.width} px wide`);
      if (m.header > 844 / 5) problems.push(`${name}: the header is ${m.header} px high`);
      await page.screenshot({ path: `test/browser/screenshots/phone-${name}-390.png`, fullPage: true });
    };
    await page.goto(`${s.t.url}/app/`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await measure('sign-in');
    await page.goto(`${s.t.url}/app/accessibility`);
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await measure('accessibility-signed-out');
    await signIn(page, s.t.url, await s.t.token(ANNA));
    await card(page, 'Påmint ärende').waitFor();
    await measure('my-cases');
    await page.getByRole('link', { name: 'Eskaleringar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eskaleringar' }).waitFor();
    await measure('inbox');
    await page.getByRole('link', { name: 'Arbetsflöden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsflöden' }).waitFor();
    await measure('workflows');
    await page.getByRole('link', { name: /^Frister, version 1/ }).click();
    await page.getByRole('img', { name: 'Livscykeln för Frister' }).waitFor();
    await measure('workflow-version');
    await page.goto(`${s.t.url}/app/workflows/check`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await measure('check');
    await page.goto(`${s.t.url}/app/accessibility`);
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await measure('accessibility');
    expect(await page.title()).toBe('Tillgänglighetsredogörelse – Samverkan');
    await s.check(page, 'accessibility-phone');
    await page.goto(`${s.t.url}/app/cases/${s.data.reviewed}`);
    await page.getByRole('heading', { level: 1, name: 'Granskat ärende' }).waitFor();
    await page.locator('#history').getByText('Historiken är obruten', { exact: false }).waitFor();
    await measure('case');
    await page.locator('#history').screenshot({ path: 'test/browser/screenshots/phone-case-history-390.png' });
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows an escalation that has fired in red in the inbox, stripe and badge alike, and in my cases as late', async () => {
    s.t.clock.set('2027-03-05T10:00:00+01:00');
    await s.t.app.get(EscalationJob).run();
    const { page, errors } = await openPage(s.browser);
    await atServerTime(page);
    await signIn(page, s.t.url, await s.t.token(s.data.seeded.cast.maria.as));
    await card(page, 'Påmint ärende').locator('.badge', { hasText: 'Försenat' }).waitFor();
    expect(
      await card(page, 'Påmint ärende')
        .getByText(/Eskalering till chef, skickad .*, inte kvitterad/)
        .count(),
    ).toBe(1);
    await page.getByRole('link', { name: 'Eskaleringar' }).click();
    const escalation = page.getByRole('listitem').filter({ hasText: 'Eskalering till chef' });
    await escalation.getByText('Öppen').waitFor();
    const colours = await escalation.evaluate((li) => [
      (globalThis as unknown as Win).getComputedStyle(li).borderLeftColor,
      (globalThis as unknown as Win).getComputedStyle(li.querySelector('.badge')!).color,
    ]);
    expect(colours[0]).toBe(colours[1]);
    expect(colours[0]).toBe('rgb(138, 28, 28)');
    // Past the deadline by less than a working day is late, not "the last day"; an hour deadline has its hour.
    expect(await escalation.getByText('Försenat, mindre än en arbetsdag').count()).toBe(1);
    await page.getByRole('listitem').filter({ hasText: 'Granskat ärende' }).getByText('4 mars 2027 kl. 15.00', { exact: true }).waitFor();
    expect(await escalation.getByText('Skickad 5 mars 2027 kl. 10.00', { exact: true }).count()).toBe(1);
    await s.check(page, 'inbox-fired');
    await screenshots(page, 'polish-inbox');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on the pages above (axe-core)', () => {
    expect(s.violations).toEqual({});
  });
});
