import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { E2E_USERS, type E2eUser } from './support/users';

/**
 * axe-core (WCAG 2.1 AA rules) on every page each role can open, in the state a person
 * first sees it, plus the import wizard's later steps and the error pages: no serious or
 * critical violation anywhere. The case, import and delivery pages are reached through
 * their lists, so the scan follows whatever the seeded data holds.
 */
const RUN = randomBytes(3).toString('hex').toUpperCase();
// Each test scans many pages on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

async function signIn(page: Page, user: Pick<E2eUser, 'email' | 'password'>) {
  await page.goto('/login?callbackUrl=%2Faccount');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
}

async function scan(page: Page, path: string, label = path) {
  const response = await page.goto(path);
  expect(response?.ok(), `${path} answered ${response?.status()}`).toBe(true);
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, label);
}

/** The first case on the list, by its link. */
async function firstCasePath(page: Page) {
  await page.goto('/cases');
  const href = await page.getByTestId('case-row').first().getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/cases\//);
  return href!;
}

test('the sign-in page', async ({ page }) => {
  await scan(page, '/login');
});

test('collector: case list, case page, account, 403 and 404', async ({ page }) => {
  await signIn(page, E2E_USERS.collector);
  const unknown = await page.goto('/no-such-page');
  expect(unknown?.status()).toBe(404);
  await expectNoSeriousA11yViolations(page, '404');
  await scan(page, '/account');
  await scan(page, '/cases');
  await scan(page, await firstCasePath(page), 'case page');
  const response = await page.goto('/payments');
  expect(response?.status()).toBe(403);
  await expectNoSeriousA11yViolations(page, '403');
  // Streamed behind the case page's loading state, so the status is already sent: scan what shows.
  await page.goto('/cases/NO-SUCH-CASE');
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, 'case not found');
});

test('manager: cases, payments, every import wizard step, an import, reports, team', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_USERS.manager);
  for (const path of ['/account', '/cases', '/payments', '/reports', '/team']) await scan(page, path);
  await scan(page, await firstCasePath(page), 'case page (manager)');

  await scan(page, '/payments/import', 'import step 1');
  const statement = [
    'Date,Amount,Currency,Text',
    `2026-11-02,12.34,EUR,axe ${RUN} one`,
    `2026-11-03,not money,EUR,axe ${RUN} two`,
  ].join('\n');
  await page
    .getByLabel('Bank statement (CSV)')
    .setInputFiles({ name: `axe-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(statement) });
  await expect(page.getByTestId('preview-summary')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'import steps 2 and 3 (with a bad row)');
  await page.getByRole('button', { name: /^Import 1 line/ }).click();
  await expect(page).toHaveURL(/\/payments\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('bank-lines')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'import result');
});

/** Every page under /admin, each link of the admin navigation included (so a new page cannot be missed). */
const ADMIN_PAGES = [
  '/admin',
  '/admin/deliveries',
  '/admin/deliveries?status=failed',
  '/admin/rejected',
  '/admin/rejected?range=14d',
  '/admin/outbox',
  '/admin/users',
  '/admin/tokens',
  '/admin/audit',
  '/admin/debitura',
];

test('admin: every admin page, a delivery and a missing one', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_USERS.admin);
  await page.goto('/admin');
  const navLinks = await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(ADMIN_PAGES.filter((path) => navLinks.includes(path))).toEqual(navLinks);
  for (const path of ADMIN_PAGES) await scan(page, path);
  await scan(page, '/account', 'account (admin)');

  await page.goto('/admin/deliveries');
  const delivery = await page.locator('a[href^="/admin/deliveries/"]').first().getAttribute('href');
  expect(delivery).toBeTruthy();
  await scan(page, delivery!, 'a delivery');
  await page.goto('/admin/deliveries/no-such-event');
  await page.waitForLoadState('networkidle');
  await expectNoSeriousA11yViolations(page, 'delivery not found');
});
