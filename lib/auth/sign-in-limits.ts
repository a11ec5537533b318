import { db } from '@/lib/db';

/**
 * Sign-in throttles beyond the per-email lockout (lib/auth/throttle.ts): failures counted per
 * client address and for the whole site, in PostgreSQL so every instance shares them. Spraying
 * one password over many emails locks no single email, but it does lock the address it comes
 * from, and a distributed spray trips the site-wide limit, which only pauses sign-in for a
 * minute. Admins see and lift current locks on the admin overview (lib/auth/lockouts.ts).
 */
export type SignInLimit = { key: string; maxFailures: number; windowMinutes: number; lockMinutes: number };

export const ADDRESS_LIMIT = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };
export const GLOBAL_LIMIT = { maxFailures: 200, windowMinutes: 1, lockMinutes: 1 };
export const GLOBAL_KEY = 'global';

/** The limits that apply to one attempt: its address's (when known) and the site's. */
export function limitsFor(clientAddress: string | null | undefined): SignInLimit[] {
  const limits: SignInLimit[] = [{ key: GLOBAL_KEY, ...GLOBAL_LIMIT }];
  if (clientAddress) limits.unshift({ key: `ip:${clientAddress.slice(0, 100)}`, ...ADDRESS_LIMIT });
  return limits;
}

/** The longest lock among `limits` now in force, in minutes rounded up; null when none. */
export async function lockedLimitMinutes(
  limits: readonly SignInLimit[],
): Promise<{ key: string; minutes: number } | null> {
  const rows = await db.$queryRaw<{ key: string; seconds: number }[]>`
    SELECT key, EXTRACT(EPOCH FROM (locked_until - now()))::float8 AS seconds FROM sign_in_limits
    WHERE key = ANY(${limits.map((limit) => limit.key)}::text[]) AND locked_until > now()
    ORDER BY locked_until DESC LIMIT 1`;
  return rows.length ? { key: rows[0].key, minutes: Math.max(1, Math.ceil(rows[0].seconds / 60)) } : null;
}

/**
 * Counts one failure against each limit, with the per-email arithmetic: a stale window or a
 * lock that has run out starts afresh, the failure that reaches the maximum sets the lock, and
 * a lock is never extended. Returns the limits that this failure locked.
 */
export async function recordLimitFailures(limits: readonly SignInLimit[]): Promise<SignInLimit[]> {
  const locked: SignInLimit[] = [];
  for (const limit of limits) {
    const window = `${limit.windowMinutes} minutes`;
    const lock = `${limit.lockMinutes} minutes`;
    const rows = await db.$queryRaw<{ is_new_lock: boolean }[]>`
      INSERT INTO sign_in_limits AS t (key, failures, window_starts_at, locked_until)
      VALUES (${limit.key}, 1, now(), NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_starts_at <= now() - ${window}::interval OR t.locked_until <= now()
                        THEN 1 ELSE t.failures + 1 END,
        window_starts_at = CASE WHEN t.window_starts_at <= now() - ${window}::interval OR t.locked_until <= now()
                                THEN now() ELSE t.window_starts_at END,
        locked_until = CASE
          WHEN t.locked_until > now() THEN t.locked_until
          WHEN t.window_starts_at <= now() - ${window}::interval OR t.locked_until <= now() THEN NULL
          WHEN t.failures + 1 >= ${limit.maxFailures} THEN now() + ${lock}::interval
          ELSE NULL END
      RETURNING (t.locked_until IS NOT NULL AND t.locked_until > now() AND t.failures = ${limit.maxFailures})
        AS is_new_lock`;
    if (rows[0]?.is_new_lock) locked.push(limit);
  }
  return locked;
}
