import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { NotificationRecord } from '../../src/notifications/notification.entity.js';
import { EscalationJob } from '../../src/escalations/escalation.job.js';
import { ADMINISTRATOR, type TestApp } from '../support/test-app.js';
import { kronobergCaseAtDecisions } from './kronoberg-case.js';
import { browserSuite, openPage, screenshots, signIn, signOut } from './support.js';

/**
 * The administration area and publishing a workflow version, every write through the pages: the
 * administrator registers an organisation (an empty submit and the service's refusal of a wrong
 * organisation number first), adds a board with the keyboard alone, registers a person as process
 * owner and creates their API token (shown once); that person signs in with it, sees no
 * administration, checks a new version of the Kronoberg workflow, publishes it after the check page
 * and sees its time limits and escalations in words; the administrator then changes the person,
 * revokes the token and deactivates the person (check pages), and looks at the outbox. axe on every
 * page and form state, screenshots at 1280 and 390 px, no page scrolls sideways at 390 px.
 */
describe('administration and publishing in the browser', () => {
  const s = browserSuite(failedNotification);
  const sideways: string[] = [];

  async function look(page: Page, name: string): Promise<void> {
    await s.check(page, name);
    await screenshots(page, `admin-${name}`);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 900 });
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    if (width > 390) sideways.push(`${name}: ${width} px`);
    await page.setViewportSize(size);
  }

  const activeClass = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.className as string) ?? '');

  async function confirmed(page: Page, text: string): Promise<void> {
    await page.locator('.banner').getByText(text).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.classList.contains('banner'));
  }

  async function tabTo(page: Page, text: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = (globalThis as any).document.activeElement;
        const label = el?.labels?.[0]?.textContent;
        return ((label ?? el?.textContent ?? '') as string).replace(/\s+/g, ' ').trim();
      });
      if (now === text) return;
    }
    throw new Error(`Tab never reached ${text}`);
  }

  let secret = '';

  it('lets an administrator register an organisation, a board and a person, and create their token', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(ADMINISTRATOR));
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await look(page, 'home');

    await page.getByRole('link', { name: 'Organisationer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    await page
      .getByText(/organisation/, { exact: false })
      .first()
      .waitFor();
    await look(page, 'organisations');

    // An empty submit: every problem at the top, focused, each linked to its field.
    await page.getByRole('link', { name: 'Lägg in en organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg in en organisation' }).waitFor();
    await look(page, 'org-new');
    await page.getByRole('button', { name: 'Lägg in en organisation' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Skriv organisationens namn' }).waitFor();
    await summary.getByRole('link', { name: 'Välj vilken typ av organisation det är' }).waitFor();
    expect(await activeClass(page)).toContain('error-summary');
    await look(page, 'org-new-errors');

    // The service refuses a wrong organisation number, then a municipality code for an association: each at its field.
    await page.getByRole('textbox', { name: 'Namn' }).fill('Barnrättsföreningen i Kronoberg');
    await page.getByRole('radio', { name: 'Civilsamhälle' }).check();
    await page.getByRole('textbox', { name: /Organisationsnummer/ }).fill('8020001234');
    await page.getByRole('textbox', { name: /Kommunkod eller länskod/ }).fill('0780');
    await page.getByRole('button', { name: 'Lägg in en organisation' }).click();
    await summary.getByRole('link', { name: /Organisationsnummer/ }).waitFor();
    await page.locator('#f-orgNumber-error').waitFor();
    await look(page, 'org-new-refused');
    await page.getByRole('textbox', { name: /Organisationsnummer/ }).fill('802000-1234');
    await page.getByRole('button', { name: 'Lägg in en organisation' }).click();
    await page.locator('#f-municipalityCode-error').waitFor();
    expect(await page.locator('#f-orgNumber-error').count()).toBe(0);
    await look(page, 'org-new-refused-code');
    await page.getByRole('textbox', { name: /Kommunkod eller länskod/ }).fill('');
    await page.getByRole('button', { name: 'Lägg in en organisation' }).click();
    await confirmed(page, 'Barnrättsföreningen i Kronoberg finns nu i registret.');
    await page.getByRole('heading', { level: 1, name: 'Barnrättsföreningen i Kronoberg' }).waitFor();
    await look(page, 'org-created');

    // A board, with the keyboard alone.
    await page.locator('.banner').getByRole('link', { name: 'Lägg till en nämnd eller styrelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till en nämnd eller styrelse' }).waitFor();
    await look(page, 'board-new');
    await tabTo(page, 'Namn på nämnden eller styrelsen');
    await page.keyboard.type('Socialnämnden');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Nämnd' }).isChecked()).toBe(true);
    await tabTo(page, 'Lägg till en nämnd eller styrelse');
    await page.keyboard.press('Enter');
    await confirmed(page, 'Socialnämnden finns nu hos Barnrättsföreningen i Kronoberg.');
    await page.locator('.summary-row').filter({ hasText: 'Socialnämnden' }).getByText('Nämnd', { exact: true }).waitFor();
    await look(page, 'board-created');

    // A person of the organisation, as process owner.
    await page.getByRole('link', { name: 'Registrera en person i Barnrättsföreningen i Kronoberg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera en person' }).waitFor();
    await page.getByLabel('Organisation').locator('option', { hasText: 'Barnrättsföreningen i Kronoberg' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Organisation').evaluate((el) => (el as any).selectedOptions[0].textContent)).toBe('Barnrättsföreningen i Kronoberg');
    await look(page, 'person-new');
    await page.getByRole('textbox', { name: /E-post i tjänsten/ }).fill('inte en adress');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await summary.getByRole('link', { name: 'Skriv personens namn' }).waitFor();
    await look(page, 'person-new-errors');
    await page.getByRole('textbox', { name: 'Namn' }).fill('Eva Lind');
    await page.getByRole('textbox', { name: 'Inloggningsidentitet' }).fill('eva.lind@barnratt-kronoberg.se');
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await page.locator('#f-email-error').waitFor();
    await look(page, 'person-new-refused');
    await page.getByRole('textbox', { name: /E-post i tjänsten/ }).fill('eva.lind@barnratt-kronoberg.se');
    await page.getByRole('checkbox', { name: 'Processägare' }).check();
    await page.getByRole('button', { name: 'Registrera personen' }).click();
    await confirmed(page, 'Eva Lind är registrerad hos Barnrättsföreningen i Kronoberg.');
    await look(page, 'person-created');

    // Her token, shown once.
    await page.locator('.banner').getByRole('link', { name: 'Skapa en API-token för Eva Lind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skapa en API-token' }).waitFor();
    await look(page, 'token-new');
    await page.getByRole('button', { name: 'Skapa token' }).click();
    await summary.getByRole('link', { name: 'Skriv vad token ska användas till' }).waitFor();
    await look(page, 'token-new-errors');
    await page.getByRole('textbox', { name: 'Vad ska token användas till?' }).fill('Eva Linds inloggning');
    await page.getByRole('button', { name: 'Skapa token' }).click();
    await page.getByRole('heading', { level: 1, name: 'Token är skapad: kopiera den nu' }).waitFor();
    await page.getByText('Token visas bara den här gången.', { exact: false }).waitFor();
    secret = await page.getByLabel('Token för Eva Lind, Barnrättsföreningen i Kronoberg').inputValue();
    expect(secret).toMatch(/^svk_/);
    await look(page, 'token-shown');
    await page.getByRole('link', { name: 'Jag har kopierat token – till listan' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-token' }).waitFor();
    const card = page.locator('.summary-card').filter({ hasText: 'Eva Linds inloggning' });
    await card.getByText('Eva Lind, Barnrättsföreningen i Kronoberg').waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    await look(page, 'tokens');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the new process owner check and publish a workflow version and read its time limits', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, secret);
    // No administration for a process owner: no menu item, and in words who may.
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto(`${s.t.url}/app/admin/people`);
    await page.getByText('Bara administratörer sköter registret', { exact: false }).waitFor();
    await look(page, 'not-allowed');

    const v2 = JSON.parse(readFileSync('workflows/kronoberg.v1.json', 'utf8'));
    v2.version = 2;
    v2.states.decisions.meta.escalation[0].at = { workingDays: -3 };
    v2.states.decisions.meta.escalation[0].notify = ['steeringGroup'];
    await page.goto(`${s.t.url}/app/workflows/check`);
    await page.getByRole('heading', { level: 1, name: 'Kontrollera en fil' }).waitFor();
    await page.getByLabel('Eller klistra in filens innehåll (JSON)').fill(JSON.stringify(v2, null, 2));
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByText('Filen är felfri och kan publiceras som version 2 av Barnens bästa gäller.').waitFor();
    await look(page, 'check-clean');
    await page.getByRole('link', { name: 'Publicera den här versionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Publicera version 2 av Barnens bästa gäller' }).waitFor();
    await page.getByText('Ny version. Senaste publicerade versionen är 1.').waitFor();
    await page.getByText('En publicerad version kan aldrig ändras', { exact: false }).waitFor();
    await page.getByText('Likalydande beslut: eskaleringarna ändras (se nedan).').waitFor();
    expect(await page.getByText('Annat i arbetsflödet ändras också', { exact: false }).count()).toBe(0);
    await look(page, 'publish-check');
    await page.getByRole('button', { name: 'Publicera versionen' }).click();
    await confirmed(page, 'Version 2 av Barnens bästa gäller är publicerad.');
    await page.getByRole('heading', { level: 1, name: 'Barnens bästa gäller, version 2' }).waitFor();
    const decisions = page.locator('.step-times .summary-card').filter({ has: page.getByRole('heading', { name: 'Likalydande beslut' }) });
    await decisions.getByText('60 arbetsdagar').waitFor();
    await decisions.getByText('3 arbetsdagar före sista dagen: styrgruppen').waitFor();
    await decisions.getByText('När sista dagen har gått ut: cheferna').waitFor();
    await decisions.getByText('10 arbetsdagar efter sista dagen: styrgruppen').waitFor();
    await look(page, 'published');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the administrator change the person, revoke the token, deactivate the person and see the outbox', async () => {
    const { page, errors } = await openPage(s.browser);
    await signIn(page, s.t.url, await s.t.token(ADMINISTRATOR));
    await page.goto(`${s.t.url}/app/admin/people`);
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    const eva = page.locator('.summary-card').filter({ has: page.getByRole('heading', { name: 'Eva Lind' }) });
    await eva.getByText('Processägare').waitFor();
    await look(page, 'people');
    await eva.getByRole('link', { name: 'Ändra Eva Lind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra uppgifter om Eva Lind' }).waitFor();
    await page.getByRole('textbox', { name: 'Namn' }).fill('');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Skriv personens namn' }).waitFor();
    await look(page, 'person-change-errors');
    await page.getByRole('textbox', { name: 'Namn' }).fill('Eva Lindqvist');
    await page.getByRole('button', { name: 'Spara' }).click();
    await confirmed(page, 'Uppgifterna om Eva Lindqvist är sparade.');

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'API-token' }).click();
    const card = page.locator('.summary-card').filter({ hasText: 'Eva Linds inloggning' });
    await card.getByRole('link', { name: 'Återkalla Eva Linds inloggning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Återkalla token ”Eva Linds inloggning”' }).waitFor();
    await look(page, 'token-revoke');
    await page.getByRole('button', { name: 'Återkalla token' }).click();
    await confirmed(page, 'Token ”Eva Linds inloggning” är återkallad och fungerar inte längre.');
    await card.getByText(/Återkallad/).waitFor();
    await look(page, 'token-revoked');

    await page.goto(`${s.t.url}/app/admin/people`);
    await eva.getByRole('link', { name: 'Avsluta Eva Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avsluta Eva Lindqvist' }).waitFor();
    await page.getByText('tar rollens ersättare över rollen', { exact: false }).waitFor();
    await look(page, 'person-deactivate');
    await page.getByRole('button', { name: 'Avsluta personen' }).click();
    await confirmed(page, 'Eva Lindqvist är avslutad och kan inte längre logga in.');
    await eva.getByText('Avslutad').waitFor();
    await look(page, 'person-deactivated');

    // The outbox: the failed e-mail, why, and a new round of attempts.
    await page.goto(`${s.t.url}/app/admin/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Utskick' }).waitFor();
    const failed = page.locator('.summary-card').filter({ hasText: 'Connection refused' });
    await failed.getByText('Inte skickade').waitFor();
    await failed.getByText('E-post', { exact: true }).waitFor();
    await look(page, 'outbox');
    await failed.getByRole('link', { name: /Försök igen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Skicka utskicket igen' }).waitFor();
    await look(page, 'outbox-retry');
    await page.getByRole('button', { name: 'Skicka igen' }).click();
    await page
      .locator('.banner')
      .getByText(/^Utskicket till .+ skickas igen\.$/)
      .waitFor();
    await page.locator('.summary-card').filter({ hasText: 'Connection refused' }).getByText('Väntar på att skickas').waitFor();
    await look(page, 'outbox-retried');
    await page.goto(`${s.t.url}/app/admin/outbox`);
    await page.getByText('Inga utskick har misslyckats.', { exact: false }).waitFor();
    await look(page, 'outbox-empty');
    await signOut(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('finds no WCAG 2.1 A/AA violation on any page or form state above, and no page scrolls sideways at 390 px', () => {
    expect(s.violations).toEqual({});
    expect(sideways).toEqual([]);
  });
});

/**
 * Before the scenario, over the API and the service's own jobs: a Kronoberg case that passes its
 * deadline, so that its escalation e-mails are queued; one of them is then marked as refused by the
 * mail server three times (the outbox's failed state, which needs an SMTP server to happen for real).
 */
async function failedNotification(t: TestApp): Promise<void> {
  await kronobergCaseAtDecisions(t);
  t.clock.set('2027-03-15T10:00:00+01:00');
  await t.app.get(EscalationJob).run();
  const em = t.orm.em.fork();
  const mail = await em.findOne(NotificationRecord, { channel: 'email' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  if (!mail) throw new Error('no escalation e-mail was queued');
  await em.nativeUpdate(NotificationRecord, { id: mail.id }, { status: 'failed', attempts: 3, lastError: 'Connection refused (ECONNREFUSED)' });
}
