import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The sign-in throttle on a real PostgreSQL, in process: counting must be exact under
 * parallel failures (several app instances), and the lock must start at the 5th failure.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let throttle: typeof import('@/lib/auth/throttle');
let signIn: typeof import('@/lib/auth/sign-in');
let users: typeof import('@/lib/users/users');

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  throttle = await import('@/lib/auth/throttle');
  signIn = await import('@/lib/auth/sign-in');
  users = await import('@/lib/users/users');
});

afterAll(async () => {
  const { db } = await import('@/lib/db');
  await db.$disconnect();
  await database?.drop();
});

describe('sign-in throttle', () => {
  it('counts parallel failures exactly and locks at the fifth', async () => {
    const email = 'parallel@example.test';
    const first = await Promise.all(Array.from({ length: 4 }, () => throttle.recordFailedSignIn(email)));
    expect(first.map((state) => state.failures).sort()).toEqual([1, 2, 3, 4]);
    expect(first.every((state) => state.lockedUntil === null)).toBe(true);
    expect(await throttle.lockedMinutesLeft(email)).toBeNull();

    const burst = await Promise.all(Array.from({ length: 10 }, () => throttle.recordFailedSignIn(email)));
    expect(burst.map((state) => state.failures).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(burst.filter((state) => state.isNewLock)).toHaveLength(1);
    const locks = new Set(burst.map((state) => state.lockedUntil?.toISOString()));
    expect(locks.size).toBe(1); // an existing lock is never extended
    expect(await throttle.lockedMinutesLeft(email)).toBe(15);
  });

  it('starts a fresh count after the 15-minute window, and after a lock runs out', async () => {
    const email = 'window@example.test';
    for (let i = 0; i < 4; i++) await throttle.recordFailedSignIn(email);
    await database.pool.query(
      `UPDATE sign_in_throttles SET window_starts_at = now() - interval '16 minutes' WHERE email = $1`,
      [email],
    );
    const fresh = await throttle.recordFailedSignIn(email);
    expect(fresh).toMatchObject({ failures: 1, lockedUntil: null });

    for (let i = 0; i < 4; i++) await throttle.recordFailedSignIn(email);
    expect(await throttle.lockedMinutesLeft(email)).toBe(15);
    await database.pool.query(
      `UPDATE sign_in_throttles SET locked_until = now() - interval '1 second', window_starts_at = now() - interval '10 minutes' WHERE email = $1`,
      [email],
    );
    expect(await throttle.lockedMinutesLeft(email)).toBeNull();
    expect(await throttle.recordFailedSignIn(email)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('refuses a locked email even with the right password, audits failures and the lockout, and clears on success', async () => {
    await users.createUser({
      email: 'Locky@example.test',
      name: 'Locky',
      role: 'collector',
      password: 'right-password',
    });
    for (let i = 1; i <= 4; i++) {
      expect(await signIn.checkCredentials({ email: 'locky@example.test', password: 'wrong' })).toEqual({
        ok: false,
        error: 'CredentialsSignin',
      });
    }
    expect(await signIn.checkCredentials({ email: 'LOCKY@example.test', password: 'wrong' })).toEqual({
      ok: false,
      error: 'Locked:15',
    });
    expect(await signIn.checkCredentials({ email: 'locky@example.test', password: 'right-password' })).toEqual({
      ok: false,
      error: 'Locked:15',
    });

    const { rows } = await database.pool.query(
      `SELECT action, detail FROM audit_log WHERE target_id = 'locky@example.test' ORDER BY id`,
    );
    expect(rows.map((row) => row.action)).toEqual([
      ...Array(5).fill('auth.sign_in_failed'),
      'auth.locked_out',
      'auth.sign_in_refused',
    ]);
    expect(rows[6].detail).toMatchObject({ reason: 'locked' });

    await database.pool.query(
      `UPDATE sign_in_throttles SET locked_until = now() - interval '1 second' WHERE email = 'locky@example.test'`,
    );
    const ok = await signIn.checkCredentials({ email: 'locky@example.test', password: 'right-password' });
    expect(ok.ok).toBe(true);
    expect(await throttle.readThrottle('locky@example.test')).toBeNull();
  });

  it('counts failures for unknown emails too, and refuses disabled users', async () => {
    expect(await signIn.checkCredentials({ email: 'ghost@example.test', password: 'anything' })).toEqual({
      ok: false,
      error: 'CredentialsSignin',
    });
    expect((await throttle.readThrottle('ghost@example.test'))?.failures).toBe(1);

    await users.createUser({ email: 'gone@example.test', name: 'Gone', role: 'manager', password: 'right-password' });
    await users.setUserDisabled('gone@example.test', true);
    expect(await signIn.checkCredentials({ email: 'gone@example.test', password: 'right-password' })).toEqual({
      ok: false,
      error: 'AccountDisabled',
    });
  });
});
