import { expect, test } from './support/fixtures';

/**
 * A collector's own language: chosen on the account page, it wins over the browser's
 * Accept-Language, and "browser default" hands the choice back to the browser. Its own user
 * (linguist), so the languages it picks change no other spec.
 */
test.describe.configure({ mode: 'serial' });

async function chooseLanguage(page: import('@playwright/test').Page, label: RegExp, option: string) {
  await page.goto('/account');
  await page.getByLabel(label).selectOption(option);
  await page.getByRole('button', { name: /Save language|Sprache speichern|Gem sprog/ }).click();
}

test.afterAll(async ({ browser }) => {
  // Leave the user as global-setup made it, whatever failed above.
  const page = await browser.newPage();
  await page.goto('/login?callbackUrl=%2Faccount');
  await page.getByLabel(/^(Email|E-Mail)$/).fill('linguist@e2e.test');
  await page.getByLabel(/^(Password|Passwort|Adgangskode)$/).fill('linguist-password-1');
  await page.getByRole('button', { name: /^(Sign in|Anmelden|Log ind)$/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await chooseLanguage(page, /^(Language|Sprache|Sprog)$/, '');
  await expect(page.getByRole('status')).toHaveText(/\S/);
  await page.close();
});

test('a collector chooses German, then Danish, then the browser default again', async ({ page, signInAs }) => {
  await signInAs('linguist');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' })).toBeVisible();

  await chooseLanguage(page, /^Language$/, 'de');
  // The form answers in the language it just saved: the whole page was rendered again.
  await expect(page.getByRole('status')).toHaveText('Sprache gespeichert.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto');
  const germanNav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(germanNav.getByRole('link', { name: 'Fälle' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('Sachbearbeiter');
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();

  // Kept on the user, not the page: a fresh load still speaks German.
  await page.reload();
  await expect(page.getByLabel('Sprache')).toHaveValue('de');

  await chooseLanguage(page, /^Sprache$/, 'da');
  await expect(page.getByRole('status')).toHaveText('Sproget er gemt.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager' })).toBeVisible();

  await chooseLanguage(page, /^Sprog$/, '');
  await expect(page.getByRole('status')).toHaveText('Language saved.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test("with no choice saved, the browser's language decides", async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-AT', baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await context.close();
});
