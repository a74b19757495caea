import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { seedRegistry } from '../support/governance-fixture.js';
import type { TestActor, TestApp } from '../support/test-app.js';
import { PEOPLE } from './kronoberg-case.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

/** A second secretariat of the region, who changes the case while the first is in a form. */
const OTHER: TestActor = { person: 'karin.ek', organisation: '07' };

interface WorkCase {
  id: string;
}

/**
 * Before the scenario, over the API: the registry, and a Kronoberg case started by the region's
 * secretariat with Växjö and Alvesta as deciding parties that must sign, each with its own
 * secretariat, and a second secretariat of the region. Everything after is done in the pages.
 */
async function kronobergCase(t: TestApp): Promise<WorkCase> {
  const orgs = await seedRegistry(t);
  const created = await t.request('POST', '/cases', { as: PEOPLE.region, body: { workflow: 'kronoberg', title: 'Barnens bästa gäller' } });
  if (created.status !== 201) throw new Error(`case: ${created.status} ${created.text}`);
  const id = created.body.id as string;
  const add = async (name: string, actor: TestActor) => {
    const org = orgs.get(name)!.id;
    const party = await t.request('POST', `/cases/${id}/parties`, {
      as: PEOPLE.region,
      body: { organisationId: org, responsibilities: ['decides'], mustSign: true },
    });
    if (party.status !== 201) throw new Error(`party: ${party.status} ${party.text}`);
    const holder = await t.identity(actor);
    const role = await t.request('POST', `/cases/${id}/roles`, {
      as: PEOPLE.region,
      body: { role: 'secretariat', organisationId: org, holderId: holder.personId },
    });
    if (role.status !== 201) throw new Error(`role: ${role.status} ${role.text}`);
  };
  await add('Växjö kommun', PEOPLE.vaxjo);
  await add('Alvesta kommun', PEOPLE.alvesta);
  const other = await t.identity(OTHER);
  const role = await t.request('POST', `/cases/${id}/roles`, {
    as: PEOPLE.region,
    body: { role: 'secretariat', organisationId: orgs.get('Region Kronoberg')!.id, holderId: other.personId },
  });
  if (role.status !== 201) throw new Error(`role: ${role.status} ${role.text}`);
  return { id };
}

const REFERENCE = 'Nämnden ställer sig bakom överenskommelsen Barnens bästa gäller i Kronoberg och prioriterar tidiga insatser för barn och unga.';

/**
 * Starting a case, the case fields, decision points and documents (register, upload, download,
 * signatures), every write through the pages: as Region Kronoberg's secretariat (who runs the case)
 * and as Växjö's (who contributes for Växjö only). axe on every page and form state, screenshots at
 * 1280 and 390 px, and no page scrolls sideways at 390 px.
 */
describe('starting a case, case fields, decision points and documents in the browser', () => {
  const s = browserSuite(kronobergCase);
  const sideways: string[] = [];
  const caseUrl = () => `${s.t.url}/app/cases/${s.data.id}`;

  /** axe, screenshots at both widths, and the document's width at 390 px. */
  async function look(page: Page, name: string): Promise<void> {
    await s.check(page, name);
    await screenshots(page, `docs-${name}`);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    if (width > 390) sideways.push(`${name}: ${width} px`);
    await page.setViewportSize(size);
  }

  const activeClass = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.className as string) ?? '');
  const summary = (page: Page) => page.locator('.error-summary');
  const banner = (page: Page) => page.locator('.banner-success');

  /** Presses Tab until the focused element's label or text is `text` (the keyboard, nothing else). */
  async function tabTo(page: Page, text: string | RegExp): Promise<void> {
    for (let i = 0; i < 300; i++) {
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

  it('starts a case from Mina ärenden: a workflow chosen with its steps shown, a name, then the new case', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.getByRole('link', { name: 'Nytt ärende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Starta ett nytt ärende' }).waitFor();
    await look(page, 'new-case');
    await page.getByRole('button', { name: 'Starta ärendet' }).click();
    await summary(page).getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary(page).getByRole('link').allTextContents()).toEqual(['Välj vilket arbetsflöde ärendet ska följa', 'Skriv ärendets namn']);
    expect(await activeClass(page)).toContain('error-summary');
    await look(page, 'new-case-errors');
    await page.getByRole('radio', { name: 'Barnens bästa gäller' }).check();
    await page.getByRole('heading', { name: 'Stegen i Barnens bästa gäller' }).waitFor();
    await page.getByRole('textbox', { name: 'Ärendets namn' }).fill('Barnens bästa gäller – Uppvidinge');
    await look(page, 'new-case-chosen');
    await page.getByRole('button', { name: 'Starta ärendet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller – Uppvidinge' }).waitFor();
    await banner(page).getByText('Ärendet ”Barnens bästa gäller – Uppvidinge” är startat.').waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('banner'));
    await page.locator('#parties').getByRole('heading', { level: 3, name: 'Region Kronoberg' }).waitFor();
    await look(page, 'new-case-started');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the region’s secretariat fill in the case fields (keyboard only, and through a conflict) and set up and change a decision point', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.goto(caseUrl());
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller' }).waitFor();
    const fields = page.locator('#case-fields');
    await fields.getByText('Arena (forum)').waitFor();
    await fields.getByText('Inte ifyllt – krävs för att gå vidare').first().waitFor();

    // Keyboard only: from the case page to the form, the field, the button.
    await tabTo(page, 'Fyll i eller ändra uppgifterna');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ärendets uppgifter' }).waitFor();
    await look(page, 'fields');
    await tabTo(page, /^Arena \(forum\)/);
    await page.keyboard.type('Barn- och ungaforum Kronoberg');
    await tabTo(page, 'Spara uppgifterna');
    await page.keyboard.press('Enter');
    await banner(page).getByText('Uppgifterna är sparade: Arena (forum).').waitFor();
    await fields.getByText('Barn- och ungaforum Kronoberg').waitFor();

    // A conflict: a colleague fills in another field while the form is open; what was typed stays.
    await fields.getByRole('link', { name: 'Fyll i eller ändra uppgifterna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ärendets uppgifter' }).waitFor();
    await page.getByRole('textbox', { name: /^Arena \(forum\)/ }).fill('Barnrättsforum Kronoberg');
    const other = await s.t.request('PATCH', `/cases/${s.data.id}/fields`, { as: OTHER, body: { dataSources: 'Kolada N00000, utgångsvärde 2025' } });
    expect(other.status).toBe(200);
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    const conflict = page.locator('.conflict');
    await conflict.getByRole('heading', { name: 'Någon annan har ändrat ärendet medan du arbetade' }).waitFor();
    await conflict.getByText('Uppgifter ändrades').waitFor();
    await look(page, 'fields-conflict');
    await conflict.getByRole('button', { name: 'Läs in ärendet igen' }).click();
    await conflict.getByText('Ärendet är inläst igen.', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: /^Arena \(forum\)/ }).inputValue()).toBe('Barnrättsforum Kronoberg');
    expect(await page.getByRole('textbox', { name: /^Underlag för analysen/ }).inputValue()).toBe('Kolada N00000, utgångsvärde 2025');
    await look(page, 'fields-reloaded');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await banner(page).getByText('Uppgifterna är sparade: Arena (forum).').waitFor();
    await fields.getByText('Barnrättsforum Kronoberg').waitFor();
    await fields.getByText('Kolada N00000, utgångsvärde 2025').waitFor();

    // A decision point: the empty form's problems, then the text and the boards.
    const decisions = page.locator('#decisions');
    await decisions.getByText('Inga beslutspunkter ännu.', { exact: false }).waitFor();
    await decisions.getByRole('link', { name: 'Lägg upp en beslutspunkt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg upp en beslutspunkt' }).waitFor();
    await page.getByRole('checkbox', { name: 'Socialnämnden – Växjö kommun' }).waitFor();
    await look(page, 'point-add');
    await page.getByRole('button', { name: 'Lägg upp beslutspunkten' }).click();
    expect(await summary(page).getByRole('link').allTextContents()).toEqual([
      'Skriv beslutspunktens namn',
      'Skriv texten som nämnderna ska besluta om',
      'Välj minst en nämnd som ska besluta',
    ]);
    expect(await activeClass(page)).toContain('error-summary');
    await look(page, 'point-add-errors');
    await page.getByRole('textbox', { name: 'Beslutspunktens namn' }).fill('Likalydande beslut om Barnens bästa');
    await page.getByRole('textbox', { name: 'Texten som ska beslutas' }).fill(REFERENCE);
    for (const board of ['Regionstyrelsen – Region Kronoberg', 'Socialnämnden – Växjö kommun', 'Socialnämnden – Alvesta kommun'])
      await page.getByRole('checkbox', { name: board }).check();
    await page.getByRole('button', { name: 'Lägg upp beslutspunkten' }).click();
    await banner(page).getByText('Beslutspunkten ”Likalydande beslut om Barnens bästa” är upplagd. 3 nämnder ska besluta.').waitFor();
    await decisions.getByRole('table').getByRole('rowheader').first().waitFor();
    // The matrix fits the column at 1280 px, and is a card per board at 390 px.
    const fit = await decisions
      .locator('table.decision-matrix')
      .evaluate((t) => ({ table: t.scrollWidth, box: (t.parentElement as any).clientWidth as number }));
    expect(fit.table).toBeLessThanOrEqual(fit.box);
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await decisions.locator('.matrix-narrow .summary-card').count()).toBe(3);
    expect(await decisions.locator('table.decision-matrix').isVisible()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await look(page, 'point-added');

    await decisions.getByRole('link', { name: 'Ändra beslutspunkten Likalydande beslut om Barnens bästa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra beslutspunkten ”Likalydande beslut om Barnens bästa”' }).waitFor();
    await page.getByRole('checkbox', { name: 'Socialnämnden – Alvesta kommun' }).uncheck();
    await page.getByRole('checkbox', { name: 'Kommunstyrelsen – Alvesta kommun' }).check();
    await look(page, 'point-change');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await banner(page).getByText('Beslutspunkten ”Likalydande beslut om Barnens bästa” är ändrad.').waitFor();
    await decisions.getByRole('rowheader', { name: 'Alvesta kommun – kommunstyrelsen' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the region register a document, upload and download its file, and record a signature on a party’s behalf', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.goto(`${caseUrl()}#documents`);
    const docs = page.locator('#documents');
    await docs.getByText('Inga dokument ännu.', { exact: false }).waitFor();
    await docs.getByRole('link', { name: 'Registrera ett dokument' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera ett dokument' }).waitFor();
    await look(page, 'document-add');
    await page.getByRole('textbox', { name: 'Diarienummer' }).fill('RK 2026/123');
    await page.getByRole('textbox', { name: 'Länk till dokumentet' }).fill('diarie.example.se/rk-2026-123');
    await page.getByRole('radio', { name: 'Ja, bara vissa parter får se det' }).check();
    await page.getByRole('button', { name: 'Registrera dokumentet' }).click();
    expect(await summary(page).getByRole('link').allTextContents()).toEqual([
      'Skriv dokumentets titel',
      'Välj vilken typ av dokument det är',
      'Välj i vilken parts diarium diarienumret finns',
      'Skriv länken som en webbadress som börjar med https://',
      'Välj vilka parter som får se dokumentet',
    ]);
    await look(page, 'document-add-errors');
    await page.getByRole('textbox', { name: 'Dokumentets titel' }).fill('Avsiktsförklaring Barnens bästa gäller');
    await page.getByRole('radio', { name: 'Avsiktsförklaring' }).check();
    await page.getByLabel(/I vilken parts diarium/).selectOption({ label: 'Region Kronoberg' });
    await page.getByRole('textbox', { name: 'Länk till dokumentet' }).fill('https://diarie.example.se/rk-2026-123');
    await page.getByRole('radio', { name: 'Nej, alla parter får se det' }).check();
    await page.getByRole('button', { name: 'Registrera dokumentet' }).click();
    await banner(page).getByText('”Avsiktsförklaring Barnens bästa gäller” är registrerat som avsiktsförklaring.').waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('banner'));
    await look(page, 'document-added');

    // The file: nothing chosen is caught; then a PDF, and it downloads under its name.
    await banner(page).getByRole('link', { name: 'Ladda upp filen till ”Avsiktsförklaring Barnens bästa gäller”' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ladda upp filen till ”Avsiktsförklaring Barnens bästa gäller”' }).waitFor();
    await look(page, 'upload');
    await page.getByRole('button', { name: 'Ladda upp filen' }).click();
    expect(await summary(page).getByRole('link').allTextContents()).toEqual(['Välj vilken fil som ska laddas upp']);
    await look(page, 'upload-errors');
    const pdf = Buffer.from('%PDF-1.4\n% Avsiktsförklaring\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'avsiktsforklaring.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('Vald fil: avsiktsforklaring.pdf').waitFor();
    await page.getByRole('button', { name: 'Ladda upp filen' }).click();
    await banner(page).getByText('Filen avsiktsforklaring.pdf är uppladdad till ”Avsiktsförklaring Barnens bästa gäller”.').waitFor();
    const download = page.waitForEvent('download');
    await docs.getByRole('button', { name: 'Ladda ned avsiktsforklaring.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('avsiktsforklaring.pdf');
    expect(readFileSync((await file.path())!)).toEqual(pdf);

    // The region runs the case: it may record Alvesta's signature on its behalf. A date that does not exist is caught.
    await docs.getByRole('link', { name: 'Registrera underskrift Avsiktsförklaring Barnens bästa gäller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera en underskrift av ”Avsiktsförklaring Barnens bästa gäller”' }).waitFor();
    await page.getByRole('radio', { name: 'Alvesta kommun' }).check();
    await page.getByRole('textbox', { name: 'Dag' }).fill('31');
    await page.getByRole('textbox', { name: 'Månad' }).fill('2');
    await page.getByRole('textbox', { name: 'År' }).fill('2026');
    await page.getByRole('button', { name: 'Registrera underskriften' }).click();
    await summary(page)
      .getByRole('link', { name: /När skrev parten under\?: skriv ett datum som finns/ })
      .waitFor();
    await look(page, 'sign-errors');
    await page.getByRole('textbox', { name: 'Dag' }).fill('3');
    await page.getByRole('textbox', { name: 'Månad' }).fill('3');
    await page.getByRole('button', { name: 'Registrera underskriften' }).click();
    await banner(page).getByText('Alvesta kommun skrev under ”Avsiktsförklaring Barnens bästa gäller” 3 mars 2026.').waitFor();
    await docs.locator('.summary-card').getByText('Ska skriva under: Växjö kommun').waitFor();
    await look(page, 'signed-on-behalf');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets Växjö’s secretariat sign for Växjö only, and offers it no form of those who run the case', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.vaxjo));
    await page.goto(caseUrl());
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller' }).waitFor();
    await page.locator('#case-fields').getByText('Uppgifterna fylls i av sekretariatet hos Region Kronoberg', { exact: false }).waitFor();
    expect(await page.locator('#case-fields').getByRole('link').count()).toBe(0);
    await page.locator('#decisions').getByText('Beslutspunkter läggs upp och ändras av sekretariatet hos Region Kronoberg', { exact: false }).waitFor();
    expect(
      await page
        .locator('#decisions')
        .getByRole('link', { name: /beslutspunkt/i })
        .count(),
    ).toBe(0);
    const docs = page.locator('#documents');
    await docs.getByRole('link', { name: 'Registrera underskrift Avsiktsförklaring Barnens bästa gäller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera en underskrift av ”Avsiktsförklaring Barnens bästa gäller”' }).waitFor();
    // Only Växjö itself: Alvesta has signed, the region is not Växjö's to sign for.
    await page.getByText('Underskriften registreras för Växjö kommun.').waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.getByText('Varje part registrerar sin egen underskrift.', { exact: false }).waitFor();
    await look(page, 'sign-own');
    await page.getByRole('textbox', { name: 'Dag' }).fill('10');
    await page.getByRole('textbox', { name: 'Månad' }).fill('3');
    await page.getByRole('textbox', { name: 'År' }).fill('2026');
    await page.getByRole('button', { name: 'Registrera underskriften' }).click();
    await banner(page).getByText('Växjö kommun skrev under ”Avsiktsförklaring Barnens bästa gäller” 10 mars 2026.').waitFor();
    await banner(page).getByText('Alla parter som ska skriva under har gjort det.').waitFor();
    await look(page, 'signed-own');

    // The forms of those who run the case, opened by their address: who may, and no form.
    await page.goto(`${caseUrl()}/decision-points/new`);
    await page.getByRole('heading', { level: 1, name: 'Du kan inte göra det här' }).waitFor();
    await look(page, 'point-not-allowed');
    await page.goto(`${caseUrl()}/fields`);
    await page.getByRole('heading', { level: 1, name: 'Du kan inte göra det här' }).waitFor();
    await signOut(page);

    // Everything is in the case's history.
    const history = (await s.t.request('GET', `/cases/${s.data.id}/history`, { as: PEOPLE.region })).body.events.map((e: { type: string }) => e.type);
    expect(history).toEqual(
      expect.arrayContaining([
        'case.fields.updated',
        'decisionPoint.created',
        'decisionPoint.updated',
        'document.added',
        'document.fileStored',
        'document.signed',
      ]),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on any page or form state above, and no page scrolls sideways at 390 px', () => {
    expect(s.violations).toEqual({});
    expect(sideways).toEqual([]);
  });
});
