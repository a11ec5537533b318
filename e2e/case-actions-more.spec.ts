import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test, type Webhooks } from './support/fixtures';
import { assignFromDebitura } from './support/debitura-case';
import type { FakeApiActions } from './support/seed';

/**
 * The case page's forms for changing what Debitura already has, in a real Chromium against the
 * fake Collection Partner API: correcting a payment, deleting one (asked first in a dialog),
 * changing the fees, and Debitura's 409, which a person answers in a confirm dialog before the
 * action goes again with Debitura's flag. Each checks what the collector sees and what reached
 * the fake Debitura: the call, once, with the values typed.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PAYMENT_DATE = '2026-11-20';

function controlUrl(): string {
  const url = process.env.E2E_FAKE_API_CONTROL_URL;
  if (!url) throw new Error('E2E_FAKE_API_CONTROL_URL is not set: e2e/support/global-setup.ts starts the fake API.');
  return url;
}

/** The action calls the fake Debitura answered for a case (refusals included), in order. */
async function receivedBy(caseId: string, kind: string) {
  const response = await fetch(`${controlUrl()}/actions?caseId=${caseId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as FakeApiActions).filter((call) => call.kind === kind);
}

const panelOf = (page: Page) => page.getByRole('region', { name: 'Work this case with Debitura' });
/** The newest action of a kind in the case's "Sent to Debitura" list. */
const action = (page: Page, kind: string) => page.getByTestId('case-action').and(page.locator(`[data-kind="${kind}"]`));

/**
 * An Active case known to the fake Debitura and assigned through a signed webhook, with one
 * payment recorded through the JSON API (as the page would) and confirmed by Debitura's
 * payment.created. With `settles`, the payment closes the case as Paid.
 */
async function caseWithPayment(page: Page, webhooks: Webhooks, name: string, options: { settles?: boolean } = {}) {
  const reference = `E2E-MORE-${name}-${randomBytes(3).toString('hex').toUpperCase()}`;
  const caseId = randomUUID();
  await assignFromDebitura(webhooks, {
    caseId,
    reference,
    lifecycle: 'Active',
    grossMajor: 300,
    debtorType: 'Company',
  });

  // The webhook is applied just after it is acknowledged: wait until the case is there.
  await expect.poll(async () => (await page.request.get(`/api/v1/cases/${reference}`)).status()).toBe(200);
  // The page listens before the payment goes, so Debitura's payment.created shows on it by itself.
  await page.goto(`/cases/${reference}`);
  await expect(page.getByRole('status').filter({ hasText: 'Live: updates by itself' })).toBeVisible();
  const recorded = await page.request.post(`/api/v1/cases/${reference}/payments`, {
    data: {
      date: PAYMENT_DATE,
      amountMinor: options.settles ? 300_00 : 100_00,
      recipient: 'CollectionPartner',
      ...(options.settles ? { closeCase: true } : {}),
    },
    headers: { origin: process.env.E2E_BASE_URL! },
  });
  expect(recorded.status(), await recorded.text()).toBe(202);
  await expect(action(page, 'payment_create')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('payments').getByTestId('payment-row')).toHaveCount(1);
  const [created] = await receivedBy(caseId, 'payment_create');
  const paymentId = (created.answer as { paymentId: string }).paymentId;
  return { reference, caseId, paymentId };
}

/** Opens a <details> by keyboard: focus its summary, Enter. */
async function openByKeyboard(page: Page, details: ReturnType<Page['locator']>) {
  if ((await details.getAttribute('open')) !== null) return;
  await details.locator('summary').first().focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
}

test('a collector corrects a payment: Debitura gets the new date and amount once', async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('collector');
  const { caseId, paymentId } = await caseWithPayment(page, webhooks, 'EDIT');
  const changes = panelOf(page).getByTestId('action-payment-changes');
  await openByKeyboard(page, changes);
  const row = changes.getByTestId('changeable-payment');
  await expect(row).toContainText(`${PAYMENT_DATE} · €100.00`);
  await openByKeyboard(page, row.locator('details'));

  const edit = row.getByRole('form', { name: 'Correct this payment' });
  await expect(edit.getByLabel('Amount (EUR)')).toHaveValue('100');
  // A wrong amount is refused next to the field, focused, and nothing is sent.
  await edit.getByLabel('Amount (EUR)').fill('80,255');
  await edit.getByLabel('Amount (EUR)').press('Enter');
  await expect(edit.getByText('Enter an amount like 125.50 (digits and one dot).')).toBeVisible();
  await expect(edit.getByLabel('Amount (EUR)')).toBeFocused();
  await expect(action(page, 'payment_update')).toHaveCount(0);

  await edit.getByLabel('Payment date').fill('2026-11-18');
  await edit.getByLabel('Amount (EUR)').fill('80.25');
  await edit.getByLabel('Amount (EUR)').press('Enter');
  await expect(edit.getByRole('status').filter({ hasText: 'Correction saved; sending to Debitura.' })).toBeVisible();
  await expect(action(page, 'payment_update')).toHaveAttribute('data-status', 'sent');
  await expect(action(page, 'payment_update')).toContainText('Sent to Debitura');
  await expect(action(page, 'payment_update')).toContainText('€80.25');

  const updates = await receivedBy(caseId, 'payment_update');
  expect(updates).toHaveLength(1);
  expect(updates[0]).toMatchObject({
    status: 200,
    body: {
      date: '2026-11-18',
      paymentAmount: 80.25,
      paymentRecipient: 'CollectionPartner',
      reopenCaseIfNeeded: false,
    },
  });
  expect(updates[0].answer).toMatchObject({ paymentId });
  // Debitura sends no webhook for an edit: Casedesk's own payment takes the accepted values.
  await expect(row).toContainText('2026-11-18 · €80.25');
  await page.reload();
  await openByKeyboard(page, panelOf(page).getByTestId('action-payment-changes'));
  await expect(panelOf(page).getByTestId('changeable-payment')).toContainText('2026-11-18 · €80.25');
});

test('a collector deletes a payment after confirming in a dialog; Escape cancels and sends nothing', async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('collector');
  const { caseId, paymentId } = await caseWithPayment(page, webhooks, 'DEL');
  const changes = panelOf(page).getByTestId('action-payment-changes');
  await openByKeyboard(page, changes);
  const remove = changes.getByTestId('changeable-payment').getByRole('button', { name: 'Delete' });

  await remove.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete this payment?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${PAYMENT_DATE} · €100.00`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(action(page, 'payment_delete')).toHaveCount(0);
  expect(await receivedBy(caseId, 'payment_delete')).toHaveLength(0);

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Delete payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(action(page, 'payment_delete')).toContainText('Confirmed by Debitura');
  await expect(action(page, 'payment_delete')).toHaveAttribute('data-status', 'confirmed');
  // Debitura's payment.deleted: the payment stays listed, marked deleted (in words), and cannot change again.
  await expect(page.getByTestId('payments').getByTestId('payment-row')).toContainText('Deleted: €100.00');
  await expect(changes).toHaveCount(0);

  const deletes = await receivedBy(caseId, 'payment_delete');
  expect(deletes).toEqual([expect.objectContaining({ status: 204, body: { paymentId, reopen: false } })]);
});

test('a collector changes the fees: all three reach Debitura once, in major units', async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('collector');
  const { caseId } = await caseWithPayment(page, webhooks, 'FEES');
  const fees = panelOf(page).getByRole('form', { name: 'Change fees' });
  await openByKeyboard(page, panelOf(page).getByTestId('action-fees'));
  await expect(fees.getByLabel('Interest (EUR)')).toHaveValue('0');

  await fees.getByLabel('Reminder fees (EUR)').fill('abc');
  await fees.getByRole('button', { name: 'Save fees' }).click();
  await expect(fees.getByText('Enter an amount like 125.50 (digits and one dot).')).toBeVisible();
  await expect(fees.getByLabel('Reminder fees (EUR)')).toBeFocused();
  await expect(action(page, 'fees')).toHaveCount(0);

  await fees.getByLabel('Interest (EUR)').fill('12.5');
  await fees.getByLabel('Reminder fees (EUR)').fill('0');
  await fees.getByLabel('Collection fees (EUR)').fill('40.00');
  await fees.getByLabel('Collection fees (EUR)').press('Enter');
  await expect(fees.getByRole('status').filter({ hasText: 'Sending the new fees to Debitura.' })).toBeVisible();
  await expect(action(page, 'fees')).toHaveAttribute('data-status', 'sent');
  await expect(action(page, 'fees')).toContainText('€12.50 · €0.00 · €40.00');

  const sent = await receivedBy(caseId, 'fees');
  expect(sent).toEqual([
    expect.objectContaining({ status: 200, body: { interestFees: 12.5, reminderFees: 0, collectionFees: 40 } }),
  ]);
});

test("Debitura's 409 on a fee change: the collector confirms in a dialog and it goes again with the flag, once", async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('collector');
  const { caseId } = await caseWithPayment(page, webhooks, 'PRICE');
  const asked = await fetch(`${controlUrl()}/price-change`, { method: 'POST', body: JSON.stringify({ caseId }) });
  expect(asked.status).toBe(200);

  const fees = panelOf(page).getByRole('form', { name: 'Change fees' });
  await openByKeyboard(page, panelOf(page).getByTestId('action-fees'));
  await fees.getByLabel('Collection fees (EUR)').fill('55');
  await fees.getByRole('button', { name: 'Save fees' }).click();

  const feesAction = action(page, 'fees');
  await expect(feesAction).toHaveAttribute('data-status', 'failed');
  await expect(feesAction).toContainText('The success fee would change by more than 0.1 points');
  await expect(feesAction).toContainText('Debitura asks you to confirm this change before it makes it.');
  const review = feesAction.getByRole('button', { name: 'Review and confirm' });
  await review.click();
  const dialog = page.getByRole('dialog', { name: 'Confirm the change' });
  await expect(dialog).toHaveAccessibleDescription(
    'This change moves the success fee. Send it and accept the new price?',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(review).toBeFocused();
  expect(await receivedBy(caseId, 'fees')).toHaveLength(1);

  await review.click();
  await dialog.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(feesAction).toHaveAttribute('data-status', 'sent');
  await expect(feesAction).toContainText('Sent to Debitura');
  await expect(page.getByTestId('case-action')).toHaveCount(2); // the payment and this one: resent, not copied

  const sent = await receivedBy(caseId, 'fees');
  expect(sent.map((call) => [call.status, call.body])).toEqual([
    [409, { interestFees: 0, reminderFees: 0, collectionFees: 55 }],
    [200, { interestFees: 0, reminderFees: 0, collectionFees: 55, confirmPriceChange: true }],
  ]);
});

test("Debitura's 409 on deleting the payment of a Paid case: confirmed, it reopens the case, once", async ({
  page,
  signInAs,
  webhooks,
}) => {
  await signInAs('collector');
  const { caseId, paymentId } = await caseWithPayment(page, webhooks, 'REOPEN', { settles: true });
  await expect(action(page, 'payment_create')).toContainText('Confirmed by Debitura');
  // Closed as Paid by the payment: no new payments, but the payment can still change.
  await expect(page.getByTestId('close-code')).toContainText('Paid');
  await expect(panelOf(page).getByTestId('action-payment')).toHaveCount(0);

  const changes = panelOf(page).getByTestId('action-payment-changes');
  await openByKeyboard(page, changes);
  await changes.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this payment?' })
    .getByRole('button', { name: 'Delete payment' })
    .click();

  const deleteAction = action(page, 'payment_delete');
  await expect(deleteAction).toHaveAttribute('data-status', 'failed');
  await expect(deleteAction).toContainText('This change would reopen a case closed as Paid');
  await expect(page.getByTestId('payments').getByTestId('payment-row')).not.toContainText('Deleted');
  await deleteAction.getByRole('button', { name: 'Review and confirm' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm the change' });
  await expect(dialog).toContainText('This change reopens the case, which is closed as Paid.');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Confirm and send' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(deleteAction).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('payments').getByTestId('payment-row')).toContainText('Deleted: €300.00');
  // Debitura's case.updated: the case is Active again, so payments can be recorded again.
  await expect(panelOf(page).getByTestId('action-payment')).toBeVisible();

  const deletes = await receivedBy(caseId, 'payment_delete');
  expect(deletes.map((call) => [call.status, call.body])).toEqual([
    [409, { paymentId, reopen: false }],
    [204, { paymentId, reopen: true }],
  ]);
});
