import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { assignFromDebitura } from './support/debitura-case';
import { E2E_USERS } from './support/users';

/**
 * Working a case with Debitura from its page, in a real Chromium against the fake Collection
 * Partner API (which answers like Debitura and sends its confirming webhooks back to the app):
 * a collector accepts a new case, records the payment that settles it and closes it as Paid,
 * seeing each step go from "sending" to "confirmed by Debitura"; on a case assigned to someone
 * else the API answers 403 and the page shows no forms.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const NEW_CASE = `E2E-ACT-${RUN}`;
const OTHERS_CASE = `E2E-ACT-OTHER-${RUN}`;

/** Writes through the JSON API with the page's session, as a Casedesk page would (same Origin). */
function apiWrite(page: Page, method: 'post' | 'put', path: string, data: unknown) {
  return page.request[method](`/api/v1${path}`, { data, headers: { origin: process.env.E2E_BASE_URL! } });
}

/** Opens one of the panel's folded forms (a <details>), unless it is open already. */
async function openForm(page: Page, name: string) {
  const form = page.getByTestId(`action-${name}`);
  if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
}

/** The newest action of a kind in the case's "Sent to Debitura" list. */
const action = (page: Page, kind: string) => page.getByTestId('case-action').and(page.locator(`[data-kind="${kind}"]`));

test.beforeAll(async ({ webhooks }) => {
  for (const reference of [NEW_CASE, OTHERS_CASE]) {
    // Debitura's side knows the case (the actions go there), and the assignment arrives as a signed webhook.
    await assignFromDebitura(webhooks, {
      caseId: randomUUID(),
      reference,
      lifecycle: 'PendingVerification',
      grossMajor: 125.5,
      debtorType: 'Company',
    });
  }
});

test('a collector accepts a new case, records the payment, closes it as Paid, each step confirmed', async ({
  page,
  signInAs,
}) => {
  await signInAs('collector');
  await page.goto(`/cases/${NEW_CASE}`);
  const panel = page.getByRole('region', { name: 'Work this case with Debitura' });
  const accept = panel.getByRole('form', { name: 'Accept this new case' });
  await expect(accept).toBeVisible();
  await expect(accept.getByRole('link', { name: "Debitura's Partner Portal" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'case page, accept form');

  // A missing welcome message is refused next to the field, and nothing is sent.
  await accept.getByRole('button', { name: 'Accept case' }).click();
  await expect(accept.getByText('Fill this in.')).toBeVisible();
  await expect(accept.getByLabel('Welcome message to the creditor')).toBeFocused();
  await expect(page.getByTestId('case-action')).toHaveCount(0);

  await accept.getByLabel('Welcome message to the creditor').fill('Welcome: we have your case and start today.');
  await expect(accept.getByLabel('Case handler')).toHaveValue(E2E_USERS.collector.email);
  await accept.getByLabel('Our reference (optional)').fill(`AG-${RUN}`);
  await accept.getByRole('button', { name: 'Accept case' }).click();
  await expect(action(page, 'accept')).toBeVisible();
  await expect(action(page, 'accept')).toContainText('Confirmed by Debitura');
  await expect(action(page, 'accept')).toHaveAttribute('data-status', 'confirmed');
  // The handler is the case's assignee in Casedesk too.
  await expect(page.getByText(E2E_USERS.collector.name).first()).toBeVisible();

  // With the case active, the other forms: all open at once for the accessibility scan.
  await expect(panel.getByTestId('action-payment')).toBeVisible();
  for (const name of ['payment', 'close', 'note', 'fees']) await openForm(page, name);
  await expectNoSeriousA11yViolations(page, 'case page, action forms open');

  const payment = panel.getByRole('form', { name: 'Record a payment' });
  await payment.getByLabel('Amount (EUR)').fill('125.505');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment.getByText("This amount has more decimals than the case's currency allows.")).toBeVisible();
  await payment.getByLabel('Amount (EUR)').fill('125.50');
  await expect(payment.getByLabel('This settles the case: close it as Paid')).toBeVisible();
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment.getByRole('status').filter({ hasText: 'Recorded; sending to Debitura.' })).toBeVisible();
  await expect(action(page, 'payment_create')).toContainText('Confirmed by Debitura');
  await expect(page.getByTestId('payments').getByTestId('payment-row')).toHaveCount(1);

  await openForm(page, 'close');
  const close = panel.getByRole('form', { name: 'Close the case' });
  await expect(close.getByRole('radio', { name: /^Paid/ })).toBeEnabled();
  await close.getByRole('radio', { name: /^Paid/ }).check();
  await close.getByRole('button', { name: 'Close case' }).click();
  await expect(action(page, 'close')).toContainText('Confirmed by Debitura');
  await expect(action(page, 'close')).toHaveAttribute('data-status', 'confirmed');
  // Closed: no more payments or closing offered.
  await expect(panel.getByTestId('action-payment')).toHaveCount(0);
  await expect(panel.getByTestId('action-close')).toHaveCount(0);
});

test('a collector cannot act on a case assigned to someone else: 403 from the API, no forms', async ({
  browser,
  page,
  signInAs,
}) => {
  const managerContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const manager = await managerContext.newPage();
  await signInAs('manager', { page: manager });
  const assigned = await apiWrite(manager, 'put', `/cases/${OTHERS_CASE}/assignee`, { email: E2E_USERS.manager.email });
  expect(assigned.status(), await assigned.text()).toBe(200);
  await managerContext.close();

  await signInAs('collector');
  const accept = await apiWrite(page, 'post', `/cases/${OTHERS_CASE}/accept`, { welcomeMessage: 'Hello' });
  expect(accept.status()).toBe(403);
  expect((await accept.json()).error.code).toBe('forbidden');
  const payment = await apiWrite(page, 'post', `/cases/${OTHERS_CASE}/payments`, {
    date: '2026-11-20',
    amountMinor: 100,
    recipient: 'CollectionPartner',
  });
  expect(payment.status()).toBe(403);

  const response = await page.goto(`/cases/${OTHERS_CASE}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Work this case with Debitura' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Accept case' })).toHaveCount(0);
});
