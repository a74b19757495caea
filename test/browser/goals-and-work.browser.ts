import type { Page } from 'playwright-core';
import { seedRegistry } from '../support/governance-fixture.js';
import type { TestActor, TestApp } from '../support/test-app.js';
import { PEOPLE } from './kronoberg-case.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

/** A second secretariat of the region, who changes a goal while the first is in its form. */
const OTHER: TestActor = { person: 'karin.ek', organisation: '07' };

interface WorkCase {
  id: string;
  vaxjo: string;
  alvesta: string;
}

/**
 * Before the scenario, over the API: the registry and a new Kronoberg case of the region (it leads,
 * its secretariat runs the case), with Växjö and Alvesta as parties, Växjö's secretariat, and a
 * second secretariat of the region. Goals, measurements, resources and actions are then entered in
 * the pages.
 */
async function newCase(t: TestApp): Promise<WorkCase> {
  const orgs = await seedRegistry(t);
  const vaxjo = orgs.get('Växjö kommun')!.id;
  const alvesta = orgs.get('Alvesta kommun')!.id;
  const region = orgs.get('Region Kronoberg')!.id;
  const created = await t.request('POST', '/cases', { as: PEOPLE.region, body: { workflow: 'kronoberg', title: 'Barnens bästa gäller' } });
  if (created.status !== 201) throw new Error(`case: ${created.status} ${created.text}`);
  const id = created.body.id as string;
  for (const org of [vaxjo, alvesta]) {
    const added = await t.request('POST', `/cases/${id}/parties`, {
      as: PEOPLE.region,
      body: { organisationId: org, responsibilities: ['decides', 'contributes'], mustSign: true },
    });
    if (added.status !== 201) throw new Error(`party: ${added.status} ${added.text}`);
  }
  for (const [who, org] of [
    [PEOPLE.vaxjo, vaxjo],
    [OTHER, region],
  ] as const) {
    const person = await t.identity(who);
    const role = await t.request('POST', `/cases/${id}/roles`, {
      as: PEOPLE.region,
      body: { role: 'secretariat', organisationId: org, holderId: person.personId },
    });
    if (role.status !== 201) throw new Error(`role: ${role.status} ${role.text}`);
  }
  return { id, vaxjo, alvesta };
}

/**
 * Mål, Resurser and Handlingsplan, every write through the pages: Region Kronoberg's secretariat
 * adds goals (a Kolada key figure for Växjö and for Alvesta, an own indicator for the whole
 * collaboration), records a measurement with the keyboard alone, imports a Kolada file, changes a
 * goal in a conflict with a colleague, commits and withdraws a resource, adds and changes actions
 * in subgroups; Växjö's secretariat sees only what it may do. axe on every page and form state,
 * screenshots at 1280 and 390 px, no page scrolls sideways at 390 px.
 */
describe('goals, resources and the action plan in the browser', () => {
  const s = browserSuite(newCase);
  const sideways: string[] = [];

  async function look(page: Page, name: string): Promise<void> {
    await s.check(page, name);
    await screenshots(page, `work-${name}`);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    if (width > 390) sideways.push(`${name}: ${width} px`);
    await page.setViewportSize(size);
  }

  const activeClass = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.className as string) ?? '');

  async function confirmed(page: Page, area: string, text: string | RegExp): Promise<void> {
    await page.locator(`#${area} .banner`).getByText(text).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('banner'));
  }

  async function tabTo(page: Page, text: string | RegExp): Promise<void> {
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = (globalThis as any).document.activeElement;
        const label = el?.labels?.[0]?.textContent;
        return ((label ?? el?.textContent ?? '') as string).replace(/\s+/g, ' ').trim();
      });
      if (typeof text === 'string' ? now === text : text.test(now)) return;
    }
    throw new Error(`Tab never reached ${text}`);
  }

  async function fillKoladaGoal(page: Page, party: string, code: string) {
    await page.getByRole('textbox', { name: 'Vad vill ni uppnå?' }).fill('Färre barn i ekonomiskt utsatta hushåll');
    await page.getByRole('radio', { name: 'Med ett nyckeltal från Kolada' }).check();
    await page.getByRole('textbox', { name: 'Nyckeltalets id i Kolada' }).fill('N02904');
    await page.getByRole('textbox', { name: 'Kommunkod eller regionkod' }).fill(code);
    await page.getByRole('textbox', { name: /^Enhet/ }).fill('%');
    await page
      .getByRole('group', { name: /Vems mål är det/ })
      .getByRole('radio', { name: party })
      .check();
    await page.getByRole('textbox', { name: /^Utgångsvärde/ }).fill('12,4');
    await page.getByRole('textbox', { name: /^Utgångsår/ }).fill('2023');
    await page.getByRole('radio', { name: 'Som en förändring i procent från utgångsvärdet' }).check();
    await page.getByRole('textbox', { name: /^Målvärde/ }).fill('-50');
    await page.getByRole('textbox', { name: /^Målår/ }).fill('2030');
  }

  it('lets the lead secretariat do every write of the three areas through the pages', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.goto(`${s.t.url}/app/cases/${s.data.id}#goals`);
    const goals = page.locator('#goals');
    await goals.getByText(/Inga mål än/).waitFor();
    await look(page, 'case-empty');

    // A goal: an empty submit lists what is missing; a wrong key figure is caught by the service at its field.
    await goals.getByRole('link', { name: 'Lägg till ett mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till ett mål' }).waitFor();
    await look(page, 'goal-add');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Skriv vad ni vill uppnå', 'Välj hur målet mäts']);
    expect(await activeClass(page)).toContain('error-summary');
    await look(page, 'goal-add-errors');
    await fillKoladaGoal(page, 'Växjö kommun', '0780');
    await page.getByRole('textbox', { name: 'Nyckeltalets id i Kolada' }).fill('N0290');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    await summary.getByRole('link', { name: /Nyckeltalets id/ }).waitFor();
    await look(page, 'goal-add-refused');
    await page.getByRole('textbox', { name: 'Nyckeltalets id i Kolada' }).fill('N02904');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    await confirmed(page, 'goals', 'Målet ”Färre barn i ekonomiskt utsatta hushåll” är tillagt.');

    // The same goal for Alvesta, and a joint goal with an own indicator.
    await goals.getByRole('link', { name: 'Lägg till ett mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till ett mål' }).waitFor();
    await fillKoladaGoal(page, 'Alvesta kommun', '0764');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    await confirmed(page, 'goals', /är tillagt/);
    await goals.getByRole('link', { name: 'Lägg till ett mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till ett mål' }).waitFor();
    await page.getByRole('textbox', { name: 'Vad vill ni uppnå?' }).fill('Fler unga som fullföljer gymnasiet');
    await page.getByRole('radio', { name: 'Med en egen indikator' }).check();
    await page.getByRole('textbox', { name: 'Indikatorns namn' }).fill('Andel som fullföljer gymnasiet inom fyra år');
    await page.getByRole('textbox', { name: /^Enhet/ }).fill('%');
    await page.getByRole('radio', { name: 'Gemensamt mål för hela samverkan' }).check();
    await page.getByRole('textbox', { name: /^Utgångsvärde/ }).fill('71');
    await page.getByRole('textbox', { name: /^Utgångsår/ }).fill('2023');
    await page.getByRole('radio', { name: 'Som ett värde' }).check();
    await page.getByRole('textbox', { name: /^Målvärde/ }).fill('85');
    await page.getByRole('textbox', { name: /^Målår/ }).fill('2030');
    await look(page, 'goal-add-filled');
    await page.getByRole('button', { name: 'Lägg till målet' }).click();
    await confirmed(page, 'goals', /är tillagt/);

    // A measurement with the keyboard alone.
    await page.locator('#goals .banner').focus();
    await tabTo(page, 'Registrera ett mätvärde för Fler unga som fullföljer gymnasiet');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Registrera ett mätvärde' }).waitFor();
    await look(page, 'measure');
    await tabTo(page, 'År');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2025');
    await tabTo(page, 'Värde');
    await page.keyboard.type('76,5');
    await tabTo(page, 'Registrera värdet');
    await page.keyboard.press('Enter');
    await confirmed(page, 'goals', 'Värdet 76,5 för 2025 är registrerat för målet ”Fler unga som fullföljer gymnasiet”.');
    await goals.getByText('I takt med planen').first().waitFor();
    await look(page, 'case-goals');

    // Correcting a year's value: the form says the year has one.
    await goals.getByRole('link', { name: 'Registrera ett mätvärde för Fler unga som fullföljer gymnasiet' }).click();
    await page.getByRole('textbox', { name: 'År' }).fill('2025');
    await page.getByText('För 2025 finns redan värdet 76,5. Det ersätts med det du skriver.').waitFor();
    await look(page, 'measure-correct');
    await page.getByRole('textbox', { name: 'Värde' }).fill('75,9');
    await page.getByRole('button', { name: 'Registrera värdet' }).click();
    await confirmed(page, 'goals', /Värdet 75,9 för 2025/);

    // A Kolada file: nothing chosen is caught; then the values that match the goals are imported.
    await goals.getByRole('link', { name: 'Importera en fil från Kolada' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera en fil från Kolada' }).waitFor();
    await page.getByRole('button', { name: 'Importera värdena' }).click();
    await summary.getByRole('link', { name: 'Välj en fil från Kolada' }).waitFor();
    await look(page, 'import-errors');
    const file = {
      values: [
        { kpi: 'N02904', municipality: '0780', period: 2025, values: [{ gender: 'T', value: 10.1 }] },
        { kpi: 'N02904', municipality: '0764', period: 2025, values: [{ gender: 'T', value: 12.9 }] },
        { kpi: 'N02904', municipality: '0781', period: 2025, values: [{ gender: 'T', value: 9.0 }] },
      ],
    };
    await page
      .getByLabel('Fil från Kolada')
      .setInputFiles({ name: 'kolada-N02904.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByText('Vald fil: kolada-N02904.json').waitFor();
    await look(page, 'import-chosen');
    await page.getByRole('button', { name: 'Importera värdena' }).click();
    await confirmed(page, 'goals', '2 värden importerades till 2 mål.');
    await page.locator('#goals .banner').getByText('1 värde i filen hör inte till något mål i ärendet och hoppades över.').waitFor();
    // One goal measured for two parties: one chart, each party's progress in words.
    const bars = goals.locator('.progress-chart');
    expect(await bars.count()).toBe(1);
    expect(await bars.locator('.progress-name').allTextContents()).toEqual(['Alvesta kommun', 'Växjö kommun']);
    await bars.getByText('37 % (planen: 29 %)').waitFor();
    expect(await goals.locator('svg.goal-chart').count()).toBe(1);
    await look(page, 'case-goals-imported');

    // Changing a goal while a colleague changes it: the conflict, a reload that keeps what was typed.
    await goals.getByRole('link', { name: 'Ändra målet för Fler unga som fullföljer gymnasiet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra målet' }).waitFor();
    await page.getByRole('textbox', { name: /^Målår/ }).fill('2032');
    const goalList = (await s.t.request('GET', `/cases/${s.data.id}/goals`, { as: OTHER })).body as Array<{ id: string; title: string }>;
    const joint = goalList.find((g) => g.title === 'Fler unga som fullföljer gymnasiet')!;
    const colleague = await s.t.request('PATCH', `/cases/${s.data.id}/goals/${joint.id}`, { as: OTHER, body: { unit: 'procent' } });
    expect(colleague.status).toBe(200);
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const conflict = page.locator('.conflict');
    await conflict.getByRole('heading', { name: 'Någon annan har ändrat ärendet medan du arbetade' }).waitFor();
    await look(page, 'goal-conflict');
    await conflict.getByRole('button', { name: 'Läs in ärendet igen' }).click();
    await conflict.getByText(/Ärendet är inläst igen/).waitFor();
    // The colleague's change, to a field she had not touched, is named in the notice and taken into the form.
    await conflict.getByText('procent', { exact: true }).waitFor();
    await look(page, 'goal-conflict-reloaded');
    expect(await page.getByRole('textbox', { name: /^Enhet/ }).inputValue()).toBe('procent');
    expect(await page.getByRole('textbox', { name: /^Målår/ }).inputValue()).toBe('2032');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await confirmed(page, 'goals', 'Målet ”Fler unga som fullföljer gymnasiet” är ändrat.');
    await goals.getByText('85 procent, 2032').waitFor();

    // Resources: an empty submit, then half a full-time post from Växjö; withdrawn after a check page.
    const resources = page.locator('#resources');
    await resources.getByRole('link', { name: 'Utlova en resurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utlova en resurs' }).waitFor();
    await page.getByRole('button', { name: 'Utlova resursen' }).click();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Välj vilken part som utlovar resursen', 'Välj vad slags resurs det är']);
    await look(page, 'resource-errors');
    await page.getByRole('radio', { name: 'Växjö kommun' }).check();
    await page.getByRole('radio', { name: /^Personal/ }).check();
    await page.getByRole('textbox', { name: /Hur mycket/ }).fill('0,5');
    await page.getByRole('radio', { name: 'årsarbetare' }).check();
    await page.getByRole('textbox', { name: /Beskriv resursen/ }).fill('En samordnare på halvtid för det gemensamma forumet.');
    await page
      .getByRole('group', { name: /Från och med/ })
      .getByRole('textbox', { name: 'Dag' })
      .fill('1');
    await page
      .getByRole('group', { name: /Från och med/ })
      .getByRole('textbox', { name: 'Månad' })
      .fill('1');
    await page
      .getByRole('group', { name: /Från och med/ })
      .getByRole('textbox', { name: 'År' })
      .fill('2027');
    await look(page, 'resource-filled');
    await page.getByRole('button', { name: 'Utlova resursen' }).click();
    await confirmed(page, 'resources', 'Växjö kommun har utlovat 0,5 årsarbetare (personal).');
    await resources.getByText('från 1 januari 2027').waitFor();
    await resources.getByRole('link', { name: 'Utlova en resurs' }).click();
    await page.getByRole('radio', { name: 'Alvesta kommun' }).check();
    await page.getByRole('radio', { name: /^Pengar/ }).check();
    await page.getByRole('textbox', { name: /Hur mycket/ }).fill('250000');
    await page.getByRole('radio', { name: 'kronor', exact: true }).check();
    await page.getByRole('button', { name: 'Utlova resursen' }).click();
    await confirmed(page, 'resources', 'Alvesta kommun har utlovat 250 000 kronor (pengar).');
    await look(page, 'case-resources');
    await resources.getByRole('link', { name: /Dra tillbaka 250 000 kronor/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Dra tillbaka resursen' }).waitFor();
    await look(page, 'resource-withdraw');
    await page.getByRole('button', { name: 'Dra tillbaka resursen' }).click();
    await confirmed(page, 'resources', 'Alvesta kommun har dragit tillbaka 250 000 kronor (pengar).');

    // The action plan: an action of a subgroup, one of all; a status changed.
    const plan = page.locator('#action-plan');
    await plan.getByText(/Inga åtgärder än/).waitFor();
    await plan.getByRole('link', { name: 'Lägg till en åtgärd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till en åtgärd' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await summary.getByRole('link', { name: 'Skriv vad som ska göras' }).waitFor();
    await look(page, 'action-errors');
    await page.getByRole('textbox', { name: 'Vad ska göras?' }).fill('Gemensam skolsocial insats i Växjö och Alvesta');
    await page
      .getByRole('group', { name: /Vilken part är ansvarig/ })
      .getByRole('radio', { name: 'Växjö kommun' })
      .check();
    await page
      .getByRole('group', { name: /Vilka parter arbetar/ })
      .getByRole('checkbox', { name: 'Växjö kommun' })
      .check();
    await page
      .getByRole('group', { name: /Vilka parter arbetar/ })
      .getByRole('checkbox', { name: 'Alvesta kommun' })
      .check();
    await page.getByRole('textbox', { name: 'Dag' }).fill('1');
    await page.getByRole('textbox', { name: 'Månad' }).fill('9');
    await page.getByRole('textbox', { name: 'År' }).fill('2027');
    await look(page, 'action-filled');
    await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await confirmed(page, 'action-plan', 'Åtgärden ”Gemensam skolsocial insats i Växjö och Alvesta” är tillagd i handlingsplanen.');
    await plan.getByRole('link', { name: 'Lägg till en åtgärd' }).click();
    await page.getByRole('textbox', { name: 'Vad ska göras?' }).fill('Regionalt forum för barn och unga');
    await page
      .getByRole('group', { name: /Vilken part är ansvarig/ })
      .getByRole('radio', { name: 'Region Kronoberg' })
      .check();
    await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await confirmed(page, 'action-plan', /är tillagd/);
    await plan.getByRole('heading', { name: 'Undergrupp: Växjö kommun, Alvesta kommun' }).waitFor();
    await plan.getByRole('heading', { name: 'Utan undergrupp' }).waitFor();
    await plan.getByRole('link', { name: 'Ändra åtgärden Gemensam skolsocial insats i Växjö och Alvesta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra åtgärden' }).waitFor();
    await page.getByRole('radio', { name: 'Pågår' }).check();
    await look(page, 'action-change');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await confirmed(page, 'action-plan', 'Åtgärden ”Gemensam skolsocial insats i Växjö och Alvesta” är ändrad.');
    await plan.locator('.badge', { hasText: 'Pågår' }).waitFor();
    await look(page, 'case-actions');

    // The history says what was done.
    await page.locator('#history').getByText(/Mål/).first().waitFor();
    await signOut(page);
    expect(errors).toEqual([]);
  });

  it("shows Växjö's secretariat only what it may do: measure its own goal, commit its own resources", async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.vaxjo));
    await page.goto(`${s.t.url}/app/cases/${s.data.id}#goals`);
    const goals = page.locator('#goals');
    await goals.getByText(/Mål läggs till och ändras av sekretariatet hos den ledande parten \(Region Kronoberg\)/).waitFor();
    expect(await goals.getByRole('link', { name: 'Lägg till ett mål' }).count()).toBe(0);
    expect(await goals.getByRole('link', { name: /Ändra målet/ }).count()).toBe(0);
    // Its own goal and the joint one it may measure; Alvesta's not.
    expect(await goals.getByRole('link', { name: /Registrera ett mätvärde/ }).count()).toBe(2);
    await page.locator('#action-plan').getByText('Handlingsplanen ändras av den ledande partens sekretariat eller av ärendets processägare.').waitFor();
    await look(page, 'case-vaxjo');
    await page.locator('#resources').getByRole('link', { name: 'Utlova en resurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utlova en resurs' }).waitFor();
    expect(
      await page
        .getByRole('group', { name: /Vilken part utlovar/ })
        .getByRole('radio')
        .count(),
    ).toBe(1);
    // A form it may not use, opened by its address: who may, and no form.
    await page.goto(`${s.t.url}/app/cases/${s.data.id}/actions/new`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Lägg till åtgärden' }).count()).toBe(0);
    await page.getByText(/Handlingsplanen ändras av den ledande partens sekretariat/).waitFor();
    await look(page, 'not-allowed');
    expect(errors).toEqual([]);
  });

  it('finds no WCAG 2.1 A/AA violation on any page or form state above, and no page scrolls sideways at 390 px', () => {
    expect(s.violations).toEqual({});
    expect(sideways).toEqual([]);
  });
});
