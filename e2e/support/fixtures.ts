import { randomUUID } from 'node:crypto';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { signatureHeader } from '@/lib/webhooks/signature';
import { E2E_USERS, E2E_WEBHOOK_SECRET, type E2eUser } from './users';

/**
 * What every spec needs and none should copy: signing in as one of the users global-setup
 * created, and sending Debitura webhooks signed with the server's secret through the real
 * route. Specs import `test` and `expect` from here instead of '@playwright/test'.
 */

export type Credentials = Pick<E2eUser, 'email' | 'password'>;
export type SeededUser = keyof typeof E2E_USERS;

/** Fills and submits the sign-in form without waiting for the outcome (a wrong password stays on the page). */
export async function submitSignIn(page: Page, user: Credentials, callbackUrl = '/account') {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in and waits until the app has landed on `landing` (default /account); `page` defaults to the test's. */
export type SignInAs = (who: SeededUser | Credentials, options?: { page?: Page; landing?: string }) => Promise<void>;

export type WebhookOptions = {
  /** When the event happened (the envelope's `timestamp`); default now. */
  timestamp?: string;
  /** Another secret than the server's, to forge a delivery. */
  secret?: string;
};

export type Delivery = { id: string; status: number; text: string };

export type Webhooks = {
  /** Signs and posts one event and expects it acknowledged (200); answers the event id. */
  send: (event: string, data: Record<string, unknown>, options?: WebhookOptions) => Promise<string>;
  /** The same without expecting success, for deliveries the route should refuse. */
  post: (event: string, data: Record<string, unknown>, options?: WebhookOptions) => Promise<Delivery>;
};

function createWebhooks(request: APIRequestContext): Webhooks {
  const post: Webhooks['post'] = async (event, data, options = {}) => {
    const id = randomUUID();
    const timestamp = options.timestamp ?? new Date().toISOString();
    const body = JSON.stringify({ id, specVersion: '1.0', event, timestamp, data });
    const response = await request.post('/api/webhooks/debitura', {
      data: body,
      headers: {
        'content-type': 'application/json',
        'x-debitura-event': event,
        'x-debitura-signature': signatureHeader(options.secret ?? E2E_WEBHOOK_SECRET, body),
      },
    });
    return { id, status: response.status(), text: await response.text() };
  };
  return {
    post,
    send: async (event, data, options) => {
      const delivery = await post(event, data, options);
      expect(delivery.status, `${event}: ${delivery.text}`).toBe(200);
      return delivery.id;
    },
  };
}

export const test = base.extend<{ signInAs: SignInAs }, { webhooks: Webhooks }>({
  signInAs: async ({ page }, provide) => {
    await provide(async (who, options = {}) => {
      const user = typeof who === 'string' ? E2E_USERS[who] : who;
      const target = options.page ?? page;
      const landing = options.landing ?? '/account';
      await submitSignIn(target, user, landing);
      await expect(target).toHaveURL((url) => `${url.pathname}${url.search}` === landing);
    });
  },
  // Worker-scoped, so beforeAll hooks can send the events their tests build on.
  webhooks: [
    async ({ playwright }, provide) => {
      const request = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
      await provide(createWebhooks(request));
      await request.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect };
