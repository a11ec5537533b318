import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, listAuditActions } from '@/lib/admin/audit-log';
import { parseAuditFilters } from '@/lib/admin/params';
import { createTokenFromForm, listAllTokens, revokeTokenFromForm } from '@/lib/admin/token-admin';
import {
  changeRoleFromForm,
  createUserFromForm,
  resetPasswordFromForm,
  setDisabledFromForm,
} from '@/lib/admin/user-admin';
import { verifyPassword } from '@/lib/auth/password';
import { findUserByApiToken, hashToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The users and tokens pages' operations and the audit log they write, on a real
 * PostgreSQL; and the audit log's append-only guarantee, enforced by the database itself.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: { id: string; email: string };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function auditCount(): Promise<number> {
  const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM audit_log');
  return rows[0].n;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  admin = await createUser({
    email: 'boss@agency.test',
    name: 'Boss',
    role: 'admin',
    password: 'correct horse battery',
  });
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe('users', () => {
  it('refuses an invalid form field by field, creating nothing and auditing nothing', async () => {
    const before = await auditCount();
    const state = await createUserFromForm(
      form({ email: 'not-an-email', name: ' ', role: 'overlord', password: 'short' }),
      admin,
    );
    expect(state.status).toBe('error');
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password', 'role']);
    // What was typed comes back, except the password.
    expect(state.values).toEqual({ email: 'not-an-email', name: ' ', role: 'overlord' });
    expect(await db.user.count()).toBe(1);
    expect(await auditCount()).toBe(before);
  });

  it('creates a user with a working password and audits who did it', async () => {
    const state = await createUserFromForm(
      form({ email: ' Carla@Agency.test ', name: 'Carla Collector', role: 'collector', password: 'carla-initial-pw' }),
      admin,
    );
    expect(state).toMatchObject({ status: 'success', message: 'Created carla@agency.test (Collector).' });
    const carla = await db.user.findUniqueOrThrow({
      where: { email: 'carla@agency.test' },
      omit: { passwordHash: false },
    });
    expect(carla.role).toBe('collector');
    expect(await verifyPassword(carla.passwordHash!, 'carla-initial-pw')).toBe(true);
    const [entry] = (await listAudit({ action: 'user.created' })).rows;
    expect(entry).toMatchObject({
      actorEmail: admin.email,
      targetType: 'user',
      targetId: carla.id,
      detail: { email: 'carla@agency.test', role: 'collector' },
    });
    expect(JSON.stringify(entry.detail)).not.toContain('carla-initial-pw');

    const again = await createUserFromForm(
      form({ email: 'carla@agency.test', name: 'Carla 2', role: 'manager', password: 'another-password' }),
      admin,
    );
    expect(again.status).toBe('error');
    expect(again.fieldErrors?.email).toMatch(/already exists/);
  });

  it('changes a role, disables and enables, resets a password: each audited, each ending sessions', async () => {
    const version = async () =>
      (await db.user.findUniqueOrThrow({ where: { email: 'carla@agency.test' } })).sessionVersion;
    const v0 = await version();
    expect(await changeRoleFromForm(form({ email: 'carla@agency.test', role: 'manager' }), admin)).toMatchObject({
      status: 'success',
    });
    expect(await setDisabledFromForm(form({ email: 'carla@agency.test', disabled: 'true' }), admin)).toMatchObject({
      status: 'success',
    });
    expect((await db.user.findUniqueOrThrow({ where: { email: 'carla@agency.test' } })).disabledAt).toBeInstanceOf(
      Date,
    );
    expect(await setDisabledFromForm(form({ email: 'carla@agency.test', disabled: 'false' }), admin)).toMatchObject({
      status: 'success',
    });
    expect(
      await resetPasswordFromForm(form({ email: 'carla@agency.test', password: 'brand-new-password' }), admin),
    ).toMatchObject({ status: 'success' });
    expect(await version()).toBe(v0 + 4);
    const carla = await db.user.findUniqueOrThrow({
      where: { email: 'carla@agency.test' },
      omit: { passwordHash: false },
    });
    expect(carla).toMatchObject({ role: 'manager', disabledAt: null });
    expect(await verifyPassword(carla.passwordHash!, 'brand-new-password')).toBe(true);

    const actions = (await listAudit({ actor: 'boss@' })).rows.map((row) => row.action);
    expect(actions.slice(0, 4)).toEqual(['user.password_reset', 'user.enabled', 'user.disabled', 'user.role_changed']);
  });

  it('refuses what would lock the admin out, unknown users and bad values', async () => {
    const before = await auditCount();
    expect(await setDisabledFromForm(form({ email: admin.email, disabled: 'true' }), admin)).toMatchObject({
      status: 'error',
      message: 'You cannot disable your own account.',
    });
    expect(
      (await changeRoleFromForm(form({ email: admin.email.toUpperCase(), role: 'collector' }), admin)).status,
    ).toBe('error');
    expect(await changeRoleFromForm(form({ email: 'ghost@agency.test', role: 'manager' }), admin)).toMatchObject({
      status: 'error',
      message: 'No user with the email ghost@agency.test.',
    });
    expect((await changeRoleFromForm(form({ email: 'carla@agency.test', role: 'root' }), admin)).status).toBe('error');
    const short = await resetPasswordFromForm(form({ email: 'carla@agency.test', password: 'short' }), admin);
    expect(short.fieldErrors?.password).toMatch(/At least 8/);
    expect(await auditCount()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { email: admin.email } })).role).toBe('admin');
  });
});

describe('API tokens', () => {
  it('creates a token for a user, shown once and stored only as a hash, then revokes it', async () => {
    const carla = await db.user.findUniqueOrThrow({ where: { email: 'carla@agency.test' } });
    const state = await createTokenFromForm(form({ userId: carla.id, name: 'reporting script' }), admin);
    expect(state.status).toBe('success');
    const token = state.token!;
    expect(token).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);
    expect(await findUserByApiToken(token)).toMatchObject({ email: 'carla@agency.test' });

    // Nowhere in the database in clear: only its hash.
    const { rows } = await database.pool.query('SELECT to_jsonb(t)::text AS row FROM api_tokens t');
    expect(rows.some((row) => row.row.includes(token))).toBe(false);
    expect(rows.some((row) => row.row.includes(hashToken(token)))).toBe(true);
    const dump = await database.pool.query('SELECT to_jsonb(a)::text AS row FROM audit_log a');
    expect(dump.rows.some((row) => row.row.includes(token))).toBe(false);

    const [listed] = await listAllTokens();
    expect(listed).toMatchObject({
      userEmail: 'carla@agency.test',
      name: 'reporting script',
      prefix: token.slice(0, 9),
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect(await revokeTokenFromForm(form({ id: listed.id }), admin)).toMatchObject({ status: 'success' });
    expect(await findUserByApiToken(token)).toBeNull();
    expect((await listAllTokens())[0].revokedAt).toBeInstanceOf(Date);

    const audit = (await listAudit({ actor: admin.email })).rows.filter((row) => row.action.startsWith('token.'));
    expect(audit.map((row) => [row.action, row.targetId, row.subjectEmail])).toEqual([
      ['token.revoked', listed.id, 'carla@agency.test'],
      ['token.created', listed.id, 'carla@agency.test'],
    ]);
  });

  it('refuses a token without a user, for a disabled user, or without a name', async () => {
    const before = await db.apiToken.count();
    const missing = await createTokenFromForm(form({ userId: '', name: 'x' }), admin);
    expect(missing.fieldErrors?.userId).toBe('Choose a user.');
    const nameless = await createTokenFromForm(form({ userId: admin.id, name: '  ' }), admin);
    expect(nameless.fieldErrors?.name).toBe('Give the token a name.');
    const ghost = await createTokenFromForm(form({ userId: '00000000-0000-4000-8000-000000000000', name: 'x' }), admin);
    expect(ghost.message).toBe('That user does not exist.');
    const dora = await createUser({ email: 'dora@agency.test', name: 'Dora', role: 'collector' });
    await setDisabledFromForm(form({ email: dora.email, disabled: 'true' }), admin);
    const disabled = await createTokenFromForm(form({ userId: dora.id, name: 'x' }), admin);
    expect(disabled.fieldErrors?.userId).toMatch(/disabled/);
    expect(await db.apiToken.count()).toBe(before);
    expect(await revokeTokenFromForm(form({ id: 'not-a-token' }), admin)).toMatchObject({ status: 'error' });
  });
});

describe('the audit log', () => {
  it('filters by action, actor ("system" for none) and day, and pages by keyset', async () => {
    const all = (await listAudit(parseAuditFilters({}))).rows;
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.map((row) => row.id)).toEqual([...all.map((row) => row.id)].sort((a, b) => (a > b ? -1 : 1)));
    // The first admin and Dora were created by no one in particular (no actor).
    const system = (await listAudit(parseAuditFilters({ actor: 'system' }))).rows;
    expect(system.map((row) => row.detail)).toEqual([
      expect.objectContaining({ email: 'dora@agency.test' }),
      expect.objectContaining({ email: 'boss@agency.test' }),
    ]);
    // Everything but the two system rows and Carla's own first use of her token that day.
    expect((await listAudit(parseAuditFilters({ actor: 'carla@agency.test' }))).rows.map((row) => row.action)).toEqual([
      'token.used',
    ]);
    expect((await listAudit(parseAuditFilters({ actor: 'BOSS@AGENCY' }))).rows).toHaveLength(all.length - 3);
    expect((await listAudit(parseAuditFilters({ action: 'user.disabled' }))).rows).toHaveLength(2);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(parseAuditFilters({ from: today, to: today }))).rows).toHaveLength(all.length);
    expect((await listAudit(parseAuditFilters({ to: '2026-01-01' }))).rows).toHaveLength(0);
    const actions = await listAuditActions();
    expect(actions).toEqual([...new Set(all.map((row) => row.action))].sort());
    expect(actions).toEqual(
      expect.arrayContaining(['token.created', 'token.revoked', 'user.created', 'user.role_changed']),
    );

    const paged: bigint[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAudit(parseAuditFilters(cursor ? { cursor } : {}), 3);
      paged.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((row) => row.id));
    // An id past PostgreSQL's bigint starts from the top, never an error.
    expect((await listAudit(parseAuditFilters({ cursor: '9'.repeat(19) }))).rows).toEqual(all);
  });

  it('cannot be changed or deleted, not even by SQL straight to the database', async () => {
    const before = await database.pool.query('SELECT * FROM audit_log ORDER BY id');
    await expect(database.pool.query("UPDATE audit_log SET action = 'nothing.happened'")).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(database.pool.query('DELETE FROM audit_log WHERE true')).rejects.toThrow(/append-only: DELETE/);
    await expect(database.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(
      db.auditLog.update({ where: { id: before.rows[0].id }, data: { actorEmail: 'someone@else' } }),
    ).rejects.toThrow(/append-only/);
    const after = await database.pool.query('SELECT * FROM audit_log ORDER BY id');
    expect(after.rows).toEqual(before.rows);
    // Appending still works.
    await database.pool.query("INSERT INTO audit_log (action) VALUES ('test.appended')");
    expect(await auditCount()).toBe(before.rows.length + 1);
  });
});
