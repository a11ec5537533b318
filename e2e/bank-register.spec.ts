import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type Webhooks } from './support/fixtures';
import { assignFromDebitura } from './support/debitura-case';

/**
 * The closed loop of bank reconciliation in a real Chromium: a manager imports a statement
 * whose lines name cases that have no Debitura payment, registers one line with Debitura from
 * its row and two more at once, and sees each reconciled once the fake Debitura's
 * payment.created (signed, through the real webhook route) confirms the payment.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const CASES = ['A', 'B', 'C'].map((suffix) => ({ id: randomUUID(), reference: `E2E-REG-${RUN}-${suffix}` }));
// Unusual amounts, so no other spec's payments compete for these lines.
const STATEMENT = [
  'Date,Amount,Currency,Text',
  `${yesterday},61.37,EUR,Transfer ${CASES[0].reference} debtor`,
  `${yesterday},62.41,EUR,Instalment ${CASES[1].reference}`,
  `${yesterday},63.59,EUR,Instalment ${CASES[2].reference}`,
].join('\n');

/** A case on both sides: known to the fake Debitura (so payments can be recorded) and assigned by webhook. */
async function seedCase(webhooks: Webhooks, seeded: { id: string; reference: string }) {
  await assignFromDebitura(webhooks, {
    caseId: seeded.id,
    reference: seeded.reference,
    lifecycle: 'Active',
    grossMajor: 500,
    debtorType: 'Person',
  });
}

test.beforeAll(async ({ webhooks }) => {
  for (const seeded of CASES) await seedCase(webhooks, seeded);
});

test('a manager registers bank lines with Debitura and sees them reconciled', async ({ page, signInAs }) => {
  await signInAs('manager');
  await page.goto('/payments/import');
  await page
    .getByLabel('Bank statement (CSV)')
    .setInputFiles({ name: `register-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(STATEMENT) });
  await page.getByRole('button', { name: 'Import 3 lines' }).click();
  await expect(page).toHaveURL(/\/payments\/imports\/[0-9a-f-]{36}$/);

  const register = page.getByTestId('register-lines');
  const row = (reference: string) => register.locator('tr', { hasText: reference });
  for (const seeded of CASES) await expect(row(seeded.reference)).toContainText('Not in Debitura');

  // One line from its own row.
  await page.getByRole('button', { name: `Register row 2 (${CASES[0].reference}) with Debitura` }).click();
  await expect(row(CASES[0].reference)).toContainText('Reconciled', { timeout: 60_000 });
  await expect(page.getByTestId('bank-lines').locator('tr[data-row="2"]')).toContainText('Confirmed', {
    timeout: 15_000,
  });

  // The other two at once ("Select all" checks and clears every row's box; here only these two count).
  const rowBoxes = [3, 4].map((n, i) =>
    page.getByRole('checkbox', { name: `Select row ${n} (${CASES[i + 1].reference})` }),
  );
  const selectAll = page
    .getByRole('form', { name: 'Register the selected bank lines with Debitura' })
    .getByRole('checkbox');
  await selectAll.check();
  for (const box of rowBoxes) await expect(box).toBeChecked();
  await selectAll.uncheck();
  for (const box of rowBoxes) await expect(box).not.toBeChecked();
  for (const box of rowBoxes) await box.check();
  await page.getByRole('button', { name: 'Register selected with Debitura' }).click();
  await expect(page.getByText('2 lines registered with Debitura.')).toBeVisible();
  for (const seeded of CASES.slice(1)) {
    await expect(row(seeded.reference)).toContainText('Reconciled', { timeout: 60_000 });
  }
  await expect(page.getByTestId('bank-lines').locator('tr[data-row="3"]')).toContainText('Confirmed', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('bank-lines').locator('tr[data-row="4"]')).toContainText('Confirmed', {
    timeout: 15_000,
  });
  await expect(page.getByRole('button', { name: /Register row \d \(E2E-REG-/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('bank-register.png'), fullPage: true });

  // The case shows the payment Debitura confirmed.
  await page.goto(`/cases/${CASES[0].reference}`);
  await expect(page.locator(':text("61.37"):visible').first()).toBeVisible();
});
