import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { signatureHeader } from '@/lib/webhooks/signature';
import { E2E_USERS, E2E_WEBHOOK_SECRET, type E2eUser } from './support/users';

/**
 * The main flows by keyboard alone (no click, no fill): sign in, filter and open a case,
 * reply in the chat, reconcile a payment, assign a case. Every element Tab lands on on the
 * way must show a visible focus indicator, and each result is announced in a live region.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const REFERENCE = `E2E-KBD-${RUN}`;
const PAYMENT_ID = `pay-kbd-${RUN}`;
const DAY = 86_400_000;

async function sendWebhook(request: APIRequestContext, event: string, data: Record<string, unknown>, at: Date) {
  const body = JSON.stringify({
    id: randomUUID(),
    event,
    timestamp: at.toISOString(),
    data: { reference: REFERENCE, ...data },
  });
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
 * Whether the focused element draws a focus indicator (an outline or a ring). `null` when
 * the focus is on the page itself: Tab passed the last element and is wrapping around.
 */
function focusIsVisible(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    const name = element.getAttribute('aria-label') ?? element.id ?? '';
    const what = `${element.tagName.toLowerCase()} ${name} "${(element.textContent ?? '').trim().slice(0, 40)}" (outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow})`;
    return { visible: outline || ring, what };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking on every stop that the
 * focus can be seen. Fails when the target is not reached within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await focusIsVisible(page);
    if (!focus) continue;
    expect(focus.visible, `no visible focus on ${focus.what}`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function signInByKeyboard(page: Page, user: Pick<E2eUser, 'email' | 'password'>, callbackUrl: string) {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await tabTo(page, page.getByLabel('Email', { exact: true }));
  await page.keyboard.type(user.email);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type(user.password);
  await tabTo(page, page.getByRole('button', { name: 'Sign in', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace('/', '\\/')}$`));
}

test.beforeAll(async ({ request }) => {
  const assigned = new Date(Date.now() - 20 * DAY);
  await sendWebhook(
    request,
    'case.assigned',
    {
      caseId: randomUUID(),
      lifecycle: 'Active',
      currency: 'EUR',
      grossAmount: 900,
      totalAddedFees: 0,
      debtor: { type: 'Person', name: `Keyboard Debtor ${RUN}` },
      creditor: { companyName: `Keyboard Creditor ${RUN}` },
    },
    assigned,
  );
  const paid = new Date(Date.now() - 2 * DAY);
  await sendWebhook(
    request,
    'payment.created',
    {
      paymentId: PAYMENT_ID,
      amount: 100.5,
      currency: 'EUR',
      date: paid.toISOString(),
      recipient: 'CollectionPartner',
      method: 'BankTransfer',
    },
    paid,
  );
});

test('a collector signs in, filters the list, opens a case and replies in the chat by keyboard', async ({ page }) => {
  await signInByKeyboard(page, E2E_USERS.collector, '/cases');

  // The skip link comes first and leads to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  const search = page.getByRole('searchbox', { name: 'Search' });
  await tabTo(page, search);
  await page.keyboard.type(REFERENCE);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${REFERENCE}`));
  const caseLink = page.getByTestId('case-row').getByRole('link', { name: REFERENCE });
  await expect(caseLink).toBeVisible();
  await tabTo(page, caseLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/cases/${REFERENCE}$`));

  const reply = page.getByLabel('Reply to Debitura');
  await tabTo(page, reply);
  const message = `Sent by keyboard ${RUN}`;
  await page.keyboard.type(message);
  await tabTo(page, page.getByRole('button', { name: 'Send reply' }));
  await page.keyboard.press('Enter');
  // Announced politely, and the thread (a live region) shows the reply.
  const status = page.locator('#reply-status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText(/Reply saved/);
  const thread = page.getByTestId('chat-thread');
  await expect(thread).toHaveAttribute('aria-live', 'polite');
  await expect(thread).toContainText(message);
});

test('a manager reconciles a payment and assigns a case by keyboard', async ({ page }) => {
  await signInByKeyboard(page, E2E_USERS.manager, '/account');
  await page.goto(`/payments?case=${REFERENCE}`);

  const box = page.getByRole('checkbox', { name: `Select payment ${PAYMENT_ID} of case ${REFERENCE}` });
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  // The reconcile form sits above the table: back up to its note and button.
  await tabTo(page, page.getByLabel(/^Note/), { backwards: true });
  await page.keyboard.type('Checked by keyboard');
  await tabTo(page, page.getByRole('button', { name: 'Mark reconciled' }));
  await page.keyboard.press('Enter');
  const status = page.getByRole('form', { name: 'Reconcile the selected payments' }).getByRole('status');
  await expect(status).toHaveText(/1 payment\b/);
  await expect(page.locator(`tr[data-payment-id="${PAYMENT_ID}"]`)).toContainText('Reconciled');

  await page.goto(`/cases/${REFERENCE}`);
  const control = page.getByTestId('assign-control');
  const assignee = control.getByLabel('Assignee');
  await tabTo(page, assignee);
  // Type-ahead picks an option of a focused select without opening it.
  await page.keyboard.type(E2E_USERS.collector.name.slice(0, 4));
  await expect(assignee.locator('option:checked')).toHaveText(E2E_USERS.collector.name);
  await tabTo(page, control.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(control.getByRole('status')).toHaveText(/Assigned 1 case/);
});
