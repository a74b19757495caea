import type { Page } from 'playwright-core';
import { kronobergCaseAtDecisions, PEOPLE, REFERENCE } from './kronoberg-case.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

/**
 * Issue 7's first scenario in a real browser: the secretariats of a Kronoberg case record their
 * boards' decisions; the region's text differs by two words, so the gate blocks and shows the word
 * diff; the region's secretariat corrects it and advances the case. And a person of a municipality
 * that is no party cannot see the case at all. axe checks every page on the way.
 */
describe('a Kronoberg case in the browser', () => {
  const s = browserSuite(kronobergCaseAtDecisions);

  /** On the case page: fills the decision form for the person's own board and saves it. */
  async function recordDecision(page: Page, text: string, board: string, correction?: string) {
    const form = page.getByRole('form', { name: 'Registrera eller rätta ett beslut' });
    // The dates make the decision final at once; correcting its registration then needs a reason.
    if (correction) await form.getByLabel('Rättelse: varför ändras registreringen?').fill(correction);
    await form.getByLabel('Status').selectOption({ label: 'Anslaget' });
    await form.getByLabel('Sammanträde').fill('2026-09-01');
    await form.getByLabel('Paragraf').fill('§ 41');
    await form.getByLabel('Justerat').fill('2026-09-04');
    await form.getByLabel('Anslaget').fill('2026-09-07');
    await form.getByLabel('Text', { exact: true }).fill(text);
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`Beslutet för ${board} är sparat.`).waitFor();
  }

  async function openCase(page: Page) {
    await page.getByRole('link', { name: 'Barnens bästa gäller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller' }).waitFor();
    await page.getByRole('heading', { name: 'Beslutspunkt: Likalydande beslut: Barnens bästa gäller' }).waitFor();
  }

  it('lets each secretariat record its board, blocks the gate on the one differing text with its word diff, and advances once corrected', async () => {
    const { page, errors } = await openPage(s.browser);
    await page.goto(`${s.t.url}/app/`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await s.check(page, 'sign-in');

    // Alvesta and Växjö record their boards' decisions, word for word the reference text.
    for (const [who, board] of [
      [PEOPLE.alvesta, 'Alvesta kommun – socialnämnden'],
      [PEOPLE.vaxjo, 'Växjö kommun – socialnämnden'],
    ] as const) {
      await signIn(page, s.t.url, await s.t.token(who));
      await openCase(page);
      await recordDecision(page, REFERENCE, board);
      await signOut(page);
    }

    // The region's secretariat: My cases says what the region owes; it records its board's decision with two words missing.
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Barnens bästa gäller' }) });
    await card.getByText('Region Kronoberg – regionstyrelsen: beslut saknas.').waitFor();
    await s.check(page, 'my-cases');
    await screenshots(page, 'my-cases');
    await openCase(page);
    const gate = page.locator('#gate');
    await gate.getByRole('link', { name: 'Registrera beslutet i Region Kronoberg – regionstyrelsen' }).waitFor();
    await recordDecision(page, REFERENCE.replace('tidiga och förebyggande insatser', 'tidiga insatser'), 'Region Kronoberg – regionstyrelsen');

    // Blocked: the task list names the board and the words; the diff shows them side by side.
    await gate.getByText('Se över beslutstexten i Region Kronoberg – regionstyrelsen: den skiljer sig från referenstexten').waitFor();
    await gate.getByText(/Beslutet saknar ”och förebyggande” som finns i referenstexten\. \(ord \d+–\d+\)/).waitFor();
    const diff = page.getByRole('figure').filter({ hasText: 'Orddiff för Region Kronoberg – regionstyrelsen' });
    await expectText(diff.locator('del'), '[saknas: och förebyggande]');
    expect(await page.getByRole('figure').count()).toBe(1);
    // No button that can only fail: the step is taken once the tasks are done.
    expect(await gate.getByRole('button').count()).toBe(0);
    await gate.getByText('När uppgifterna ovan är klara kan du gå vidare till Gemensamt problem.').waitFor();
    await s.check(page, 'case-blocked');
    await screenshots(page, 'case-blocked');

    // Corrected after the approved minutes: the gate passes and the case moves on.
    await recordDecision(page, REFERENCE, 'Region Kronoberg – regionstyrelsen', 'Rättad enligt det justerade protokollet');
    await page.locator('#gate').getByText('Alla uppgifter är klara. Du kan gå vidare till Gemensamt problem.').waitFor();
    await page.getByRole('figure').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Gå vidare till Gemensamt problem' }).click();
    await page.getByText('Klart: ärendet är nu i steget Gemensamt problem.').waitFor();
    await page.locator('.lifecycle-text [aria-current="step"]').getByText('Gemensamt problem (nuvarande steg)').waitFor();
    await s.check(page, 'case-advanced');
    await screenshots(page, 'case-advanced');

    const state = (await s.t.request('GET', `/cases/${s.data.id}`, { as: PEOPLE.region })).body;
    expect(state.state.steps.map((s: any) => s.id)).toEqual(['jointProblem']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows nothing of the case to a municipality that is no party: not listed, and "not found" by its address', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.ljungby));
    await page.getByText('Inga ärenden matchar.').waitFor();
    expect(await page.getByRole('link', { name: 'Barnens bästa gäller' }).count()).toBe(0);
    await page.goto(`${s.t.url}/app/cases/${s.data.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await page.getByText('Ärendet finns inte, eller så är din organisation inte part i det.').waitFor();
    expect(await page.getByText('Barnens bästa gäller').count()).toBe(0);
    await s.check(page, 'case-not-found');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on the pages above (axe-core)', () => {
    expect(s.violations).toEqual({});
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.first().waitFor();
  expect((await locator.allTextContents()).join(' ')).toContain(text);
}
