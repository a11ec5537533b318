import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { signatureHeader } from '@/lib/webhooks/signature';
import { E2E_USERS, E2E_WEBHOOK_SECRET, type E2eUser } from './support/users';

/**
 * The manager's and the admin's pages in German and in Danish: spot-checked words, plurals
 * by the language's rules, and money in the reader's format with the currency of the case
 * (1.234,56 € in German, 1.234,56 kr. in Danish), never the currency of the language.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const CASE_EUR = `E2E-I18N-${RUN}-E`;
const CASE_DKK = `E2E-I18N-${RUN}-D`;
const DAY = 86_400_000;

async function sendWebhook(request: APIRequestContext, event: string, data: Record<string, unknown>, at: Date) {
  const body = JSON.stringify({ id: randomUUID(), event, timestamp: at.toISOString(), data });
  const response = await request.post('/api/webhooks/debitura', {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-debitura-event': event,
      'x-debitura-signature': signatureHeader(E2E_WEBHOOK_SECRET, body),
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * Signs in (in English), then opens a browser whose language is `locale`: the session cookie
 * carries over, and every page after it is asked for in that language (Accept-Language).
 */
async function signInReading(browser: Browser, user: Pick<E2eUser, 'email' | 'password'>, locale: string) {
  const english = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const signIn = await english.newPage();
  await signIn.goto('/login?callbackUrl=%2Faccount');
  await signIn.getByLabel(/^(Email|E-Mail|E-mail)$/).fill(user.email);
  await signIn.getByLabel(/^(Password|Passwort|Adgangskode)$/).fill(user.password);
  await signIn.getByRole('button', { name: /^(Sign in|Anmelden|Log ind)$/ }).click();
  await expect(signIn).toHaveURL(/\/account$/);
  const storageState = await english.storageState();
  await english.close();
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale, storageState });
  return context.newPage();
}

test.beforeAll(async ({ request }) => {
  const assigned = new Date(Date.now() - 30 * DAY);
  for (const [reference, currency] of [
    [CASE_EUR, 'EUR'],
    [CASE_DKK, 'DKK'],
  ]) {
    await sendWebhook(
      request,
      'case.assigned',
      {
        reference,
        lifecycle: 'Active',
        currency,
        grossAmount: 5000,
        totalAddedFees: 0,
        debtor: { type: 'Person', name: `Debtor ${reference}` },
        creditor: { companyName: `Creditor ${reference}` },
      },
      assigned,
    );
    const paid = new Date(Date.now() - 2 * DAY);
    await sendWebhook(
      request,
      'payment.created',
      {
        reference,
        paymentId: `pay-i18n-${RUN}-${currency}`,
        amount: 1234.56,
        currency,
        date: paid.toISOString(),
        recipient: 'CollectionPartner',
        method: 'BankTransfer',
      },
      paid,
    );
  }
});

const STATEMENT = ['Date,Amount,Currency,Text', `2026-11-02,1234.56,EUR,Zahlung ${CASE_EUR}`].join('\n');

const LANGUAGES = [
  {
    language: 'de-DE',
    payments: 'Zahlungen',
    importButton: 'Kontoauszug importieren',
    eur: '1.234,56 €',
    dkk: '1.234,56 DKK',
    oneLine: '1 Buchung importieren',
    previewTotal: 'EUR: 1 Buchung, 1.234,56 €',
    reports: 'Berichte',
    collectedReport: 'Eingezogen pro Monat',
    team: 'Auslastung des Teams',
    admin: 'Administration',
    usersLink: 'Benutzer',
    addUser: 'Benutzer anlegen',
    tokens: 'API-Tokens',
    deliveries: 'Zustellungen',
    deliveriesLink: 'Zustellungen',
    rejected: 'Abgewiesene Zustellungen',
    secretsHeading: 'Welches Secret die Zustellungen geprüft hat',
    outbox: 'Fehlgeschlagene Aktionen',
    audit: 'Protokoll',
    tokenScope: 'Berechtigung',
    readOnly: 'Nur lesen',
    tokenExpiry: 'Läuft ab nach',
    ninetyDays: '90 Tagen',
    eventHeading: /^Ereignis /,
    payload: 'Nutzdaten',
  },
  {
    language: 'da-DK',
    payments: 'Betalinger',
    importButton: 'Importér kontoudtog',
    eur: '1.234,56 €',
    dkk: '1.234,56 kr.',
    oneLine: 'Importér 1 postering',
    previewTotal: 'EUR: 1 postering, 1.234,56 €',
    reports: 'Rapporter',
    collectedReport: 'Inddrevet pr. måned',
    team: 'Teamets arbejdsbyrde',
    admin: 'Administration',
    usersLink: 'Brugere',
    addUser: 'Tilføj bruger',
    tokens: 'API-tokens',
    deliveries: 'Leveringer',
    deliveriesLink: 'Leveringer',
    rejected: 'Afviste leveringer',
    secretsHeading: 'Hvilket secret verificerede leveringerne',
    outbox: 'Handlinger, der fejlede',
    audit: 'Revisionslog',
    tokenScope: 'Adgang',
    readOnly: 'Kun læse',
    tokenExpiry: 'Udløber efter',
    ninetyDays: '90 dage',
    eventHeading: /^Hændelse /,
    payload: 'Indhold',
  },
];

for (const expected of LANGUAGES) {
  test(`a manager reads payments, the import, reports and team in ${expected.language}`, async ({ browser }) => {
    const page = await signInReading(browser, E2E_USERS.manager, expected.language);

    await expect(async () => {
      await page.goto(`/payments?case=${CASE_EUR}`);
      await expect(page.locator(`tr[data-payment-id="pay-i18n-${RUN}-EUR"]`)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.payments);
    await expect(page.locator(`tr[data-payment-id="pay-i18n-${RUN}-EUR"]`)).toContainText(expected.eur);
    await page.goto(`/payments?case=${CASE_DKK}`);
    await expect(page.locator(`tr[data-payment-id="pay-i18n-${RUN}-DKK"]`)).toContainText(expected.dkk);
    await expect(page.getByTestId('currency-totals')).toContainText(expected.dkk);

    await page.getByRole('link', { name: expected.importButton }).click();
    await page
      .locator('#statement-file')
      .setInputFiles({ name: `i18n-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(STATEMENT) });
    await expect(page.getByTestId('preview-totals')).toHaveText(expected.previewTotal);
    await expect(page.getByRole('button', { name: expected.oneLine })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`import-${expected.language}.png`) });

    await page.goto('/reports');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.reports);
    await expect(page.getByRole('heading', { name: expected.collectedReport, exact: true })).toBeVisible();

    await page.goto('/team');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.team);
  });
}

for (const expected of LANGUAGES) {
  test(`an admin reads the admin pages and payments in ${expected.language}`, async ({ browser }) => {
    const page = await signInReading(browser, E2E_USERS.admin, expected.language);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.admin);
    const adminNav = page.getByRole('navigation', { name: expected.admin });
    await adminNav.getByRole('link', { name: expected.usersLink, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.usersLink);
    await expect(page.getByRole('button', { name: expected.addUser })).toBeVisible();
    await page.goto('/admin/tokens');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.tokens);
    // A new token's access and lifetime are offered in the reader's words, read only and 90 days first.
    const scope = page.getByLabel(expected.tokenScope, { exact: true });
    await expect(scope.locator('option:checked')).toHaveText(expected.readOnly);
    await expect(page.getByLabel(expected.tokenExpiry, { exact: true }).locator('option:checked')).toHaveText(
      expected.ninetyDays,
    );

    await adminNav.getByRole('link', { name: expected.deliveriesLink, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.deliveries);
    await page.locator('a[href^="/admin/deliveries/"]').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.eventHeading);
    await expect(page.getByRole('heading', { name: expected.payload, exact: true })).toBeVisible();
    await page.goto('/admin/rejected');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.rejected);
    await expect(page.getByRole('heading', { name: expected.secretsHeading })).toBeVisible();
    await page.goto('/admin/outbox');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.outbox);
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.audit);
    await expect(page.locator('html')).toHaveAttribute('lang', expected.language.slice(0, 2));

    await page.goto(`/payments?case=${CASE_EUR}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.payments);
    await expect(page.locator(`tr[data-payment-id="pay-i18n-${RUN}-EUR"]`)).toContainText(expected.eur);
  });
}
