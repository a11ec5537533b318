import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import { startFakeOidc, type FakeOidc } from '@/test/helpers/fake-oidc';

/**
 * Single sign-on through a generic OpenID Connect provider (a fake one on loopback): only
 * emails an admin created first, and not disabled, may sign in.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let idp: FakeOidc;
let app: AppServer;
let users: typeof import('@/lib/users/users');

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  users = await import('@/lib/users/users');
  idp = await startFakeOidc();
  app = await startApp({
    databaseUrl: database.url,
    env: { AUTH_OIDC_ISSUER: idp.issuer, AUTH_OIDC_CLIENT_ID: idp.clientId, AUTH_OIDC_CLIENT_SECRET: idp.clientSecret },
  });
});

afterAll(async () => {
  await app?.stop();
  await idp?.close();
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database?.drop();
});

/** Cookie jar over fetch: enough for next-auth's state and PKCE cookies. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const index = pair.indexOf('=');
        const name = pair.slice(0, index);
        const value = pair.slice(index + 1);
        if (value) cookies.set(name, value);
        else cookies.delete(name);
      }
    },
    get: (name: string) => cookies.get(name),
  };
}

/** The browser's SSO round trip: app → IdP → app callback. Returns where the app sent us. */
async function signInWithSso(login: FakeOidc['nextLogin']) {
  idp.nextLogin = login;
  const cookies = jar();
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const start = await fetch(`${app.url}/api/auth/signin/oidc`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${app.url}/account`, json: 'true' }),
  });
  cookies.take(start);
  const { url: authorizeUrl } = (await start.json()) as { url: string };
  expect(authorizeUrl.startsWith(`${idp.issuer}/authorize`)).toBe(true);

  const authorized = await fetch(authorizeUrl, { redirect: 'manual' });
  const callbackUrl = authorized.headers.get('location')!;
  const callback = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: cookies.header() } });
  cookies.take(callback);
  return { location: callback.headers.get('location') ?? '', session: cookies.get('next-auth.session-token') };
}

describe('single sign-on (OIDC)', () => {
  it('offers the SSO button only when configured', async () => {
    const html = await (await fetch(`${app.url}/login`)).text();
    expect(html).toContain('Sign in with SSO');
    const providers = await (await fetch(`${app.url}/api/auth/providers`)).json();
    expect(Object.keys(providers).sort()).toEqual(['credentials', 'oidc']);
  });

  it('refuses an email no admin created', async () => {
    const result = await signInWithSso({ sub: 'idp-1', email: 'stranger@example.test', name: 'Stranger' });
    // next-auth's error route hands over to the login page, which explains.
    expect(result.location).toBe(`${app.url}/api/auth/error?error=AccessDenied`);
    const handover = await fetch(result.location, { redirect: 'manual' });
    expect(new URL(handover.headers.get('location')!, app.url).toString()).toBe(`${app.url}/login?error=AccessDenied`);
    expect(await (await fetch(`${app.url}/login?error=AccessDenied`)).text()).toContain(
      'Ask an admin to add your email address first',
    );
    expect(result.session).toBeUndefined();
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM users`);
    expect(rows[0].n).toBe(0); // no account is created on the fly
  });

  it('signs in an email an admin created (any case), with the database role', async () => {
    await users.createUser({ email: 'sso.user@example.test', name: 'SSO User', role: 'manager' });
    const result = await signInWithSso({ sub: 'idp-2', email: 'SSO.User@Example.test', name: 'Whatever The IdP Says' });
    expect(result.location).toBe(`${app.url}/account`);
    expect(result.session).toBeTruthy();
    const me = await fetch(`${app.url}/api/v1/me`, {
      headers: { cookie: `next-auth.session-token=${result.session}` },
    });
    expect(me.status).toBe(200);
    expect((await me.json()).user).toMatchObject({ email: 'sso.user@example.test', role: 'manager', name: 'SSO User' });
  });

  it('refuses a disabled user and an unverified email', async () => {
    await users.createUser({ email: 'sso.gone@example.test', name: 'Gone', role: 'collector' });
    await users.setUserDisabled('sso.gone@example.test', true);
    expect((await signInWithSso({ sub: 'idp-3', email: 'sso.gone@example.test', name: 'Gone' })).location).toContain(
      'error=AccessDenied',
    );
    expect(
      (await signInWithSso({ sub: 'idp-4', email: 'sso.user@example.test', name: 'X', emailVerified: false })).location,
    ).toContain('error=AccessDenied');
    const { rows } = await database.pool.query(
      `SELECT detail->>'reason' AS reason FROM audit_log WHERE action = 'auth.sign_in_refused' ORDER BY id`,
    );
    expect(rows.map((row) => row.reason)).toEqual(['unknown_or_disabled', 'unknown_or_disabled', 'email_unverified']);
  });

  it('links the first sign-in only by a verified email, then matches by the subject alone', async () => {
    await users.createUser({ email: 'sso.link@example.test', name: 'Link', role: 'collector' });
    // A missing email_verified is not verified; preferred_username never stands in for the email.
    expect(
      (await signInWithSso({ sub: 'idp-10', email: 'sso.link@example.test', name: 'L', emailVerified: null })).location,
    ).toContain('error=AccessDenied');
    expect(
      (await signInWithSso({ sub: 'idp-10', name: 'L', preferredUsername: 'sso.link@example.test' })).location,
    ).toContain('error=AccessDenied');
    const unlinked = await database.pool.query("SELECT oidc_subject FROM users WHERE email = 'sso.link@example.test'");
    expect(unlinked.rows).toEqual([{ oidc_subject: null }]);

    expect((await signInWithSso({ sub: 'idp-10', email: 'sso.link@example.test', name: 'L' })).location).toBe(
      `${app.url}/account`,
    );
    // Later: the subject alone, whatever email the provider now says.
    const later = await signInWithSso({ sub: 'idp-10', email: 'renamed@example.test', name: 'L', emailVerified: null });
    expect(later.location).toBe(`${app.url}/account`);
    const me = await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `next-auth.session-token=${later.session}` } });
    expect((await me.json()).user).toMatchObject({ email: 'sso.link@example.test' });
    // Another subject claiming the same verified email cannot take the account over.
    expect((await signInWithSso({ sub: 'idp-11', email: 'sso.link@example.test', name: 'Evil' })).location).toContain(
      'error=AccessDenied',
    );
    const { rows } = await database.pool.query(
      `SELECT detail->>'reason' AS reason FROM audit_log WHERE action = 'auth.sign_in_refused' ORDER BY id DESC LIMIT 3`,
    );
    expect(rows.map((row) => row.reason).reverse()).toEqual([
      'email_unverified',
      'email_unverified',
      'linked_to_other_subject',
    ]);
  });
});
