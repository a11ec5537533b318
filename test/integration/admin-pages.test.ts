import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { parseWebhookSecrets } from '@/lib/webhooks/secrets';
import { signatureHeader } from '@/lib/webhooks/signature';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { signInOverHttp } from '@/test/helpers/auth-http';
import { createTestDatabase } from '@/test/helpers/database';
import { FORBIDDEN_HEADING, withoutScripts } from '@/test/helpers/html';

/**
 * The admin pages over real HTTP against `next start` (build first): every page answers
 * 403 to managers and collectors and renders for admins; a delivery's payload is shown as
 * text (a script in it stays inert) and its signature and the secret never reach the page.
 */

const SECRET = randomBytes(32).toString('base64');
const PASSWORD = 'admin-pages-password';
const PAGES = [
  '/admin',
  '/admin/deliveries',
  '/admin/rejected',
  '/admin/outbox',
  '/admin/users',
  '/admin/tokens',
  '/admin/audit',
];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;
const cookies: Record<string, string> = {};

async function get(path: string, role: string) {
  return fetch(`${app.url}${path}`, { headers: { cookie: cookies[role] }, redirect: 'manual' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  for (const role of ['admin', 'manager', 'collector']) {
    await createUser({ email: `${role}@pages.test`, name: `The ${role}`, role, password: PASSWORD });
  }
  app = await startApp({ databaseUrl: database.url, env: { DEBITURA_WEBHOOK_SECRETS: SECRET, CASEDESK_JOBS: 'off' } });
  for (const role of ['admin', 'manager', 'collector']) {
    const { cookie } = await signInOverHttp(app.url, `${role}@pages.test`, PASSWORD);
    expect(cookie).toBeTruthy();
    cookies[role] = cookie!;
  }
});

afterAll(async () => {
  await app?.stop();
  await db.$disconnect();
  await database?.drop();
});

describe('who may open the admin pages', () => {
  it('answers 403 to managers and collectors on every admin page, without the data', async () => {
    for (const role of ['manager', 'collector']) {
      for (const path of PAGES) {
        const response = await get(path, role);
        expect(response.status, `${role} ${path}`).toBe(403);
        const html = await response.text();
        // The message is in the HTML itself, readable before (and without) JavaScript.
        expect(withoutScripts(html), `${role} ${path}`).toMatch(FORBIDDEN_HEADING);
        expect(html).not.toContain('admin@pages.test');
      }
    }
  });

  it('sends the signed-out to the sign-in page', async () => {
    const response = await fetch(`${app.url}/admin/users`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toContain('/login?callbackUrl=%2Fadmin%2Fusers');
  });

  it('renders every admin page for an admin', async () => {
    for (const path of PAGES) {
      const response = await get(path, 'admin');
      expect(response.status, path).toBe(200);
    }
    expect(await (await get('/admin/users', 'admin')).text()).toContain('collector@pages.test');
  });
});

describe('a delivery on the admin pages', () => {
  it('shows the payload as text, the headers without the signature, and never a secret', async () => {
    const id = randomUUID();
    const body = JSON.stringify({
      id,
      event: 'chat.created',
      timestamp: new Date().toISOString(),
      data: { reference: 'PAGES-1', chatId: 'c1', message: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
    });
    const signature = signatureHeader(SECRET, body);
    const response = await fetch(`${app.url}/api/webhooks/debitura`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-debitura-event': 'chat.created',
        'x-debitura-signature': signature,
      },
    });
    expect(response.status).toBe(200);

    const list = await (await get('/admin/deliveries?case=PAGES-1', 'admin')).text();
    expect(list).toContain(`/admin/deliveries/${id}`);
    expect(list).toContain('href="/cases/PAGES-1"');

    const page = await get(`/admin/deliveries/${id}`, 'admin');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('x-debitura-event');
    expect(html).not.toContain(signature.split('v1=')[1]);
    expect(html).not.toContain(SECRET);
    expect(html).toContain(parseWebhookSecrets(SECRET)[0].fingerprint);

    expect((await get('/admin/deliveries/no-such-event', 'admin')).status).toBe(404);
    expect((await get(`/admin/deliveries/${id}`, 'manager')).status).toBe(403);
  });

  it("shows a refused delivery and the configured secret's fingerprint on the rejected page", async () => {
    const body = JSON.stringify({
      id: randomUUID(),
      event: 'case.closed',
      timestamp: new Date().toISOString(),
      data: { reference: 'PAGES-2' },
    });
    const forged = await fetch(`${app.url}/api/webhooks/debitura`, {
      method: 'POST',
      body,
      headers: {
        'x-debitura-event': 'case.closed',
        'x-debitura-signature': signatureHeader(randomBytes(32).toString('base64'), body),
      },
    });
    expect(forged.status).toBe(401);
    const html = await (await get('/admin/rejected', 'admin')).text();
    expect(html).toContain('data-reason="no_matching_secret"');
    expect(html).toContain('Signed with an unknown secret'); // the reason in words, beside its code
    expect(html).toContain(parseWebhookSecrets(SECRET)[0].fingerprint);
    expect(html).toContain('To rotate');
    expect(html).not.toContain(SECRET);
  });
});
