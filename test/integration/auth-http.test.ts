import { hkdf } from '@panva/hkdf';
import { EncryptJWT } from 'jose';
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, TEST_AUTH_SECRET, type AppServer } from '@/test/helpers/app-server';
import { signInOverHttp } from '@/test/helpers/auth-http';
import { createTestDatabase } from '@/test/helpers/database';
import { FORBIDDEN_HEADING, withoutScripts } from '@/test/helpers/html';

/**
 * Sign-in, sessions, API tokens and the proxy over real HTTP against `next start`
 * (build first: NEXT_DIST_DIR=... npx next build) on a real PostgreSQL.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;
let users: typeof import('@/lib/users/users');
let tokens: typeof import('@/lib/auth/tokens');

const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  users = await import('@/lib/users/users');
  tokens = await import('@/lib/auth/tokens');
  for (const role of ['collector', 'manager', 'admin'] as const) {
    await users.createUser({ email: `${role}@example.test`, name: `Test ${role}`, role, password: PASSWORD });
  }
  app = await startApp({ databaseUrl: database.url });
});

afterAll(async () => {
  await app?.stop();
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database?.drop();
});

async function userId(email: string): Promise<string> {
  return (await database.pool.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id;
}

function me(headers: Record<string, string> = {}) {
  return fetch(`${app.url}/api/v1/me`, { headers });
}

/** A session cookie like next-auth's, but issued at a chosen time (to test idle expiry). */
async function craftSessionCookie(
  claims: Record<string, unknown>,
  issuedAt: number,
  expiresAt: number,
): Promise<string> {
  const key = await hkdf('sha256', TEST_AUTH_SECRET, '', 'NextAuth.js Generated Encryption Key', 32);
  const jwt = await new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(crypto.randomUUID())
    .encrypt(key);
  return `next-auth.session-token=${jwt}`;
}

describe('proxy.ts', () => {
  it('sends signed-out page requests to /login, and leaves the API, webhooks and health alone', async () => {
    const page = await fetch(`${app.url}/cases?status=open`, { redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(
      new URL(page.headers.get('location')!, app.url).pathname + new URL(page.headers.get('location')!, app.url).search,
    ).toBe(`/login?callbackUrl=${encodeURIComponent('/cases?status=open')}`);
    expect((await fetch(`${app.url}/login`, { redirect: 'manual' })).status).toBe(200);
    expect((await fetch(`${app.url}/api/health`, { redirect: 'manual' })).status).toBe(200);

    const api = await me();
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(await api.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });

    const webhook = await fetch(`${app.url}/api/webhooks/debitura`, { method: 'POST', body: '{}', redirect: 'manual' });
    expect(webhook.status).not.toBe(307);
    expect(webhook.headers.get('location')).toBeNull();
    const auth = await fetch(`${app.url}/api/auth/providers`, { redirect: 'manual' });
    expect(auth.status).toBe(200);
  });

  it('serves pages with a strict CSP (frame-ancestors none, no unsafe-eval) and the other security headers', async () => {
    const response = await fetch(`${app.url}/login`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
  });
});

describe('API tokens', () => {
  it('401 without a valid token, 200 with one (recording last use), 401 once revoked', async () => {
    expect((await me({ authorization: 'Bearer cd_not-a-real-token' })).status).toBe(401);
    expect((await me({ authorization: 'Basic abc' })).status).toBe(401);

    const { id, token } = await tokens.createApiToken({ userId: await userId('manager@example.test'), name: 'test' });
    const ok = await me({ authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.user).toMatchObject({ email: 'manager@example.test', role: 'manager', name: 'Test manager' });
    expect(body.user.permissions).toContain('payments:reconcile');
    const used = await database.pool.query(`SELECT last_used_at FROM api_tokens WHERE id = $1`, [id]);
    expect(used.rows[0].last_used_at).not.toBeNull();

    await tokens.revokeApiToken(id);
    const revoked = await me({ authorization: `Bearer ${token}` });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe('unauthenticated');
  });

  it("ends a disabled user's token for good, as it ends their sessions", async () => {
    await users.createUser({
      email: 'tokenuser@example.test',
      name: 'Token User',
      role: 'collector',
      password: PASSWORD,
    });
    const { token } = await tokens.createApiToken({ userId: await userId('tokenuser@example.test'), name: 'test' });
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(200);
    await users.setUserDisabled('tokenuser@example.test', true);
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
    await users.setUserDisabled('tokenuser@example.test', false);
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
    const fresh = await tokens.createApiToken({ userId: await userId('tokenuser@example.test'), name: 'new' });
    expect((await me({ authorization: `Bearer ${fresh.token}` })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('signs in with a HttpOnly, SameSite=Lax cookie that pages and the API accept', async () => {
    const session = await signInOverHttp(app.url, 'Manager@Example.test', PASSWORD);
    expect(session.error).toBeNull();
    const header = session.setCookies.find((cookie) => cookie.startsWith('next-auth.session-token='))!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i); // plain http here; Secure comes with an https URL

    const api = await me({ cookie: session.cookie! });
    expect(api.status).toBe(200);
    expect((await api.json()).user.email).toBe('manager@example.test');
    const payments = await fetch(`${app.url}/payments`, { headers: { cookie: session.cookie! }, redirect: 'manual' });
    expect(payments.status).toBe(200);
    expect(await payments.text()).toMatch(/<h1[^>]*>Payments<\/h1>/);
  });

  it('answers a collector opening a manager page with 403, not the data', async () => {
    const session = await signInOverHttp(app.url, 'collector@example.test', PASSWORD);
    const response = await fetch(`${app.url}/payments`, { headers: { cookie: session.cookie! }, redirect: 'manual' });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).not.toMatch(/<h1[^>]*>Payments<\/h1>/);
  });

  it("renders every 403 in the server's HTML (readable without JavaScript), with none of the page's data", async () => {
    const managerId = await userId('manager@example.test');
    await database.pool.query(
      `INSERT INTO cases (id, reference, debtor_name, assignee_id, updated_at)
       VALUES (gen_random_uuid(), 'FORBID-1', 'Secret Debtor ApS', $1, now())`,
      [managerId],
    );
    const { cookie } = await signInOverHttp(app.url, 'collector@example.test', PASSWORD);
    const pages = ['/payments', '/payments/import', '/reports', '/team', '/cases/FORBID-1'];
    for (const path of [...pages, '/queue?user=manager%40example.test']) {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie: cookie! }, redirect: 'manual' });
      expect(response.status, path).toBe(403);
      const html = await response.text();
      expect(withoutScripts(html), path).toMatch(FORBIDDEN_HEADING);
      expect(html, path).not.toContain('Secret Debtor');
    }
    const german = await fetch(`${app.url}/reports`, { headers: { cookie: cookie!, 'accept-language': 'de-DE' } });
    expect(german.status).toBe(403);
    expect(await german.text()).toMatch(/<html lang="de">/);
    // A case the collector may open still renders (the check is on the assignee, not the page).
    await database.pool.query(`UPDATE cases SET assignee_id = NULL WHERE reference = 'FORBID-1'`);
    const open = await fetch(`${app.url}/cases/FORBID-1`, { headers: { cookie: cookie! } });
    expect(open.status).toBe(200);
    expect(await open.text()).toContain('Secret Debtor ApS');
  });

  it('tells a wrong password apart, and locks after 5 failures even for the right password', async () => {
    for (let i = 1; i <= 4; i++)
      expect((await signInOverHttp(app.url, 'admin@example.test', 'wrong password')).error).toBe('CredentialsSignin');
    expect((await signInOverHttp(app.url, 'admin@example.test', 'wrong password')).error).toBe('Locked:15');
    const locked = await signInOverHttp(app.url, 'admin@example.test', PASSWORD);
    expect(locked.error).toBe('Locked:15');
    expect(locked.cookie).toBeNull();
    const login = await (await fetch(`${app.url}/login?error=Locked%3A15`)).text();
    expect(login).toContain('Too many failed attempts; try again in 15 minutes');
  });

  it('counts parallel failed sign-ins atomically across requests', async () => {
    const email = 'burst@example.test';
    await users.createUser({ email, name: 'Burst', role: 'collector', password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signInOverHttp(app.url, email, 'wrong password')),
    );
    expect(results.filter((result) => result.error === 'CredentialsSignin')).toHaveLength(4);
    expect(results.filter((result) => result.error === 'Locked:15')).toHaveLength(4);
    const { rows } = await database.pool.query(
      `SELECT failures, locked_until > now() AS locked FROM sign_in_throttles WHERE email = $1`,
      [email],
    );
    expect(rows[0]).toEqual({ failures: 8, locked: true });
    const lockouts = await database.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.locked_out' AND target_id = $1`,
      [email],
    );
    expect(lockouts.rows[0].n).toBe(1);
  });

  it('stops a session working once its user is disabled or changes role, and refuses the sign-in', async () => {
    const email = 'leaver@example.test';
    await users.createUser({ email, name: 'Leaver', role: 'manager', password: PASSWORD });
    const session = await signInOverHttp(app.url, email, PASSWORD);
    expect((await me({ cookie: session.cookie! })).status).toBe(200);

    await users.setUserRole(email, 'collector');
    expect((await me({ cookie: session.cookie! })).status).toBe(401);
    const again = await signInOverHttp(app.url, email, PASSWORD);
    expect((await (await me({ cookie: again.cookie! })).json()).user.role).toBe('collector');

    await users.setUserDisabled(email, true);
    expect((await me({ cookie: again.cookie! })).status).toBe(401);
    const page = await fetch(`${app.url}/account`, { headers: { cookie: again.cookie! }, redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/login');
    expect((await signInOverHttp(app.url, email, PASSWORD)).error).toBe('AccountDisabled');
  });

  it('renews an active session cookie on page requests, and ends a session idle for 8 hours', async () => {
    const id = await userId('manager@example.test');
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: id, sv: 1, email: 'manager@example.test', name: 'Test manager' };

    const old = await craftSessionCookie(claims, now - 2 * 3600, now + 6 * 3600);
    const renewed = await fetch(`${app.url}/account`, { headers: { cookie: old }, redirect: 'manual' });
    expect(renewed.status).toBe(200);
    const fresh = renewed.headers.getSetCookie().find((cookie) => cookie.startsWith('next-auth.session-token='));
    expect(fresh).toMatch(/HttpOnly/i);
    const token = await decode({ token: fresh!.split(';')[0].split('=')[1], secret: TEST_AUTH_SECRET });
    expect(token?.sub).toBe(id);
    expect(Number(token?.exp)).toBeGreaterThan(now + 8 * 3600 - 60);

    const recent = await craftSessionCookie(claims, now - 10, now + 8 * 3600 - 10);
    const unchanged = await fetch(`${app.url}/account`, { headers: { cookie: recent }, redirect: 'manual' });
    expect(unchanged.status).toBe(200);
    expect(unchanged.headers.getSetCookie().some((cookie) => cookie.startsWith('next-auth.session-token='))).toBe(
      false,
    );

    const idle = await craftSessionCookie(claims, now - 8 * 3600 - 60, now - 60);
    const expired = await fetch(`${app.url}/account`, { headers: { cookie: idle }, redirect: 'manual' });
    expect(expired.status).toBe(307);
    expect(expired.headers.get('location')).toContain('/login?callbackUrl=%2Faccount');
    expect((await me({ cookie: idle })).status).toBe(401);
  });
});
