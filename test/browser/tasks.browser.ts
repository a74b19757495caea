import type { Page } from 'playwright-core';
import { person, seedRegistry } from '../support/governance-fixture.js';
import type { TestApp } from '../support/test-app.js';
import { PEOPLE, REFERENCE } from './kronoberg-case.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

const TITLE = 'Barnens bästa gäller – Kronoberg';

/** Before the scenario, over the API: the registry and the people, each by name. The case itself is started and worked through the pages. */
async function registryAndPeople(t: TestApp): Promise<{ caseId: string }> {
  const orgs = await seedRegistry(t);
  const id = (name: string) => orgs.get(name)!.id;
  await person(t, PEOPLE.region.person, 'Lena Ek', id('Region Kronoberg'));
  await person(t, PEOPLE.manager.person, 'Karl Dahl', id('Region Kronoberg'));
  await person(t, 'maria.nilsson', 'Maria Nilsson', id('Region Kronoberg'));
  await person(t, PEOPLE.vaxjo.person, 'Anna Berg', id('Växjö kommun'));
  await person(t, PEOPLE.alvesta.person, 'Sara Lund', id('Alvesta kommun'));
  return { caseId: '' };
}

/**
 * The gate as a task list: Region Kronoberg's secretariat starts a Kronoberg case and follows the
 * task links to meet the first gate (parties, the arena by its label, the agreement registered and
 * signed, the steering group), takes the step with the one primary button, sets up the decision
 * point from its task; each party's secretariat records its own board's decision from its task;
 * Växjö's text differs by one word, which the task list names with the board; Växjö corrects it,
 * and the region moves the case on. axe on every state, screenshots at 1280 and 390 px.
 */
describe('the gate as a task list in the browser', () => {
  const s = browserSuite(registryAndPeople);
  const sideways: string[] = [];

  async function look(page: Page, name: string): Promise<void> {
    await s.check(page, name);
    await screenshots(page, `tasks-${name}`);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    if (width > 390) sideways.push(`${name}: ${width} px`);
    await page.setViewportSize(size);
  }

  const gate = (page: Page) => page.locator('#gate');
  const task = (page: Page, title: string | RegExp) => gate(page).getByRole('listitem').filter({ hasText: title });
  const banner = (page: Page) => page.locator('.banner-success');

  async function openCase(page: Page) {
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await gate(page).getByRole('heading', { name: 'Att göra före nästa steg' }).waitFor();
  }

  /** The board-decision form the task's link leads to: the board chosen, the rest filled in and saved. */
  async function recordDecision(page: Page, board: string, text: string, correction?: string) {
    await page.waitForURL(/#rec-joint-agreement$/);
    const form = page.getByRole('form', { name: 'Registrera eller rätta ett beslut' });
    await form.waitFor();
    expect(await form.getByLabel('Nämnd').locator('option:checked').textContent()).toBe(board);
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

  it('leads the secretariats from task to form until each gate is met, then takes the step', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));

    // A new case, through the page.
    await page.getByRole('link', { name: 'Nytt ärende' }).click();
    await page.getByRole('radio', { name: 'Barnens bästa gäller' }).check();
    await page.getByRole('textbox', { name: 'Ärendets namn' }).fill(TITLE);
    await page.getByRole('button', { name: 'Starta ärendet' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    s.data.caseId = new URL(page.url()).pathname.split('/').at(-1)!;

    // The first gate as a task list: no key anywhere, and no primary button that can only fail.
    await gate(page).getByRole('heading', { name: 'Att göra före nästa steg' }).waitFor();
    await gate(page).locator('#gate-h').scrollIntoViewIfNeeded();
    const text = (await gate(page).textContent()) ?? '';
    for (const key of ['arena', 'agreement', 'declarationOfIntent', 'steeringGroup', 'ADVANCE']) expect(text).not.toContain(key);
    await task(page, 'Fyll i ”Arena (forum)”').getByText('Ej påbörjad').waitFor();
    expect(await gate(page).getByRole('button').count()).toBe(0);
    await gate(page).getByText('När uppgifterna ovan är klara kan du gå vidare till Likalydande beslut.').waitFor();
    await look(page, 'first-gate');

    // The parties: from the task to the add-party form, twice.
    for (const [search, org] of [
      ['Växjö', 'Växjö kommun'],
      ['Alvesta', 'Alvesta kommun'],
    ] as const) {
      await gate(page)
        .getByRole('link', { name: /^Lägg till parter|^Ange vilka parter som beslutar/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Lägg till en part' }).waitFor();
      await page.getByLabel('Sök organisation').fill(search);
      await page.getByRole('radio', { name: org }).check();
      await page.getByRole('checkbox', { name: 'Beslutar' }).check();
      await page.getByRole('checkbox', { name: 'Bidrar' }).check();
      await page.getByRole('group', { name: 'Ska parten underteckna överenskommelsen?' }).getByRole('radio', { name: 'Nej' }).check();
      await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).fill('Tidigare och samordnade insatser för barn och unga i kommunen.');
      await page.getByRole('button', { name: 'Lägg till parten' }).click();
      await banner(page).getByText(`${org} är nu part i ärendet.`).waitFor();
    }
    await look(page, 'parties-added');

    // Each municipality's secretariat (not a task of the gate: from the parties area).
    for (const [org, name] of [
      ['Växjö kommun', 'Anna Berg'],
      ['Alvesta kommun', 'Sara Lund'],
    ] as const) {
      await page.locator('#parties').getByRole('link', { name: 'Tilldela en roll' }).click();
      await page.getByRole('radio', { name: 'Sekretariat' }).check();
      await page.getByLabel('För vilken part?').selectOption({ label: org });
      await page.getByLabel('Vem har rollen?').selectOption({ label: name });
      await page.getByRole('button', { name: 'Tilldela rollen' }).click();
      await banner(page).getByText(`${name} har nu rollen Sekretariat för ${org}.`).waitFor();
    }

    // The steering group: the role form with the role chosen.
    await gate(page)
      .getByRole('link', { name: /^Utse styrgrupp/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tilldela en roll' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Styrgrupp' }).isChecked()).toBe(true);
    await page.getByLabel('För vilken part?').selectOption({ label: 'Region Kronoberg' });
    await page.getByLabel('Vem har rollen?').selectOption({ label: 'Maria Nilsson' });
    await page.getByRole('button', { name: 'Tilldela rollen' }).click();
    await banner(page).getByText('Maria Nilsson har nu rollen Styrgrupp för Region Kronoberg.').waitFor();

    // The arena, by its label, in the form the task opens with the cursor in the field.
    await gate(page).getByRole('link', { name: 'Fyll i ”Arena (forum)”' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ärendets uppgifter' }).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'f-arena');
    expect(await page.locator('main').textContent()).not.toMatch(/\barena\b|dataSources/);
    await look(page, 'fields-from-task');
    await page.getByRole('textbox', { name: /^Arena \(forum\)/ }).fill('Regionalt forum Barnens bästa och lokala forum i varje kommun.');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await banner(page).getByText('Uppgifterna är sparade: Arena (forum).').waitFor();
    await task(page, 'Fyll i ”Arena (forum)”').getByText('Klar').waitFor();

    // The agreement: registered with its kind chosen by the task, then signed.
    await gate(page)
      .getByRole('link', { name: /^Registrera dokumentet/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Registrera ett dokument' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Överenskommelse' }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Dokumentets titel' }).fill('Överenskommelse Barnens bästa gäller');
    await page.getByRole('radio', { name: 'Nej, alla parter får se det' }).check();
    await page.getByRole('button', { name: 'Registrera dokumentet' }).click();
    await banner(page).getByText('”Överenskommelse Barnens bästa gäller” är registrerat som överenskommelse.').waitFor();
    await look(page, 'agreement-registered');
    const signTasks = gate(page).getByRole('link', { name: /skriver under ”Överenskommelse”/ });
    while ((await signTasks.count()) > 0) {
      await signTasks.first().click();
      await page.getByRole('heading', { level: 1, name: /^Registrera en underskrift/ }).waitFor();
      await page.getByRole('textbox', { name: 'Dag' }).fill('3');
      await page.getByRole('textbox', { name: 'Månad' }).fill('3');
      await page.getByRole('textbox', { name: 'År' }).fill('2026');
      await page.getByRole('button', { name: 'Registrera underskriften' }).click();
      await banner(page).waitFor();
      await gate(page).getByRole('heading', { name: 'Att göra före nästa steg' }).waitFor();
    }

    // Every task done: one primary button takes the step.
    await gate(page).getByText('Alla uppgifter är klara. Du kan gå vidare till Likalydande beslut.').waitFor();
    await look(page, 'first-gate-met');
    await gate(page).getByRole('button', { name: 'Gå vidare till Likalydande beslut' }).click();
    await gate(page).getByText('Klart: ärendet är nu i steget Likalydande beslut.').waitFor();

    // The decision point, from its task: the key the gate asks for, never shown.
    await gate(page)
      .getByRole('link', { name: /^Lägg upp beslutspunkten/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Lägg upp en beslutspunkt' }).waitFor();
    await page.getByRole('textbox', { name: 'Beslutspunktens namn' }).fill('Likalydande beslut om Barnens bästa');
    await page.getByRole('textbox', { name: 'Texten som ska beslutas' }).fill(REFERENCE);
    for (const board of ['Regionstyrelsen – Region Kronoberg', 'Socialnämnden – Växjö kommun', 'Socialnämnden – Alvesta kommun'])
      await page.getByRole('checkbox', { name: board }).check();
    await page.getByRole('button', { name: 'Lägg upp beslutspunkten' }).click();
    await banner(page)
      .getByText(/är upplagd/)
      .waitFor();

    // The boards: the region's own is a link; the others wait for their organisations.
    await task(page, 'Registrera beslutet i Växjö kommun – socialnämnden').getByText('Väntar på Växjö kommun').waitFor();
    expect(await gate(page).getByRole('link', { name: 'Registrera beslutet i Växjö kommun – socialnämnden' }).count()).toBe(0);
    await look(page, 'decisions-waiting');
    await gate(page).getByRole('link', { name: 'Registrera beslutet i Region Kronoberg – regionstyrelsen' }).click();
    await recordDecision(page, 'Region Kronoberg – regionstyrelsen', REFERENCE);
    await signOut(page);

    // Each municipality's secretariat records its own board from its task; Växjö's text differs by one word.
    for (const [who, board, text] of [
      [PEOPLE.vaxjo, 'Växjö kommun – socialnämnden', REFERENCE.replace('tidiga och förebyggande', 'tidiga och förberedande')],
      [PEOPLE.alvesta, 'Alvesta kommun – socialnämnden', REFERENCE],
    ] as const) {
      await signIn(page, s.t.url, await s.t.token(who));
      await openCase(page);
      await gate(page)
        .getByRole('link', { name: `Registrera beslutet i ${board}` })
        .click();
      await recordDecision(page, board, text);
      await signOut(page);
    }

    // The region: the task names Växjö's board and the word; no button invites a click that can only fail.
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await openCase(page);
    const differs = task(page, /Se över beslutstexten i Växjö kommun – socialnämnden/);
    await differs.getByText('Ordet som skiljer: beslutet har ”förberedande” där referenstexten har ”förebyggande”.', { exact: false }).waitFor();
    await differs.getByText('Väntar på Växjö kommun').waitFor();
    expect(await gate(page).getByRole('button').count()).toBe(0);
    await gate(page).locator('#gate-h').scrollIntoViewIfNeeded();
    await look(page, 'decision-differs');
    await signOut(page);

    // Växjö corrects its text from the task.
    await signIn(page, s.t.url, await s.t.token(PEOPLE.vaxjo));
    await openCase(page);
    await gate(page)
      .getByRole('link', { name: /Se över beslutstexten i Växjö kommun – socialnämnden/ })
      .click();
    await recordDecision(page, 'Växjö kommun – socialnämnden', REFERENCE, 'Rättad enligt det justerade protokollet');
    await signOut(page);

    // The manager of the region may not take the step: the page says who may.
    await signIn(page, s.t.url, await s.t.token(PEOPLE.manager));
    await openCase(page);
    await gate(page)
      .getByText(/^Sekretariatet för Region Kronoberg.* kan gå vidare till Gemensamt problem\.$/)
      .waitFor();
    expect(await gate(page).getByRole('button').count()).toBe(0);
    await look(page, 'someone-else-may');
    await signOut(page);

    // The region's secretariat moves the case on with the primary button.
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await openCase(page);
    await gate(page).locator('#gate-h').scrollIntoViewIfNeeded();
    await look(page, 'decisions-met');
    await gate(page).getByRole('button', { name: 'Gå vidare till Gemensamt problem' }).click();
    await gate(page).getByText('Klart: ärendet är nu i steget Gemensamt problem.').waitFor();
    await look(page, 'moved-on');

    // The history in words: who, what, no keys.
    const history = page.locator('#history');
    await history.getByText('Lena Ek, Region Kronoberg').first().waitFor();
    expect((await history.textContent()) ?? '').not.toMatch(/case\.transitioned|party\.added|sekr\.region/);
    await history.scrollIntoViewIfNeeded();
    await look(page, 'history');

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on the states above (axe-core), and no page scrolls sideways at 390 px', () => {
    expect(s.violations).toEqual({});
    expect(sideways).toEqual([]);
  });
});
