/**
 * API tokens over real HTTP to `next start`: a `read` token cannot write, tokens expire, end
 * with a password reset, disable or role change (as sessions do), collectors hold a bounded
 * number, a token's first use each day is audited; and a cookie-authenticated write must come
 * from our own pages (Origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, DEFAULT_TOKEN_DAYS, MAX_COLLECTOR_TOKENS, TokenLimitError } from '@/lib/auth/tokens';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { createUser, resetPassword, setUserDisabled, setUserRole } from '@/lib/users/users';
import { startApp, type AppServer } from '../helpers/app-server';
import { signInOverHttp } from '../helpers/auth-http';
import { createTestDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;

const me = (token: string) => fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
const reply = (headers: Record<string, string>) =>
  fetch(`${app.url}/api/v1/cases/TOK-1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ message: 'hello' }),
  });

async function newUser(email: string, role: 'collector' | 'manager' = 'manager') {
  return createUser({ email, name: email.split('@')[0], role, password: 'correct horse battery' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  app = await startApp({ databaseUrl: database.url });
  await database.pool.query("INSERT INTO cases (id, reference, updated_at) VALUES (gen_random_uuid(), 'TOK-1', now())");
});

afterAll(async () => {
  await app?.stop();
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

describe('API token scope', () => {
  it('lets a read token read but not write; a read-write token writes', async () => {
    const user = await newUser('scope@agency.test');
    const read = await createApiToken({ userId: user.id, name: 'r', scope: 'read' });
    const write = await createApiToken({ userId: user.id, name: 'rw', scope: 'read-write' });
    expect((await me(read.token)).status).toBe(200);
    const refused = await reply({ authorization: `Bearer ${read.token}` });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/read-only/);
    expect((await reply({ authorization: `Bearer ${write.token}` })).status).toBe(202);
  });
});

describe('API token lifetime', () => {
  it(`expires after ${DEFAULT_TOKEN_DAYS} days by default, and stops working once expired`, async () => {
    const user = await newUser('expiry@agency.test');
    const { id, token } = await createApiToken({ userId: user.id, name: 'default' });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    const days = (row.expiresAt!.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(DEFAULT_TOKEN_DAYS);
    expect((await me(token)).status).toBe(200);
    await database.pool.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await me(token)).status).toBe(401);
  });

  it('ends with a password reset, a role change and a disable, like sessions', async () => {
    const user = await newUser('ends@agency.test');
    const first = await createApiToken({ userId: user.id, name: 'before reset' });
    expect((await me(first.token)).status).toBe(200);
    await resetPassword('ends@agency.test', 'another correct horse');
    expect((await me(first.token)).status).toBe(401);

    const second = await createApiToken({ userId: user.id, name: 'before role change' });
    expect((await me(second.token)).status).toBe(200);
    await setUserRole('ends@agency.test', 'collector');
    expect((await me(second.token)).status).toBe(401);

    const third = await createApiToken({ userId: user.id, name: 'before disable' });
    await setUserDisabled('ends@agency.test', true);
    await setUserDisabled('ends@agency.test', false);
    expect((await me(third.token)).status).toBe(401);
  });

  it(`lets a collector hold at most ${MAX_COLLECTOR_TOKENS} live tokens`, async () => {
    const user = await newUser('many@agency.test', 'collector');
    const made = await Promise.allSettled(
      Array.from({ length: MAX_COLLECTOR_TOKENS + 2 }, (_, index) =>
        createApiToken({ userId: user.id, name: `t${index}` }),
      ),
    );
    expect(made.filter((result) => result.status === 'fulfilled')).toHaveLength(MAX_COLLECTOR_TOKENS);
    expect(made.filter((result) => result.status === 'rejected').map((result) => result.reason)).toEqual([
      expect.any(TokenLimitError),
      expect.any(TokenLimitError),
    ]);
    const { rows } = await database.pool.query(
      'UPDATE api_tokens SET revoked_at = now() WHERE id = (SELECT id FROM api_tokens WHERE user_id = $1 LIMIT 1) RETURNING id',
      [user.id],
    );
    expect(rows).toHaveLength(1);
    await expect(createApiToken({ userId: user.id, name: 'after revoking one' })).resolves.toBeTruthy();
  });
});

describe('API token audit', () => {
  it("audits a token's first use of each day, once", async () => {
    const user = await newUser('daily@agency.test');
    const { id, token } = await createApiToken({ userId: user.id, name: 'daily' });
    const uses = async () =>
      (
        await database.pool.query(
          "SELECT count(*)::int AS n FROM audit_log WHERE action = 'token.used' AND target_id = $1",
          [id],
        )
      ).rows[0].n;
    await Promise.all([me(token), me(token), me(token)]);
    expect(await uses()).toBe(1);
    await database.pool.query("UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1", [id]);
    await me(token);
    expect(await uses()).toBe(1);
    await database.pool.query("UPDATE api_tokens SET last_used_at = now() - interval '1 day' WHERE id = $1", [id]);
    await me(token);
    expect(await uses()).toBe(2);
  });
});

describe('cookie-authenticated writes', () => {
  it('need an Origin of this site', async () => {
    await newUser('cookie@agency.test');
    const { cookie } = await signInOverHttp(app.url, 'cookie@agency.test', 'correct horse battery');
    expect(cookie).toBeTruthy();
    expect((await reply({ cookie: cookie! })).status).toBe(403);
    expect((await reply({ cookie: cookie!, origin: 'https://evil.example' })).status).toBe(403);
    expect((await reply({ cookie: cookie!, origin: app.url })).status).toBe(202);
  });
});

describe('transport security on plain http', () => {
  it('sends no HSTS when the public URL is http', async () => {
    expect((await fetch(`${app.url}/login`)).headers.get('strict-transport-security')).toBeNull();
  });
});
