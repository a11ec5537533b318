import type { Page } from '@playwright/test';
import { expect, submitSignIn, test } from './support/fixtures';
import { E2E_USERS } from './support/users';

/** Sign-in, roles, lockout, sign-out, 403 pages, and the token-protected API, in a real Chromium. */

const navExpectations = {
  collector: { shown: ['Cases'], hidden: ['Payments', 'Reports', 'Team', 'Admin'] },
  manager: { shown: ['Cases', 'Payments', 'Reports', 'Team'], hidden: ['Admin'] },
  admin: { shown: ['Cases', 'Payments', 'Reports', 'Team', 'Admin'], hidden: [] },
} as const;

for (const role of ['collector', 'manager', 'admin'] as const) {
  test(`a ${role} signs in and sees the navigation for the role`, async ({ page, signInAs }) => {
    const user = E2E_USERS[role];
    await signInAs(role);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of navExpectations[role].shown)
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
    for (const label of navExpectations[role].hidden)
      await expect(nav.getByRole('link', { name: label, exact: true })).toHaveCount(0);
    await expect(page.getByTestId('current-user')).toContainText(user.name);
    await expect(page.getByTestId('current-user')).toContainText(role, { ignoreCase: true });
  });
}

test('the login form works by keyboard alone, and offers no SSO when none is configured', async ({ page }) => {
  await page.goto('/login?callbackUrl=%2Faccount');
  await expect(page.getByRole('button', { name: /SSO/ })).toHaveCount(0);
  await page.getByLabel('Email').focus();
  await page.keyboard.type(E2E_USERS.manager.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(E2E_USERS.manager.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
});

test('a wrong password shows an error and keeps the user on the sign-in page', async ({ page }) => {
  await submitSignIn(page, { email: E2E_USERS.manager.email, password: 'not the password' });
  await expect(page.locator('#login-error')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Email')).toHaveValue(E2E_USERS.manager.email);
});

/** Submits the form and waits for next-auth's answer, so an unchanged message cannot pass early. */
async function submitCredentials(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const answered = page.waitForResponse((response) => response.url().includes('/api/auth/callback/credentials'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await answered;
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
}

test('five failed sign-ins lock the email for 15 minutes, even for the right password', async ({ page }) => {
  const user = E2E_USERS.lockout;
  await page.goto('/login');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitCredentials(page, user.email, `wrong-${attempt}`);
    await expect(page.locator('#login-error')).toHaveText('Wrong email or password.');
  }
  await submitCredentials(page, user.email, 'wrong-5');
  await expect(page.locator('#login-error')).toHaveText('Too many failed attempts; try again in 15 minutes.');

  await submitCredentials(page, user.email, user.password);
  await expect(page.locator('#login-error')).toHaveText('Too many failed attempts; try again in 15 minutes.');
  await expect(page).toHaveURL(/\/login/);
});

test('signing out ends the session', async ({ page, signInAs }) => {
  await signInAs('collector');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await expect(page.getByRole('heading', { name: 'Casedesk' })).toBeVisible();
});

test('a collector opening a manager page gets a 403 page, not the data', async ({
  page,
  browser,
  baseURL,
  signInAs,
}) => {
  await signInAs('collector');
  const response = await page.goto('/payments');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: /have access to this page/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payments', exact: true })).toHaveCount(0);

  // The 403 is in the server's HTML: a browser without JavaScript shows it too.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await noScript.addCookies(await page.context().cookies());
  const plain = await noScript.newPage();
  expect((await plain.goto('/reports'))?.status()).toBe(403);
  await expect(plain.getByRole('heading', { name: /have access to this page/ })).toBeVisible();
  await expect(plain.getByRole('link', { name: 'Back to cases' })).toBeVisible();
  await noScript.close();
});

test('an unauthenticated API call gets 401 JSON', async ({ request }) => {
  const response = await request.get('/api/v1/me');
  expect(response.status()).toBe(401);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
});

test('a token made on the account page works for the API until it is revoked, then gets 401', async ({
  page,
  playwright,
  signInAs,
}) => {
  await signInAs('manager');
  await page.getByLabel('Token name').fill('e2e script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);

  // A separate client with no cookies: only the bearer token speaks for it.
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const before = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(before.status()).toBe(200);
  expect((await before.json()).user).toMatchObject({ email: E2E_USERS.manager.email, role: 'manager' });

  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0); // shown once only
  await page.getByRole('button', { name: 'Revoke token e2e script' }).click();
  await expect(page.getByTestId('token-row').filter({ hasText: 'e2e script' })).toContainText('Revoked');

  const after = await api.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  await api.dispose();
});

test('pages carry a CSP with frame-ancestors none and no unsafe-eval', async ({ page }) => {
  const response = await page.goto('/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
});

test('the signed-in shell fits a phone screen', async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signInAs('admin');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Cases', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
