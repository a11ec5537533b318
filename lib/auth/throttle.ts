import { db } from '@/lib/db';

/**
 * Brute-force protection, kept in the database so it holds across app instances: after
 * MAX_FAILURES failed sign-ins for one email within the window, that email is locked for
 * LOCK_MINUTES. All arithmetic happens in one SQL statement on PostgreSQL's clock, so
 * parallel failures are each counted once (the upsert takes the row lock).
 */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export type ThrottleState = { failures: number; lockedUntil: Date | null };

/** When the email is locked now, the minutes left (rounded up); otherwise null. */
export async function lockedMinutesLeft(email: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ seconds: number }[]>`
    SELECT EXTRACT(EPOCH FROM (locked_until - now()))::float8 AS seconds
    FROM sign_in_throttles WHERE email = ${email} AND locked_until > now()`;
  return rows.length ? Math.max(1, Math.ceil(rows[0].seconds / 60)) : null;
}

/**
 * Counts one failure. A window older than WINDOW_MINUTES, or a lock that has run out,
 * starts a fresh count; the failure that reaches MAX_FAILURES sets the lock (an existing
 * lock is never extended, so failures while locked cannot keep someone out forever).
 */
export async function recordFailedSignIn(email: string): Promise<ThrottleState & { isNewLock: boolean }> {
  const window = `${WINDOW_MINUTES} minutes`;
  const lock = `${LOCK_MINUTES} minutes`;
  const rows = await db.$queryRaw<{ failures: number; locked_until: Date | null; is_new_lock: boolean }[]>`
    INSERT INTO sign_in_throttles AS t (email, failures, window_starts_at, locked_until)
    VALUES (${email}, 1, now(), NULL)
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN t.window_starts_at <= now() - ${window}::interval OR t.locked_until <= now()
                      THEN 1 ELSE t.failures + 1 END,
      window_starts_at = CASE WHEN t.window_starts_at <= now() - ${window}::interval OR t.locked_until <= now()
                              THEN now() ELSE t.window_starts_at END,
      locked_until = CASE
        WHEN t.locked_until > now() THEN t.locked_until
        WHEN t.window_starts_at <= now() - ${window}::interval OR t.locked_until <= now() THEN NULL
        WHEN t.failures + 1 >= ${MAX_FAILURES} THEN now() + ${lock}::interval
        ELSE NULL END
    RETURNING t.failures, t.locked_until,
      (t.locked_until IS NOT NULL AND t.locked_until > now() AND t.failures = ${MAX_FAILURES}) AS is_new_lock`;
  const row = rows[0];
  return { failures: row.failures, lockedUntil: row.locked_until, isNewLock: row.is_new_lock };
}

/** A successful sign-in clears the count. */
export async function clearFailedSignIns(email: string): Promise<void> {
  await db.$executeRaw`DELETE FROM sign_in_throttles WHERE email = ${email}`;
}

export async function readThrottle(email: string): Promise<ThrottleState | null> {
  const row = await db.signInThrottle.findUnique({ where: { email } });
  return row ? { failures: row.failures, lockedUntil: row.lockedUntil } : null;
}
