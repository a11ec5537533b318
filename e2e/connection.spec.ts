import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';

/**
 * The Debitura page in a real Chromium against the fake Collection Partner API: an admin
 * registers the webhook in test mode, sees the agency's name and an active subscription,
 * sends a test event and watches it arrive; collectors and managers get 403. Then an outage
 * makes Debitura disable the webhook (banner for admins on every page, Re-enable, repair of
 * the gap), and an import brings in cases Casedesk never received, showing its progress.
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

/** The fake Debitura API's own switches and case list (its /__simulator routes need no key). */
async function fakeApi(path: string, body: unknown) {
  const response = await fetch(`${process.env.E2E_FAKE_API_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
}

function liveCase(reference: string) {
  return {
    id: randomUUID(),
    reference,
    isTestCase: false,
    lifecycle: 'Active',
    currency: 'EUR',
    grossAmount: 310.25,
    remainder: 310.25,
    debtor: { type: 'Company', name: `Debtor of ${reference} ApS` },
    creditor: { companyName: 'Creditor A/S' },
    dateCreated: '2026-11-01T09:00:00Z',
    dateCollectionStarted: '2026-11-02T09:00:00Z',
  };
}

test('a webhook Debitura disabled shows a banner to admins on every page; Re-enable turns it on and repairs the gap', async ({
  browser,
  page,
  signInAs,
}) => {
  // Casedesk is unreachable while a case arrives: its 8 deliveries fail and Debitura disables the webhook.
  const run = randomUUID().slice(0, 6).toUpperCase();
  const outageCase = liveCase(`E2EOUT${run}`);
  await fakeApi('/__simulator/cases', outageCase);
  await fakeApi('/__simulator/deliveries', { isFailing: true });
  const envelope = (event: string, data: Record<string, unknown>) => ({
    id: randomUUID(),
    specVersion: '1.0',
    event,
    timestamp: new Date().toISOString(),
    data: { caseId: outageCase.id, reference: outageCase.reference, ...data },
  });
  const missed = [
    envelope('case.assigned', { lifecycle: 'Active' }),
    ...Array.from({ length: 7 }, (_, index) =>
      envelope('chat.created', {
        chatId: randomUUID(),
        message: `Message ${index + 1} sent while Casedesk was down`,
        dateCreated: new Date().toISOString(),
        roleLabel: 'Creditor',
        user: { firstName: 'Cred', lastName: 'Itor', email: 'creditor@example.test' },
      }),
    ),
  ];
  await fakeApi('/__simulator/events', missed);
  await expect(async () => {
    const subscriptions = (await (await fetch(`${process.env.E2E_FAKE_API_URL}/__simulator/webhooks`)).json()) as {
      isActive: boolean;
    }[];
    expect(subscriptions.some((subscription) => !subscription.isActive)).toBe(true);
  }).toPass({ timeout: 30_000 });
  await fakeApi('/__simulator/deliveries', { isFailing: false });

  // The health check (on page load, at most every 30 s) notices; the banner follows.
  await signInAs('admin', { landing: '/admin/debitura' });
  const banner = page.getByTestId('debitura-disabled-banner');
  await expect(async () => {
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect(banner).toContainText('Exceeded maximum retry attempts (8 failures)');
  await expect(page.getByRole('region', { name: 'Webhook' }).getByTestId('subscription-state')).toHaveText('Disabled');

  // Every page, for admins only.
  await page.goto('/cases');
  await expect(banner).toBeVisible();
  const collectorContext = await browser.newContext();
  const collectorPage = await collectorContext.newPage();
  await signInAs('collector', { page: collectorPage, landing: '/cases' });
  await expect(collectorPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(collectorPage.getByTestId('debitura-disabled-banner')).toHaveCount(0);
  await collectorContext.close();

  await banner.getByRole('button', { name: 'Re-enable' }).click();
  await expect(banner).toHaveCount(0);

  await page.goto('/admin/debitura');
  await expect(page.getByRole('region', { name: 'Webhook' }).getByTestId('subscription-state')).toHaveText('Active');
  // The repair covering the gap: the newest row, done, with the 8 missed events recovered from Debitura's log.
  const latestRepair = page.getByRole('region', { name: 'Repairs' }).getByRole('row').nth(1);
  await expect(latestRepair).toContainText('Done', { timeout: 60_000 });
  await expect(latestRepair.getByRole('cell').nth(3)).toHaveText('8');
  await page.goto(`/cases?q=${outageCase.reference}`);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
});

test('an admin imports the cases Debitura already has, with progress, and they appear', async ({ page, signInAs }) => {
  const run = randomUUID().slice(0, 6).toUpperCase();
  const existing = [1, 2, 3].map((n) => liveCase(`E2EIMP${run}${n}`));
  await fakeApi('/__simulator/cases', existing);

  await signInAs('admin', { landing: '/admin/debitura' });
  await page.goto(`/cases?q=E2EIMP${run}`);
  await expect(page.getByTestId('case-row')).toHaveCount(0);
  await page.goto('/admin/debitura');
  const importRegion = page.getByRole('region', { name: 'Import existing cases' });
  const progress = importRegion.getByTestId('import-progress');
  await expect(progress).toHaveText('No import has run yet.');

  // Debitura is busy at first: the import waits, says so, and goes on by itself.
  await fakeApi('/__simulator/failures', { status: 503, count: 2, path: '/cases' });
  await importRegion.getByRole('button', { name: 'Import all cases' }).click();
  await expect(progress).toContainText('Waiting for Debitura');
  await expect(progress).toHaveText(/^Imported \d+ cases\.$/, { timeout: 60_000 });

  await page.goto(`/cases?q=E2EIMP${run}`);
  await expect(page.getByTestId('case-row')).toHaveCount(3);
});
