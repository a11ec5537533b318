import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, submitSignIn, test } from './support/fixtures';
import { E2E_USERS } from './support/users';

/**
 * A collector's own language: chosen on the account page, it wins over the browser's
 * Accept-Language (Chromium here asks for English), and "browser default" hands the choice
 * back to the browser. The case list and a case page are spot-checked in German and Danish,
 * money included (the currency is the case's, the format the reader's). Its own user
 * (linguist), so the languages it picks change no other spec.
 */
test.describe.configure({ mode: 'serial' });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const EUR_CASE = `E2E-DE-${RUN}`;
const DKK_CASE = `E2E-DA-${RUN}`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const assigned = (reference: string, currency: string) => ({
  reference,
  caseId: randomUUID(),
  lifecycle: 'Active',
  currency,
  grossAmount: 1234.56,
  currentEngagementPhase: 'Pre-legal',
  debtor: { type: 'Person', name: `Jens Jensen ${RUN}` },
  creditor: { companyName: `Nordlys ${RUN} ApS` },
});

async function chooseLanguage(page: Page, label: RegExp, option: string) {
  await page.goto('/account');
  await page.getByRole('combobox', { name: label }).selectOption(option);
  await page.getByRole('button', { name: /^(Save language|Sprache speichern|Gem sprog)$/ }).click();
}

test.beforeAll(async ({ webhooks }) => {
  await webhooks.send('case.assigned', assigned(EUR_CASE, 'EUR'), { timestamp: daysAgo(3) });
  await webhooks.send('case.assigned', assigned(DKK_CASE, 'DKK'), { timestamp: daysAgo(2) });
});

test.afterAll(async ({ browser }) => {
  // Leave the user as global-setup made it, whatever failed above. The sign-in page follows
  // the browser (English); the account page follows whatever was saved last.
  const page = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  await submitSignIn(page, E2E_USERS.linguist);
  await expect(page).toHaveURL(/\/account$/);
  await chooseLanguage(page, /^(Language|Sprache|Sprog)$/, '');
  await expect(page.getByRole('status').filter({ hasText: 'Language saved.' })).toBeVisible();
  await page.close();
});

test('a collector who chose German sees the list and a case in German', async ({ page, signInAs }) => {
  await signInAs('linguist');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' })).toBeVisible();

  await chooseLanguage(page, /^Language$/, 'de');
  // The form answers in the language it just saved: the whole page was rendered again.
  await expect(page.getByRole('status').filter({ hasText: 'Sprache gespeichert.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto');
  await expect(page.getByTestId('current-user')).toContainText('Sachbearbeiter');
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  // Kept on the user, not the page: a fresh load still speaks German.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fälle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fälle' })).toBeVisible();
  await page.getByLabel('Suche').fill(EUR_CASE);
  await page.getByRole('button', { name: 'Anwenden', exact: true }).click();
  const row = page.getByTestId('case-row').filter({ hasText: EUR_CASE });
  await expect(row).toContainText('1.234,56 €');
  await expect(row).toContainText('Aktiv');
  await expect(page.getByRole('columnheader', { name: 'Schuldner' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Seiten' })).toContainText('1 Fall auf dieser Seite');

  await row.getByRole('link', { name: EUR_CASE }).click();
  await expect(page.getByRole('heading', { level: 1, name: EUR_CASE })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Saldo' })).toContainText('Hauptforderung');
  await expect(page.getByTestId('balance')).toContainText('1.234,56 €');
  await expect(page.getByText('Noch nichts bezahlt', { exact: true })).toBeVisible();
  await expect(page.getByText('Vorgerichtlich', { exact: true })).toBeVisible();
  await expect(page.getByTestId('timeline-title').first()).toHaveText('An das Inkassobüro übergeben');
  await expect(page.getByRole('region', { name: 'Zahlungen (0)' })).toContainText('Keine Zahlungen erfasst.');
  await expect(page.getByLabel('Antwort an Debitura')).toBeVisible();

  // An internal note reads as one in the timeline, in words: the agency's own, never sent to Debitura.
  await page.getByLabel('Interne Notiz', { exact: true }).fill(`Schuldner ruft Freitag zurück ${RUN}`);
  await page.getByRole('button', { name: 'Interne Notiz speichern' }).click();
  await expect(page.locator('#internal-note-status')).toContainText('Gespeichert.');
  const note = page.locator('[data-testid="timeline-entry"][data-type="note.internal"]');
  await expect(async () => {
    await page.reload();
    await expect(note).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(note.getByTestId('timeline-title')).toContainText('Interne Notiz von');
  await expect(note).toContainText('Intern – nicht an Debitura gesendet');
  await expect(note).toContainText(`Schuldner ruft Freitag zurück ${RUN}`);
});

test('then Danish: the list and a Danish case in Danish, kroner as Danes write them', async ({ page, signInAs }) => {
  await signInAs('linguist');
  await chooseLanguage(page, /^Sprache$/, 'da');
  await expect(page.getByRole('status').filter({ hasText: 'Sproget er gemt.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  await page.goto(`/cases?q=${DKK_CASE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sager' })).toBeVisible();
  const row = page.getByTestId('case-row').filter({ hasText: DKK_CASE });
  await expect(row).toContainText('1.234,56 kr.');
  await expect(row).toContainText('Aktiv');
  await expect(page.getByRole('navigation', { name: 'Filtrér efter status' })).toContainText('Sat på pause');

  await row.getByRole('link', { name: DKK_CASE }).click();
  await expect(page.getByRole('heading', { level: 1, name: DKK_CASE })).toBeVisible();
  await expect(page.getByTestId('balance')).toContainText('1.234,56 kr.');
  await expect(page.getByText('Udenretlig', { exact: true })).toBeVisible();
  await expect(page.getByTestId('timeline-title').first()).toHaveText('Tildelt bureauet');
  await expect(page.getByLabel('Svar til Debitura')).toBeVisible();

  // The EUR case keeps its currency in Danish: the locale formats, the case decides the money.
  await page.goto(`/cases?q=${EUR_CASE}`);
  await expect(page.getByTestId('case-row').filter({ hasText: EUR_CASE })).toContainText('1.234,56 €');

  await chooseLanguage(page, /^Sprog$/, '');
  await expect(page.getByRole('status').filter({ hasText: 'Language saved.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("with no choice saved, the browser's language decides", async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-AT', baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Anmelden', exact: true })).toBeVisible();
  await context.close();
});
