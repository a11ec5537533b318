import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test, type Webhooks } from './support/fixtures';
import { E2E_USERS } from './support/users';

/**
 * The manager workspace in a real Chromium: payments (filters, totals per currency, CSV),
 * a bank statement imported through the page (preview with a bad row, mixed currencies,
 * confirm and correct, the same file again), bulk reconcile, needs review after Debitura
 * deletes a reconciled payment, the reports and the team page; and the 403 a collector gets
 * on each. Data goes in as signed webhooks. The steps build on each other: serial.
 */
// Multi-step flows on a two-core machine that other suites share: generous per-test time.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const CASE_EUR = `E2E-MGR-${RUN}-E`;
const CASE_DKK = `E2E-MGR-${RUN}-D`;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() - offset * DAY).toISOString().slice(0, 10);
// Unusual amounts, so payments sent by the other specs never compete for these bank lines.
const PAYMENTS = [
  { id: `pay-${RUN}-e1`, reference: CASE_EUR, amount: 1234.56, currency: 'EUR', date: day(3) },
  { id: `pay-${RUN}-e2`, reference: CASE_EUR, amount: 321.09, currency: 'EUR', date: day(2) },
  { id: `pay-${RUN}-d1`, reference: CASE_DKK, amount: 789.01, currency: 'DKK', date: day(1) },
];

function caseAssigned(webhooks: Webhooks, reference: string, currency: string, grossAmount: number) {
  return webhooks.send(
    'case.assigned',
    {
      reference,
      lifecycle: 'Active',
      currency,
      grossAmount,
      totalAddedFees: 0,
      debtor: { type: 'Person', name: `Debtor ${reference}` },
      creditor: { companyName: `Creditor ${reference}` },
    },
    { timestamp: new Date(Date.now() - 40 * DAY).toISOString() },
  );
}

/** A collector's row on the team page: open cases, and the EUR outstanding (minor units) and its case count. */
async function readWorkload(page: Page, email: string) {
  await page.goto('/team');
  const row = page.getByTestId('team-table').locator(`tr[data-collector="${email}"]`);
  await expect(row).toBeVisible();
  const openCases = Number(await row.locator('td').first().innerText());
  const euro = await row.locator('li').filter({ hasText: '€' }).allInnerTexts();
  if (euro.length === 0) return { openCases, euroMinor: 0, euroCases: 0 };
  // "€1,678.91 on 2 cases" (en-GB, as the page formats it); "-€…" when over-paid.
  const match = /(-?)€([\d,]+)\.(\d\d)\D+(\d+)/.exec(euro[0]);
  if (!match) throw new Error(`Unreadable EUR outstanding: ${euro[0]}`);
  const euroMinor = Number(`${match[2].replaceAll(',', '')}${match[3]}`) * (match[1] ? -1 : 1);
  return { openCases, euroMinor, euroCases: Number(match[4]) };
}

function paymentRow(page: Page, paymentId: string) {
  return page.getByTestId('payment-table').locator(`tr[data-payment-id="${paymentId}"]`);
}

test('a collector gets 403 on every manager page and export', async ({ page, signInAs }) => {
  await signInAs('collector');
  for (const path of ['/payments', '/payments/import', `/payments/imports/${randomUUID()}`, '/reports', '/team']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  }
  for (const path of ['/payments/export', '/reports/export?report=ageing', '/cases/export']) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments' })).toHaveCount(0);
});

test('payments sent by Debitura show with totals per currency, filters and CSV', async ({
  page,
  signInAs,
  webhooks,
}) => {
  await caseAssigned(webhooks, CASE_EUR, 'EUR', 2000);
  await caseAssigned(webhooks, CASE_DKK, 'DKK', 500);
  for (const payment of PAYMENTS) {
    await webhooks.send(
      'payment.created',
      {
        reference: payment.reference,
        paymentId: payment.id,
        amount: payment.amount,
        currency: payment.currency,
        date: `${payment.date}T10:00:00Z`,
        recipient: 'CollectionPartner',
        method: 'BankTransfer',
      },
      { timestamp: `${payment.date}T10:00:00Z` },
    );
  }

  await signInAs('manager');
  await expect(async () => {
    await page.goto(`/payments?case=${CASE_EUR}`);
    await expect(paymentRow(page, PAYMENTS[1].id)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('€1,234.56');
  await expect(page.getByTestId('currency-totals')).toContainText('€1,555.65');

  // Over-payment and partial payment flags per case.
  await page.goto(`/payments?case=${CASE_DKK}`);
  await expect(page.getByTestId('case-balances').locator(`tr[data-case="${CASE_DKK}"]`)).toContainText('Over-paid');

  // Filters live in the URL: currency through the form.
  await page.goto('/payments');
  await page.getByRole('textbox', { name: 'Currency', exact: true }).fill('DKK');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/currency=DKK/);
  await expect(paymentRow(page, PAYMENTS[2].id)).toBeVisible();
  await expect(paymentRow(page, PAYMENTS[0].id)).toHaveCount(0);
  const totals = page.getByTestId('currency-totals');
  await expect(totals.getByRole('rowheader')).toHaveText(['DKK']);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv).toContain(`${PAYMENTS[2].id},${CASE_DKK},`);
  expect(csv).toContain('789.01,DKK,78901');
  expect(csv).not.toContain(PAYMENTS[0].id);
});

const STATEMENT = [
  'Date,Amount,Currency,Text',
  `${PAYMENTS[0].date},1234.56,EUR,Invoice ${CASE_EUR} first instalment`,
  `${PAYMENTS[2].date},789.01,DKK,Overfoersel ${RUN}`,
  `${PAYMENTS[1].date},three hundred,EUR,unreadable amount`,
  `${PAYMENTS[1].date},321.09,EUR,Bank transfer ${RUN}`,
].join('\n');

test('a manager imports a bank statement: preview, per-row errors, confirm and correct, the same file twice', async ({
  page,
  signInAs,
}) => {
  await signInAs('manager');
  await page.goto('/payments');
  await page.getByRole('link', { name: 'Import bank statement' }).click();
  await page
    .getByLabel('Bank statement (CSV)')
    .setInputFiles({ name: `statement-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(STATEMENT) });

  // The columns were guessed from the header; the preview names the bad row.
  await expect(page.getByLabel('Amount column')).toHaveValue('Amount');
  await expect(page.getByTestId('preview-summary')).toContainText('3 of 4 rows will be imported');
  await expect(page.getByTestId('row-errors')).toContainText('Row 4: Amount "three hundred" is not a number');
  await expect(page.getByTestId('preview-totals')).toContainText('DKK: 1 line');
  await expect(page.getByTestId('preview-totals')).toContainText('EUR: 2 lines');
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });

  await page.getByRole('button', { name: 'Import 3 lines' }).click();
  await expect(page).toHaveURL(/\/payments\/imports\/[0-9a-f-]{36}$/);
  const importUrl = page.url();
  const lines = page.getByTestId('bank-lines');
  await expect(lines.locator('tr[data-row="2"]')).toContainText(CASE_EUR);
  await expect(lines.locator('tr[data-row="2"]')).toContainText('Suggested');
  await expect(lines.locator('tr[data-row="3"]')).toContainText(CASE_DKK);

  await page.getByRole('button', { name: 'Confirm the match of row 2' }).click();
  await expect(lines.locator('tr[data-row="2"]')).toContainText('Confirmed');
  await expect(lines.locator('tr[data-row="2"]')).toContainText('Milo Manager');

  // Correct row 5: choose its payment from the list (its text has no case reference).
  await page.getByRole('link', { name: 'Choose another payment for row 5' }).click();
  await page.getByRole('button', { name: `Match row 5 to payment ${PAYMENTS[1].id} of case ${CASE_EUR}` }).click();
  await expect(lines.locator('tr[data-row="5"]')).toContainText('Confirmed');

  await page.getByRole('button', { name: 'Confirm the match of row 3' }).click();
  await expect(lines.locator('tr[data-row="3"]')).toContainText('Confirmed');
  await page.screenshot({ path: test.info().outputPath('import-matches.png'), fullPage: true });

  // The same file again: nothing changes, and the page says so.
  await page.goto('/payments/import');
  await page
    .getByLabel('Bank statement (CSV)')
    .setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(STATEMENT) });
  await page.getByRole('button', { name: 'Import 3 lines' }).click();
  await expect(page.getByText(/already imported on .*nothing changed/)).toBeVisible();
  await page.getByRole('link', { name: 'Open that import' }).click();
  await expect(page).toHaveURL(importUrl);
});

test('a manager reconciles in bulk with a note; a payment Debitura deletes afterwards needs review', async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('manager');
  await page.goto(`/payments?case=${CASE_EUR}`);
  await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('Matched');
  for (const payment of PAYMENTS.slice(0, 2)) {
    await page.getByRole('checkbox', { name: `Select payment ${payment.id} of case ${CASE_EUR}` }).check();
  }
  await page.getByLabel(/^Note/).fill('Checked against the bank');
  await page.getByRole('button', { name: 'Mark reconciled' }).click();
  await expect(page.getByText('Marked reconciled 2 payments.')).toBeVisible();
  await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('Reconciled');
  await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('by Milo Manager');
  await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('Checked against the bank');

  await webhooks.send('payment.deleted', { reference: CASE_EUR, paymentId: PAYMENTS[0].id });
  await expect(async () => {
    await page.goto(`/payments?case=${CASE_EUR}&status=needs_review`);
    await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('Needs review', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(paymentRow(page, PAYMENTS[0].id)).toContainText('Deleted by Debitura');
  await expect(paymentRow(page, PAYMENTS[1].id)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('payments-needs-review.png'), fullPage: true });
});

test('reports show charts beside their numbers, filter by URL, and export CSV', async ({ page, signInAs }) => {
  await signInAs('manager');
  await page.goto(`/reports?from=${day(60)}&to=${day(0)}`);
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  for (const title of [
    'Close codes',
    'Recovery rate by month of assignment',
    'Collected per month',
    'Cases per state',
    'Ageing of open cases',
  ]) {
    await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
  }
  // recharts draws SVG for the data it got.
  const recovery = page.getByRole('region', { name: 'Recovery rate by month of assignment' });
  await expect(recovery.getByTestId('report-chart').locator('svg.recharts-surface').last()).toBeVisible();
  // One line per currency (DKK and EUR at least), never one mixed line.
  await expect.poll(() => recovery.locator('path.recharts-line-curve').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('report-table-collected')).toContainText('DKK');
  await expect(page.getByTestId('report-table-ageing')).toContainText('31–60');

  await page.getByRole('combobox', { name: 'Cases', exact: true }).selectOption('true');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/isTest=true/);
  await expect(page.getByText('Outcomes of test cases')).toBeVisible();

  const response = await page.request.get(`/reports/export?report=collected&from=${day(60)}&to=${day(0)}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(await response.text()).toContain('Month,Currency,Payments,Collected');
  await page.goto(`/reports?from=${day(60)}&to=${day(0)}`);
  await page.screenshot({ path: test.info().outputPath('reports.png'), fullPage: true });
});

test('the team page shows each collector’s open workload and outstanding per currency', async ({ page, signInAs }) => {
  await signInAs('manager');
  await page.goto('/team');
  await expect(page.getByRole('heading', { name: 'Team workload' })).toBeVisible();
  await expect(
    page.getByTestId('team-table').locator(`tr[data-collector="${E2E_USERS.collector.email}"]`),
  ).toBeVisible();
  await expect(page.getByTestId('team-table').locator('tr[data-collector="unassigned"]')).toContainText('DKK');
});

test('a manager assigns cases in bulk from the list and one on its page; the timeline and the team page show it', async ({
  page,
  signInAs,
}) => {
  await signInAs('manager');
  // Other specs may give Cora cases too, so what this test changes is measured as a difference.
  const before = await readWorkload(page, E2E_USERS.collector.email);
  await page.goto(`/cases?q=E2E-MGR-${RUN}`);
  const rows = page.getByTestId('case-row');
  await expect(rows).toHaveCount(2);
  await page.getByRole('checkbox', { name: `Select case ${CASE_EUR}` }).check();
  await page.getByRole('checkbox', { name: `Select case ${CASE_DKK}` }).check();
  const bar = page.getByTestId('bulk-assign');
  await expect(bar).toContainText('2 selected');
  await bar.getByLabel('Assign to').selectOption({ label: E2E_USERS.collector.name });
  await bar.getByRole('button', { name: 'Apply to selected' }).click();
  await expect(bar.getByRole('status')).toHaveText('Assigned 2 cases.');
  await expect(rows.filter({ hasText: CASE_EUR })).toContainText(E2E_USERS.collector.name);
  await page.screenshot({ path: test.info().outputPath('cases-bulk-assign.png'), fullPage: true });

  // One case back to nobody, from its own page; the timeline says who did what.
  await page.goto(`/cases/${CASE_DKK}`);
  const control = page.getByTestId('assign-control');
  await expect(control.getByLabel('Assignee')).toHaveValue(/[0-9a-f-]{36}/);
  await control.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
  await control.getByRole('button', { name: 'Save' }).click();
  await expect(control.getByRole('status')).toHaveText('Unassigned 1 case.');
  const timeline = page.getByTestId('timeline');
  await expect(
    timeline
      .locator('[data-type="assignment.changed"]')
      .filter({ hasText: `Assigned to ${E2E_USERS.collector.name} by ${E2E_USERS.manager.name}` }),
  ).toBeVisible();
  await expect(
    timeline.locator('[data-type="assignment.changed"]').filter({ hasText: `Unassigned by ${E2E_USERS.manager.name}` }),
  ).toBeVisible();

  // The EUR case is now Cora's (the DKK one went back): 2,000.00 claimed less the 321.09 still
  // paid after Debitura deleted the other payment leaves 1,678.91 outstanding on one more case.
  const after = await readWorkload(page, E2E_USERS.collector.email);
  expect(after.openCases - before.openCases).toBe(1);
  expect(after.euroCases - before.euroCases).toBe(1);
  expect(after.euroMinor - before.euroMinor).toBe(1_678_91);

  // A collector sees no assignment tools.
  const context = await page.context().browser()!.newContext();
  const collectorPage = await context.newPage();
  await signInAs('collector', { page: collectorPage });
  await collectorPage.goto(`/cases/${CASE_EUR}`);
  await expect(collectorPage.getByTestId('assign-control')).toHaveCount(0);
  await collectorPage.goto('/cases');
  await expect(collectorPage.getByTestId('bulk-assign')).toHaveCount(0);
  await context.close();
});
