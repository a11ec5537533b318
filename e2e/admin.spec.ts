import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { parseWebhookSecrets } from '@/lib/webhooks/secrets';
import { expect, test, type Delivery, type Webhooks } from './support/fixtures';
import { E2E_USERS, E2E_WEBHOOK_SECRET } from './support/users';

/**
 * The admin workspace in a real Chromium: the delivery log fed by signed webhooks (and a
 * forged one), reprocessing, users and a token shown once, the audit log of all that, and
 * the 403 every other role gets. The steps build on each other, so they run in order.
 */
// Generous: two shared cores, and these tests walk through several pages each.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RUN = randomBytes(3).toString('hex').toUpperCase();
const REFERENCE = `E2E-ADM-${RUN}`;
const NEW_USER = {
  email: `nora.${RUN.toLowerCase()}@e2e.test`,
  name: `Nora New ${RUN}`,
  password: 'nora-initial-password',
};
const TOKEN_NAME = `sync script ${RUN}`;

/** An event about this spec's case, acknowledged or not. */
function postCaseEvent(webhooks: Webhooks, event: string, data: Record<string, unknown>, secret?: string) {
  return webhooks.post(event, { reference: REFERENCE, ...data }, { secret });
}

/** The background applier works right after the acknowledgement: reload until the row shows its outcome. */
async function expectDeliveryStatus(page: Page, id: string, status: string) {
  const row = page.getByTestId('delivery-row').filter({ has: page.locator(`a[href="/admin/deliveries/${id}"]`) });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveAttribute('data-status', status, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return row;
}

let assigned: Delivery;
let broken: Delivery;
let paused: Delivery;

test('a manager and a collector get 403 on every admin page', async ({ browser, signInAs }) => {
  for (const role of ['manager', 'collector'] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(role, { page });
    // Every admin page is checked over HTTP in test/integration/admin-pages.test.ts; here, one per kind.
    for (const path of ['/admin', '/admin/deliveries', '/admin/users', '/admin/audit']) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(403);
      await expect(page.getByRole('heading', { name: /have access to this page/ })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
    }
    await context.close();
  }
});

test('an admin sees every delivery, the forged one among the rejected, and which secret verified them', async ({
  page,
  signInAs,
  webhooks,
}) => {
  assigned = await postCaseEvent(webhooks, 'case.assigned', { lifecycle: 'Active' });
  // Missing its new state: stored and acknowledged, then fails to apply.
  broken = await postCaseEvent(webhooks, 'case.updated', { oldLifecycle: 'Active' });
  paused = await postCaseEvent(webhooks, 'case.updated', { oldLifecycle: 'Active', newLifecycle: 'Paused' });
  const forged = await postCaseEvent(
    webhooks,
    'case.closed',
    { closeCode: 'Paid' },
    randomBytes(32).toString('base64'),
  );
  expect([assigned.status, broken.status, paused.status, forged.status]).toEqual([200, 200, 200, 401]);

  await signInAs('admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Deliveries' }).click();
  await expect(page.getByRole('heading', { name: 'Deliveries', level: 1 })).toBeVisible();

  // Filters go into the URL.
  await page.getByLabel('Case reference').fill(REFERENCE);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`case=${REFERENCE}`));
  await expectDeliveryStatus(page, assigned.id, 'applied');
  const failedRow = await expectDeliveryStatus(page, broken.id, 'failed');
  await expect(failedRow).toContainText('newLifecycle');
  await expect(page.getByTestId('delivery-row')).toHaveCount(3);
  await expect(page.getByTestId('delivery-row').first().getByRole('link', { name: REFERENCE })).toHaveAttribute(
    'href',
    `/cases/${REFERENCE}`,
  );

  await page.getByLabel('Status', { exact: true }).selectOption('failed');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId('delivery-row')).toHaveCount(1);

  // The detail: payload pretty-printed as text, headers without the signature.
  await page.getByRole('link', { name: `Details of case.updated event ${broken.id}` }).click();
  await expect(page.getByRole('heading', { name: `Event ${broken.id}` })).toBeVisible();
  await expect(page.getByTestId('raw-payload')).toContainText(`"reference": "${REFERENCE}"`);
  await expect(page.getByTestId('stored-headers')).toContainText('x-debitura-event');
  await expect(page.getByTestId('stored-headers')).not.toContainText('signature');

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Rejected' }).click();
  await expect(page.getByTestId('rejected-row').filter({ hasText: 'case.closed' }).first()).toHaveAttribute(
    'data-reason',
    'no_matching_secret',
  );
  const fingerprint = parseWebhookSecrets(E2E_WEBHOOK_SECRET)[0].fingerprint;
  const secretRow = page.getByTestId('secret-usage-row').filter({ hasText: fingerprint });
  await expect(secretRow).toContainText('secret #1');
  await expect(page.getByTestId('rotation-help')).toContainText('To rotate');
  await expect(page.getByTestId('rejection-timeline')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(E2E_WEBHOOK_SECRET);
  await page.screenshot({ path: test.info().outputPath('admin-rejected.png'), fullPage: true });
});

test('an admin reprocesses a failed event: still failing with its reason, or applied after a fix', async ({
  page,
  signInAs,
}) => {
  // A good event that failed when it came in (a bug since fixed): the admin's reprocess applies it.
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  await client.query("UPDATE webhook_events SET status = 'failed', error = 'bug 123 (since fixed)' WHERE id = $1", [
    paused.id,
  ]);
  await client.end();

  await signInAs('admin');
  await page.goto(`/admin/deliveries?case=${REFERENCE}&status=failed`);
  await expect(page.getByTestId('delivery-row')).toHaveCount(2);

  await page.getByRole('button', { name: `Reprocess event ${broken.id}` }).click();
  await expect(page.getByTestId('delivery-row').filter({ hasText: 'Still failing' })).toContainText('newLifecycle');

  // On the unfiltered list the row stays, and turns from failed to applied.
  await page.goto(`/admin/deliveries?case=${REFERENCE}`);
  const pausedRow = page
    .getByTestId('delivery-row')
    .filter({ has: page.locator(`a[href="/admin/deliveries/${paused.id}"]`) });
  await expect(pausedRow).toHaveAttribute('data-status', 'failed');
  await pausedRow.getByRole('button', { name: `Reprocess event ${paused.id}` }).click();
  await expect(pausedRow).toHaveAttribute('data-status', 'applied');
  await page.reload();
  await expect(pausedRow).toHaveAttribute('data-status', 'applied');
  await expect(
    page.getByTestId('delivery-row').filter({ has: page.locator(`a[href="/admin/deliveries/${broken.id}"]`) }),
  ).toHaveAttribute('data-status', 'failed');
});

test('an admin creates a user, and a token for them that is shown once', async ({ page, playwright, signInAs }) => {
  await signInAs('admin');
  await page.goto('/admin/users');

  // A bad email is refused, the error tied to the field.
  await page.getByLabel('Email', { exact: true }).fill('nora-at-nowhere');
  await page.getByLabel('Name', { exact: true }).fill(NEW_USER.name);
  await page.getByLabel('Initial password').fill(NEW_USER.password);
  await page.getByRole('button', { name: 'Add user' }).click();
  const email = page.getByLabel('Email', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Enter an email address/);
  await expect(page.getByTestId('user-row').filter({ hasText: NEW_USER.name })).toHaveCount(0);

  // By keyboard: type, tab through the fields, submit with Enter.
  await email.fill('');
  await email.focus();
  await page.keyboard.type(NEW_USER.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(NEW_USER.name);
  await page.getByLabel('Role', { exact: true }).selectOption('manager');
  await page.getByLabel('Initial password').fill(NEW_USER.password);
  await page.getByLabel('Initial password').press('Enter');
  await expect(page.getByText(`Created ${NEW_USER.email} (Manager).`)).toBeVisible();
  await expect(page.getByTestId('user-row').filter({ hasText: NEW_USER.email })).toBeVisible();

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('For user').selectOption({ label: `${NEW_USER.name} (${NEW_USER.email})` });
  await page.getByLabel('Token name').fill(TOKEN_NAME);
  await page.getByRole('button', { name: 'Create token' }).click();
  const field = page.getByTestId('new-token');
  await expect(field).toBeVisible();
  const token = await field.inputValue();
  expect(token).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('admin-token-once.png'), fullPage: true });

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const me = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ email: NEW_USER.email, role: 'manager' });

  // Never again: not after a reload, not in the list (only its first characters).
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(token);
  const row = page.getByTestId('admin-token-row').filter({ hasText: TOKEN_NAME });
  await expect(row).toContainText(token.slice(0, 9));

  await row.getByRole('button', { name: `Revoke token ${TOKEN_NAME} of ${NEW_USER.email}` }).click();
  await expect(row).toContainText('Revoked');
  expect((await api.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
  await api.dispose();
});

test('the audit log lists those actions with who and when, filterable', async ({ page, signInAs }) => {
  await signInAs('admin');
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  for (const action of ['events.reprocessed', 'user.created', 'token.created', 'token.revoked']) {
    const row = page
      .getByTestId('audit-row')
      .and(page.locator(`[data-action="${action}"]`))
      .first();
    await expect(row, action).toContainText(E2E_USERS.admin.email);
    await expect(row.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  }
  await expect(page.getByTestId('audit-row').filter({ hasText: 'user.created' }).first()).toContainText(NEW_USER.email);
  // A token's owner is named by email, not only by id.
  await expect(page.getByTestId('audit-row').filter({ hasText: 'token.created' }).first()).toContainText(
    NEW_USER.email,
  );

  await page.getByLabel('Action', { exact: true }).selectOption('token.created');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=token\.created/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  for (const action of await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-action')),
  )) {
    expect(action).toBe('token.created');
  }
  // Read-only: nothing on the page edits or deletes an entry.
  await expect(page.getByRole('button', { name: /delete|edit|remove/i })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('admin-audit.png'), fullPage: true });
});

test('the admin pages fit a phone screen: tables scroll inside their frames, not the page', async ({
  page,
  signInAs,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInAs('admin');
  for (const path of [
    '/admin',
    '/admin/deliveries',
    '/admin/rejected',
    '/admin/outbox',
    '/admin/users',
    '/admin/tokens',
    '/admin/audit',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.goto('/admin/deliveries');
  await page.screenshot({ path: test.info().outputPath('admin-deliveries-phone.png'), fullPage: true });
});
