import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test, type Webhooks } from './support/fixtures';
import type { FakeApiState } from './support/seed';

/**
 * The collector workspace in a real Chromium, with data sent in as signed webhooks (the
 * global setup also streams simulator cases through the webhook route): a collector filters
 * the list, opens a case and reads its timeline, payments and close code; a chat.created
 * webhook shows up without a reload, HTML in a message stays text; a reply reaches the fake
 * Collection Partner API exactly once although it fails the first two attempts. Screenshots
 * of the list and the case page at desktop and phone width are kept with the test results.
 */
test.describe.configure({ mode: 'serial' });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const REFERENCE = `E2E-CASE-${RUN}`;
const DEBTOR = `Signe Lund ${RUN}`;
const CREDITOR = `Acme Supplies ${RUN} ApS`;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const XSS = '<img src=x onerror=alert(1)>';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

const controlUrl = () => {
  const url = process.env.E2E_FAKE_API_CONTROL_URL;
  if (!url) throw new Error('E2E_FAKE_API_CONTROL_URL is not set: e2e/support/global-setup.ts starts the fake API.');
  return url;
};

/** An event about this spec's case. */
function sendCaseEvent(webhooks: Webhooks, event: string, data: Record<string, unknown>, timestamp?: string) {
  return webhooks.send(event, { reference: REFERENCE, ...data }, { timestamp });
}

async function shoot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

let assignedEventId: string;

test.beforeAll(async ({ webhooks }) => {
  // One case's whole life, out of order on purpose for the payments (the app orders by event time).
  assignedEventId = await sendCaseEvent(
    webhooks,
    'case.assigned',
    {
      caseId: randomUUID(),
      lifecycle: 'Active',
      creditorReference: `INV-${RUN}`,
      currency: 'EUR',
      grossAmount: 1500,
      interestFees: 25,
      reminderFees: 10.5,
      currentEngagementPhase: 'Pre-legal',
      debtor: {
        type: 'Person',
        name: DEBTOR,
        email: 'signe.lund@example.test',
        phone: '+45 12 34 56 78',
        address: 'Nørregade 1',
        zipCode: '8000',
        city: 'Aarhus',
        countryAlpha2: 'DK',
      },
      creditor: { companyName: CREDITOR, officeEmail: 'office@acme.example' },
    },
    daysAgo(40),
  );
  await sendCaseEvent(webhooks, 'case.updated', { oldLifecycle: 'Active', newLifecycle: 'Paused' }, daysAgo(30));
  await sendCaseEvent(
    webhooks,
    'payment.created',
    { paymentId: `p2-${RUN}`, amount: 200, currency: 'EUR', date: daysAgo(15), recipient: 'Creditor', method: 'Card' },
    daysAgo(15),
  );
  await sendCaseEvent(webhooks, 'payment.deleted', { paymentId: `p2-${RUN}` }, daysAgo(14));
  await sendCaseEvent(webhooks, 'case.updated', { oldLifecycle: 'Paused', newLifecycle: 'Active' }, daysAgo(25));
  await sendCaseEvent(
    webhooks,
    'payment.created',
    {
      paymentId: `p1-${RUN}`,
      amount: 500,
      currency: 'EUR',
      date: daysAgo(20),
      recipient: 'CollectionPartner',
      method: 'BankTransfer',
    },
    daysAgo(20),
  );
  await sendCaseEvent(
    webhooks,
    'chat.created',
    {
      chatId: `c1-${RUN}`,
      message: 'Has the debtor answered the last letter?',
      dateCreated: daysAgo(10),
      roleLabel: 'Creditor',
      user: { firstName: 'Ida', lastName: 'Acme', email: 'ida@acme.example' },
    },
    daysAgo(10),
  );
  await sendCaseEvent(
    webhooks,
    'case.closed',
    { closeCode: 'Partially paid', comment: 'Debtor paid 500 EUR, then stopped answering.' },
    daysAgo(2),
  );
});

test('a collector filters the list, opens a case and sees its timeline, payments and close code', async ({
  page,
  signInAs,
}) => {
  await page.setViewportSize(DESKTOP);
  await signInAs('collector', { landing: '/cases' });
  // The simulator's cases (global setup) fill the list.
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await shoot(page, 'cases-list-desktop');

  // Filter by close code through the form: the filter goes into the URL.
  await page.getByText('More filters and sorting').click();
  await page.getByLabel('Close code').selectOption({ label: 'Partially paid' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/closeCode=PartiallyPaid/);
  // The state tabs keep the other filters.
  await page
    .getByRole('navigation', { name: 'Filter by state' })
    .getByRole('link', { name: /^Closed/ })
    .click();
  await expect(page).toHaveURL(/state=Closed/);
  await expect(page).toHaveURL(/closeCode=PartiallyPaid/);
  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  for (const badge of await rows.locator('td:nth-child(4)').all()) await expect(badge).toContainText('Closed');

  // Search within the filtered view; the row says the chat has an unread message.
  await page.getByLabel('Search').fill(RUN);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${RUN}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(DEBTOR);
  await expect(rows.first().getByTestId('unread-marker')).toContainText('1');

  await rows.first().getByRole('link', { name: REFERENCE }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${REFERENCE}$`));
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE })).toBeVisible();

  // Timeline: every event in event-time order, not arrival order, with the raw event on expand.
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline).toHaveCount(8);
  await expect(timeline.getByTestId('timeline-title')).toHaveText([
    'Assigned to the agency',
    'Active → Paused',
    'Paused → Active',
    'Payment of €500.00 recorded',
    'Payment of €200.00 recorded',
    'Payment deleted',
    'Chat message from Ida Acme',
    'Closed: Partially paid',
  ]);
  await timeline.first().getByText('Raw event').click();
  await expect(timeline.first().locator('pre')).toContainText(`"id": "${assignedEventId}"`);
  await expect(timeline.first().locator('pre')).toContainText(`"reference": "${REFERENCE}"`);

  // Payments: the deleted one stays, struck through.
  const payments = page.getByTestId('payment-row');
  await expect(payments).toHaveCount(2);
  const deleted = page.locator('[data-testid="payment-row"][data-deleted="true"]');
  await expect(deleted).toContainText('€200.00');
  await expect(deleted).toContainText('Deleted');
  expect(
    await deleted
      .locator('td')
      .nth(1)
      .evaluate((cell) => getComputedStyle(cell).textDecorationLine),
  ).toContain('line-through');

  // Balance and close code.
  const balance = page.getByTestId('balance');
  await expect(balance).toContainText('€1,500.00');
  await expect(balance).toContainText('€35.50');
  await expect(balance).toContainText('€500.00');
  await expect(balance).toContainText('€1,035.50');
  await expect(page.getByText('Partly paid', { exact: true })).toBeVisible();
  const closeCode = page.getByTestId('close-code');
  await expect(closeCode).toContainText('Partially paid');
  await expect(closeCode).toContainText('Some money was collected, but less than the outstanding amount.');
  await expect(page.getByRole('region', { name: 'Close code' })).toContainText('Success');
  await expect(closeCode).toContainText('Debtor paid 500 EUR, then stopped answering.');

  // Viewing the chat cleared its unread mark.
  await expect(page.getByTestId('chat-message').first()).toContainText('New');
  await shoot(page, 'case-page-desktop');
  await page.goto(`/cases?q=${RUN}`);
  await expect(page.getByTestId('case-row').first().getByTestId('unread-marker')).toHaveCount(0);
});

test('a chat.created webhook shows up without a reload, and HTML in it stays text', async ({
  page,
  signInAs,
  webhooks,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs('collector', { landing: '/cases' });
  await page.goto(`/cases/${REFERENCE}`);
  const thread = page.getByTestId('chat-thread');
  await expect(thread.getByTestId('chat-message')).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await sendCaseEvent(webhooks, 'chat.created', {
    chatId: `c2-${RUN}`,
    message: XSS,
    dateCreated: new Date().toISOString(),
    roleLabel: 'Debitura',
    user: { firstName: 'Dan', lastName: 'Debitura', email: 'dan@debitura.example' },
  });
  const arrived = thread.getByTestId('chat-message').filter({ hasText: XSS });
  await expect(arrived).toBeVisible({ timeout: 10_000 });
  await expect(arrived.getByTestId('chat-text')).toHaveText(XSS);
  await expect(arrived).toContainText('New');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(thread.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('a reply reaches the fake API exactly once, although it fails the first two attempts', async ({
  page,
  signInAs,
}) => {
  const before = (await (await fetch(`${controlUrl()}/state`)).json()) as FakeApiState;
  expect((await fetch(`${controlUrl()}/failures`, { method: 'POST', body: JSON.stringify({ chatPosts: 2 }) })).ok).toBe(
    true,
  );

  await signInAs('collector', { landing: '/cases' });
  await page.goto(`/cases/${REFERENCE}`);
  const text = `We agreed a payment plan with the debtor (${RUN}). ${XSS}`;
  await page.getByLabel('Reply to Debitura').fill(text);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByLabel('Reply to Debitura')).toHaveValue('');

  const reply = page.locator('[data-testid="chat-message"][data-direction="outbound"]').filter({ hasText: RUN });
  await expect(reply.getByTestId('chat-text')).toHaveText(text);
  await expect(reply.getByTestId('delivery-status')).toContainText('Sent ✓', { timeout: 45_000 });

  const after = (await (await fetch(`${controlUrl()}/state`)).json()) as FakeApiState;
  const posts = after.posts.filter((post) => post.message === text);
  expect(posts).toHaveLength(1);
  expect(posts[0].idempotencyKey).toBeTruthy();
  expect(after.attempts - before.attempts).toBe(3);
});

test('the list and the case page at phone width', async ({ page, signInAs }) => {
  await page.setViewportSize(PHONE);
  await signInAs('collector', { landing: '/cases' });
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shoot(page, 'cases-list-phone');

  await page.goto(`/cases/${REFERENCE}`);
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE })).toBeVisible();
  await expect(page.getByTestId('close-code')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shoot(page, 'case-page-phone');
});
