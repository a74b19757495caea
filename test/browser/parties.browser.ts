import type { Page } from 'playwright-core';
import { person, seedRegistry } from '../support/governance-fixture.js';
import type { TestActor, TestApp } from '../support/test-app.js';
import { PEOPLE } from './kronoberg-case.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

/** A second secretariat of the region, who changes the case while the first is in a form. */
const OTHER: TestActor = { person: 'karin.ek', organisation: '07' };

interface PartiesCase {
  id: string;
  alvesta: string;
}

/**
 * Before the scenario, over the API: the registry (with the people the roles are given to), and a
 * new Kronoberg case started by the region's secretariat (the region leads, she is its
 * secretariat), with a second secretariat of the region. Everything after is done in the pages.
 */
async function newKronobergCase(t: TestApp): Promise<PartiesCase> {
  const orgs = await seedRegistry(t);
  const region = orgs.get('Region Kronoberg')!.id;
  const vaxjo = orgs.get('Växjö kommun')!.id;
  await person(t, 'maria.nilsson', 'Maria Nilsson', region);
  await person(t, 'per.holm', 'Per Holm', region);
  await person(t, 'anna.berg', 'Anna Berg', vaxjo);
  await person(t, 'johan.lind', 'Johan Lind', vaxjo);
  const created = await t.request('POST', '/cases', { as: PEOPLE.region, body: { workflow: 'kronoberg', title: 'Barnens bästa gäller' } });
  if (created.status !== 201) throw new Error(`case: ${created.status} ${created.text}`);
  const other = await t.identity(OTHER);
  const role = await t.request('POST', `/cases/${created.body.id}/roles`, {
    as: PEOPLE.region,
    body: { role: 'secretariat', organisationId: region, holderId: other.personId },
  });
  if (role.status !== 201) throw new Error(`role: ${role.status} ${role.text}`);
  return { id: created.body.id, alvesta: orgs.get('Alvesta kommun')!.id };
}

/**
 * The parties area, every write of it through the pages, as Region Kronoberg's secretariat: adds
 * parties (the organisation picked from the registry), gives the region the steering group role
 * with holder and deputy, changes a party's responsibilities (keyboard only) and another's in a
 * conflict with a colleague, sets up the chair rotation and rotates it, is refused the removal of a
 * party in the rotation and removes one that is not, changes and removes roles. axe on every page
 * and form state, screenshots at 1280 and 390 px, and no page scrolls sideways at 390 px.
 */
describe('parties, roles and the chair in the browser', () => {
  const s = browserSuite(newKronobergCase);
  const sideways: string[] = [];

  /** axe, screenshots at both widths, and the document's width at 390 px. */
  async function look(page: Page, name: string): Promise<void> {
    await s.check(page, name);
    await screenshots(page, `parties-${name}`);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    if (width > 390) sideways.push(`${name}: ${width} px`);
    await page.setViewportSize(size);
  }

  const activeClass = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.className as string) ?? '');
  const activeId = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.id as string) ?? '');

  /** After a change: back on the case page, the confirmation focused in the parties area. */
  async function confirmed(page: Page, text: string): Promise<void> {
    const banner = page.locator('#parties .banner');
    await banner.getByText(text).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('banner'));
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller' }).waitFor();
  }

  const card = (page: Page, org: string) => page.locator('.summary-card').filter({ has: page.getByRole('heading', { level: 3, name: org }) });

  async function addParty(page: Page, search: string, org: string, responsibilities: string[], mustSign: 'Ja' | 'Nej', benefit?: string) {
    await page.getByRole('link', { name: 'Lägg till en part' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till en part' }).waitFor();
    await page.getByLabel('Sök organisation').fill(search);
    await page.getByRole('radio', { name: org }).check();
    for (const r of responsibilities) await page.getByRole('checkbox', { name: r }).check();
    await page.getByRole('group', { name: 'Ska parten underteckna överenskommelsen?' }).getByRole('radio', { name: mustSign }).check();
    if (benefit !== undefined) await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).fill(benefit);
    await page.getByRole('button', { name: 'Lägg till parten' }).click();
  }

  /** Presses Tab until the focused element's text is `text` (the keyboard, nothing else). */
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

  it('lets the lead secretariat do every write of the area through the pages', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.getByRole('link', { name: 'Barnens bästa gäller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller' }).waitFor();
    const parties = page.locator('#parties');
    await card(page, 'Region Kronoberg').getByText('Leder').waitFor();
    // The in-page navigation names every area.
    const nav = page.getByRole('navigation', { name: 'Innehåll på sidan' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Översikt', 'Parter', 'Beslut', 'Mål', 'Resurser', 'Handlingsplan', 'Dokument', 'Historik']);
    await look(page, 'case');

    // Adding a party: a submit with nothing chosen lists every problem at the top, focused, each linked to its field.
    await page.getByRole('link', { name: 'Lägg till en part' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till en part' }).waitFor();
    await page.getByText(/\d+ organisationer hittades\./).waitFor();
    await look(page, 'add');
    await page.getByRole('button', { name: 'Lägg till parten' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Välj vilken organisation som ska bli part',
      'Välj minst ett sätt som parten deltar på',
      'Välj om parten ska underteckna överenskommelsen',
    ]);
    expect(await activeClass(page)).toContain('error-summary');
    expect(await page.title()).toBe('Fel: Lägg till en part – Samverkan');
    await look(page, 'add-errors');
    await summary.getByRole('link', { name: 'Välj minst ett sätt som parten deltar på' }).click();
    expect(await activeId(page)).toBe('f-responsibilities');

    // The service's own answer (a text too long) at its field, worded with the field's name, not its key.
    await page.getByLabel('Sök organisation').fill('Växjö');
    await page.getByText('1 organisation hittades.').waitFor();
    await page.getByRole('radio', { name: 'Växjö kommun' }).check();
    await page.getByRole('checkbox', { name: 'Beslutar' }).check();
    await page.getByRole('checkbox', { name: 'Bidrar' }).check();
    await page.getByRole('group', { name: 'Ska parten underteckna överenskommelsen?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).fill('Tidiga insatser. '.repeat(120));
    await page.getByRole('button', { name: 'Lägg till parten' }).click();
    await summary.getByRole('link', { name: 'Texten om vad samverkan ger parten får vara högst 2000 tecken' }).waitFor();
    await page.locator('#f-benefit-error').getByText('Texten om vad samverkan ger parten får vara högst 2000 tecken').waitFor();
    expect(await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await summary.textContent()).not.toMatch(/benefit/);
    await look(page, 'add-server-error');
    await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).fill('Tidigare och samordnade insatser för barn och unga i kommunen.');
    await page.getByRole('button', { name: 'Lägg till parten' }).click();
    await confirmed(page, 'Växjö kommun är nu part i ärendet.');
    await card(page, 'Växjö kommun').getByText('Beslutar, bidrar').waitFor();
    await look(page, 'added');

    await addParty(page, 'alv', 'Alvesta kommun', ['Bidrar'], 'Nej');
    await confirmed(page, 'Alvesta kommun är nu part i ärendet.');

    // The steering group for the region, with holder and deputy; the same person twice is caught first.
    await card(page, 'Region Kronoberg').getByRole('link', { name: 'Ge Region Kronoberg en roll' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilldela en roll' }).waitFor();
    expect(await page.getByLabel('För vilken part?').inputValue()).toBe(await orgId(page, 'Region Kronoberg'));
    await page.getByRole('radio', { name: 'Styrgrupp' }).check();
    await page.getByLabel('Vem har rollen?').selectOption({ label: 'Maria Nilsson' });
    await page.getByLabel('Vem är ersättare? (frivilligt)').selectOption({ label: 'Maria Nilsson' });
    await page.getByRole('checkbox', { name: 'Ja, rollen krävs' }).check();
    await look(page, 'assign');
    await page.getByRole('button', { name: 'Tilldela rollen' }).click();
    await summary.getByRole('link', { name: 'Ersättaren kan inte vara samma person som har rollen' }).waitFor();
    await look(page, 'assign-errors');
    await page.getByLabel('Vem är ersättare? (frivilligt)').selectOption({ label: 'Per Holm' });
    await page.getByRole('button', { name: 'Tilldela rollen' }).click();
    await confirmed(page, 'Maria Nilsson har nu rollen Styrgrupp för Region Kronoberg.');
    const steering = card(page, 'Region Kronoberg').locator('.summary-row').filter({ hasText: 'Styrgrupp' });
    await steering.getByText('Maria Nilsson').waitFor();
    await steering.getByText('Ersättare: Per Holm').waitFor();
    await steering.getByText('(krävs)').waitFor();

    // A role nobody holds yet is shown vacant, in words.
    await parties.getByRole('link', { name: 'Tilldela en roll' }).click();
    await page.getByRole('radio', { name: 'Sekretariat' }).check();
    await page.getByLabel('För vilken part?').selectOption({ label: 'Växjö kommun' });
    await page.getByRole('button', { name: 'Tilldela rollen' }).click();
    await confirmed(page, 'Rollen Sekretariat för Växjö kommun är tillagd. Den är vakant tills någon utses.');
    await card(page, 'Växjö kommun')
      .getByText(/Vakant sedan /)
      .waitFor();

    // Keyboard only: from the case page to Växjö's responsibilities, "Bidrar" off, saved.
    await tabTo(page, 'Ändra hur Växjö kommun deltar');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ändra hur Växjö kommun deltar' }).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.tagName === 'H1');
    await look(page, 'change');
    await tabTo(page, 'Bidrar');
    await page.keyboard.press('Space');
    await tabTo(page, 'Spara ändringarna');
    await page.keyboard.press('Enter');
    await confirmed(page, 'Ändringarna för Växjö kommun är sparade.');
    await card(page, 'Växjö kommun').getByText('Beslutar', { exact: true }).waitFor();

    // A colleague changes Alvesta while the secretariat is in its form: the conflict, what happened, a reload that keeps what was typed.
    await card(page, 'Alvesta kommun').getByRole('link', { name: 'Ändra hur Alvesta kommun deltar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra hur Alvesta kommun deltar' }).waitFor();
    await page.getByRole('checkbox', { name: 'Informeras' }).check();
    const colleague = await s.t.request('PATCH', `/cases/${s.data.id}/parties/${s.data.alvesta}`, {
      as: OTHER,
      body: { benefit: 'Ett gemensamt forum för barn och unga i Alvesta.' },
    });
    expect(colleague.status).toBe(200);
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const conflict = page.locator('.conflict');
    await conflict.getByRole('heading', { name: 'Någon annan har ändrat ärendet medan du arbetade' }).waitFor();
    await conflict.getByText('Part ändrades').waitFor();
    expect(await activeClass(page)).toContain('conflict');
    await look(page, 'change-conflict');
    await conflict.getByRole('button', { name: 'Läs in ärendet igen' }).click();
    await conflict.getByText(/Ärendet är inläst igen\. Det du skrev finns kvar/).waitFor();
    // What the colleague changed, which she had not touched, is taken into the form and named; what she typed stays.
    await conflict.locator('.summary-list').getByText('Ett gemensamt forum för barn och unga i Alvesta.').waitFor();
    expect(await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).inputValue()).toBe('Ett gemensamt forum för barn och unga i Alvesta.');
    expect(await page.getByRole('checkbox', { name: 'Informeras' }).isChecked()).toBe(true);
    await look(page, 'change-conflict-reloaded');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await confirmed(page, 'Ändringarna för Alvesta kommun är sparade.');
    // Only what she changed was sent, and the colleague's text stays.
    await card(page, 'Alvesta kommun').getByText('Ett gemensamt forum för barn och unga i Alvesta.').waitFor();
    await card(page, 'Alvesta kommun').getByText('Bidrar, informeras').waitFor();

    // The chair rotation: two parties given the same place, and no period, are caught; then set up.
    await parties.getByRole('link', { name: 'Bestäm en rotation av ordförandeskapet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bestäm en rotation av ordförandeskapet' }).waitFor();
    await page.getByLabel('Plats i turordningen för Region Kronoberg').selectOption('1');
    await page.getByLabel('Vem är ordförande för Region Kronoberg? (frivilligt)').selectOption({ label: 'Maria Nilsson' });
    await page.getByLabel('Plats i turordningen för Växjö kommun').selectOption('1');
    await page.getByLabel('Vem är ordförande för Växjö kommun? (frivilligt)').selectOption({ label: 'Anna Berg' });
    await look(page, 'rotation');
    await page.getByRole('button', { name: 'Spara rotationen' }).click();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Växjö kommun har samma plats i turordningen som Region Kronoberg. Ge varje part en egen plats.',
      'Skriv hur många månader varje period är',
    ]);
    await look(page, 'rotation-errors');
    await page.getByLabel('Plats i turordningen för Växjö kommun').selectOption('2');
    await page.getByLabel('Hur många månader är varje period?').fill('12');
    await page.getByRole('button', { name: 'Spara rotationen' }).click();
    await confirmed(page, 'Ordförandeskapet roterar nu mellan 2 parter. Region Kronoberg är ordförande först.');
    await parties.getByText('Ordförande nu: Region Kronoberg.').waitFor();

    // Removing a party in the rotation: the check page, then the service's refusal in its words.
    await card(page, 'Växjö kommun').getByRole('link', { name: 'Ta bort Växjö kommun som part' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ta bort Växjö kommun som part?' }).waitFor();
    await page.getByText('Ingår i rotationen av ordförandeskapet').waitFor();
    await page.getByRole('link', { name: 'Ändra rotationen av ordförandeskapet' }).waitFor();
    await look(page, 'remove');
    await page.getByRole('button', { name: 'Ta bort parten' }).click();
    await summary.getByRole('heading', { name: 'Växjö kommun kan inte tas bort' }).waitFor();
    await summary.getByText('Parten ingår i rotationen av ordförandeskapet. Ändra rotationen först.').waitFor();
    // Sending it again can only fail: the button is gone, the way back and the "Ändra" links stay.
    expect(await page.getByRole('button', { name: 'Ta bort parten' }).count()).toBe(0);
    await look(page, 'remove-refused');
    await page.getByRole('link', { name: 'Tillbaka till ärendet' }).first().click();
    await card(page, 'Växjö kommun').waitFor();

    // Rotating now: the check, then the next party chairs.
    await parties.getByRole('link', { name: 'Låt nästa part bli ordförande nu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Låta nästa part bli ordförande nu?' }).waitFor();
    await look(page, 'rotate');
    await page.getByRole('button', { name: 'Låt Växjö kommun bli ordförande' }).click();
    await confirmed(page, 'Växjö kommun är nu ordförande.');
    await parties.getByText('Ordförande nu: Växjö kommun.').waitFor();

    // Changing and removing a role.
    await card(page, 'Växjö kommun').getByRole('link', { name: 'Ändra rollen Sekretariat för Växjö kommun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra rollen Sekretariat för Växjö kommun' }).waitFor();
    await page.getByLabel('Vem har rollen?').selectOption({ label: 'Johan Lind' });
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await confirmed(page, 'Rollen Sekretariat för Växjö kommun är ändrad.');
    await card(page, 'Växjö kommun').getByText('Johan Lind').waitFor();
    await card(page, 'Växjö kommun').getByRole('link', { name: 'Ta bort rollen Sekretariat för Växjö kommun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ta bort rollen Sekretariat för Växjö kommun?' }).waitFor();
    await look(page, 'remove-role');
    await page.getByRole('button', { name: 'Ta bort rollen' }).click();
    await confirmed(page, 'Rollen Sekretariat för Växjö kommun är borttagen.');

    // A party that is in nothing else can be removed.
    await card(page, 'Alvesta kommun').getByRole('link', { name: 'Ta bort Alvesta kommun som part' }).click();
    await page.getByRole('button', { name: 'Ta bort parten' }).click();
    await confirmed(page, 'Alvesta kommun är inte längre part i ärendet.');
    expect(await card(page, 'Alvesta kommun').count()).toBe(0);
    await look(page, 'removed');

    // The history has every change, in the case's own chain.
    const history = (await s.t.request('GET', `/cases/${s.data.id}/history`, { as: PEOPLE.region })).body.events.map((e: { type: string }) => e.type);
    expect(history).toEqual(
      expect.arrayContaining([
        'party.added',
        'role.assigned',
        'party.updated',
        'chair.rotationSet',
        'chair.rotated',
        'role.updated',
        'role.removed',
        'party.removed',
      ]),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps what was typed when the language is switched, and offers nothing to a party that does not run the case', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(PEOPLE.region));
    await page.goto(`${s.t.url}/app/cases/${s.data.id}/parties/new`);
    await page.getByRole('heading', { level: 1, name: 'Lägg till en part' }).waitFor();
    await page.getByRole('textbox', { name: /Vad ger samverkan parten/ }).fill('Något som skrevs före bytet.');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a party' }).waitFor();
    await page.getByRole('button', { name: 'Add the party' }).waitFor();
    expect(await page.getByRole('textbox', { name: /What does the collaboration give the party/ }).inputValue()).toBe('Något som skrevs före bytet.');
    await s.check(page, 'add-english');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till en part' }).waitFor();
    await signOut(page);

    // Växjö's secretariat (no role on the case) sees the parties, no form, and who may change them.
    await signIn(page, s.t.url, await s.t.token(PEOPLE.vaxjo));
    await page.goto(`${s.t.url}/app/cases/${s.data.id}`);
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller' }).waitFor();
    await page
      .locator('#parties')
      .getByText('Parter, roller och ordförandeskap ändras av sekretariatet hos Region Kronoberg (den ledande parten) eller av ärendets processägare.')
      .waitFor();
    expect(await page.locator('#parties').getByRole('link').count()).toBe(0);
    await page.goto(`${s.t.url}/app/cases/${s.data.id}/parties/new`);
    await page.getByRole('heading', { level: 1, name: 'Du kan inte göra det här' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lägg till parten' }).count()).toBe(0);
    await look(page, 'not-allowed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on any page or form state above, and no page scrolls sideways at 390 px', () => {
    expect(s.violations).toEqual({});
    expect(sideways).toEqual([]);
  });
});

/** The id of an organisation in the registry, as the page itself has it in its choices. */
async function orgId(page: Page, name: string): Promise<string> {
  return page
    .getByLabel('För vilken part?')
    .locator('option', { hasText: name })
    .getAttribute('value')
    .then((v) => v ?? '');
}
