import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';

/**
 * A collector's day in a real Chromium: the queue (their home page) shows a chat message that
 * arrives while it is open, without a reload (Server-Sent Events); replying from the queue
 * clears it; a follow-up added on the case page shows in the queue and is marked done from
 * there. A manager sees the team's queue and any collector's, and the team's deadline figures on /reports.
 */
test.describe.configure({ mode: 'serial' });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const REFERENCE = `E2E-QUEUE-${RUN}`;

test.beforeAll(async ({ webhooks }) => {
  await webhooks.send('case.assigned', {
    reference: REFERENCE,
    caseId: randomUUID(),
    lifecycle: 'Active',
    currency: 'EUR',
    grossAmount: 800,
    debtor: { name: `Queue Debtor ${RUN}` },
    creditor: { companyName: 'Queue Creditor ApS' },
  });
});

test('a chat message arriving while the queue is open shows without reload; replying clears it', async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('collector', { landing: '/queue' });
  await expect(page.getByRole('heading', { level: 1, name: 'My queue' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live: updates by itself' })).toBeVisible();
  const item = page.locator(`li[data-kind="chat_reply"][data-reference="${REFERENCE}"]`);
  await expect(item).toHaveCount(0);

  // A marker on the window: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));
  await webhooks.send('chat.created', {
    reference: REFERENCE,
    chatId: `queue-chat-${RUN}`,
    message: `Any news on ${RUN}?`,
    roleLabel: 'Creditor',
    user: { firstName: 'Ida', lastName: 'Creditor', email: 'ida@creditor.test' },
  });
  await expect(item).toBeVisible();
  await expect(item).toContainText(`Any news on ${RUN}?`);
  await expect(item).toContainText('Answer chat');
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');

  await item.getByRole('button', { name: 'Reply here' }).click();
  await item.getByLabel('Reply to Debitura').fill('We are on it.');
  await item.getByRole('button', { name: 'Send reply' }).click();
  await expect(item).toHaveCount(0);
});

test('a follow-up added on the case page shows in the queue and is marked done there', async ({ page, signInAs }) => {
  await signInAs('collector', { landing: `/cases/${REFERENCE}` });
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }));
  await page.getByLabel('Follow up on').fill(today);
  await page.getByLabel('What to do').fill(`Call the debtor ${RUN}`);
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(page.getByTestId('follow-ups')).toContainText(`Call the debtor ${RUN}`);

  await page.getByLabel('Internal note', { exact: true }).fill(`Debtor sounded cooperative ${RUN}`);
  await page.getByRole('button', { name: 'Save internal note' }).click();
  await expect(page.locator('#internal-note-status')).toContainText('Saved.');

  await page.goto('/queue');
  const item = page.locator(`li[data-kind="follow_up"][data-reference="${REFERENCE}"]`);
  await expect(item).toContainText(`Call the debtor ${RUN}`);
  await expect(page.getByTestId('queue-count')).toBeVisible();
  await item.getByRole('button', { name: 'Mark done' }).click();
  await expect(item).toHaveCount(0);
});

test("a manager sees the team's queue and picks a collector's", async ({ page, signInAs, webhooks }) => {
  await webhooks.send('chat.created', {
    reference: REFERENCE,
    chatId: `queue-chat-2-${RUN}`,
    message: `Second question ${RUN}`,
    roleLabel: 'Debitura',
  });
  await signInAs('manager', { landing: '/queue' });
  const item = page.locator(`li[data-kind="chat_reply"][data-reference="${REFERENCE}"]`);
  await expect(item).toContainText(`Second question ${RUN}`);
  await page.getByLabel('Queue of').selectOption({ label: 'Cora Collector' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/user=collector%40e2e\.test/);
  // The case is unassigned, so the collector's queue has it too.
  await expect(item).toBeVisible();
});

test("a manager sees the team's deadline figures, as a table and as CSV", async ({ page, signInAs }) => {
  await signInAs('manager', { landing: '/reports' });
  const table = page.getByRole('table', { name: 'Deadlines (Debitura SLA)' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Replies on time', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Median reply time (business hours)' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Overdue now' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Cora Collector' })).toBeVisible();
  // The reply sent from the queue above was on time: the agency has at least one.
  const agency = table.getByRole('row').filter({ hasText: 'Whole agency' });
  const cells = agency.getByRole('cell');
  await expect(cells).toHaveCount(12);
  expect(Number(await cells.nth(2).textContent())).toBeGreaterThanOrEqual(1);

  const csv = await page.request.get('/reports/export?report=deadlines');
  expect(csv.status()).toBe(200);
  const [header, ...lines] = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(header.split(',').slice(0, 4)).toEqual([
    'Collector',
    'Replies due',
    'Replies on time',
    'Share of replies on time (%)',
  ]);
  expect(lines.at(-1)?.split(',')[0]).toBe('*');
  expect(lines.some((line) => line.startsWith('collector@e2e.test,'))).toBe(true);
});
