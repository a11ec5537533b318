import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';

/**
 * The Debitura page in a real Chromium against the fake Collection Partner API: an admin
 * registers the webhook in test mode, sees the agency's name and an active subscription,
 * sends a test event and watches it arrive; collectors and managers get 403.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('a collector and a manager get 403 on the Debitura page', async ({ browser, signInAs }) => {
  for (const role of ['collector', 'manager'] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(role, { page });
    const response = await page.goto('/admin/debitura');
    expect(response?.status(), role).toBe(403);
    await expect(page.getByRole('heading', { name: 'Webhook' })).toHaveCount(0);
    await context.close();
  }
});

test('an admin connects, sees the agency and an active webhook, and a test event arrives', async ({
  page,
  signInAs,
}) => {
  // A test case on Debitura's side to fire the test event at (test events go to test cases only).
  const caseId = randomUUID();
  const registered = await fetch(`${process.env.E2E_FAKE_API_URL}/__simulator/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: caseId,
      reference: `E2ECONN${caseId.slice(0, 4).toUpperCase()}`,
      isTestCase: true,
      lifecycle: 'Active',
      currency: 'EUR',
      grossAmount: 120.5,
      debtor: { name: 'Test Debtor ApS' },
      creditor: { companyName: 'Test Creditor A/S' },
      dateCreated: '2026-11-01T09:00:00Z',
      dateCollectionStarted: '2026-11-02T09:00:00Z',
    }),
  });
  expect(registered.status).toBe(204);

  await signInAs('admin', { landing: '/admin' });
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Debitura' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Debitura' })).toBeVisible();
  await expect(page.getByTestId('agency-name')).toHaveText('Debitura knows this key as Demo Collection Agency.');

  const webhook = page.getByRole('region', { name: 'Webhook' });
  await expect(webhook.getByLabel('Webhook URL')).toHaveValue(/\/api\/webhooks\/debitura$/);
  await webhook.getByLabel(/Test mode/).check();
  await webhook.getByRole('button', { name: 'Register webhook' }).click();
  await expect(webhook.getByText('Webhook registered.')).toBeVisible();
  await expect(webhook.getByTestId('subscription-state')).toHaveText('Active');
  await expect(webhook.getByText('Test mode', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Signing secrets' }).getByRole('cell', { name: 'Active' }),
  ).toBeVisible();

  await webhook.getByRole('button', { name: 'Send test event' }).click();
  await expect(webhook.getByText(/^Test event arrived at /)).toBeVisible({ timeout: 30_000 });
});
