import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { db } from '@/lib/db';

/**
 * Sign-in locks in force now, of emails (lib/auth/throttle.ts), client addresses and the whole
 * site (lib/auth/sign-in-limits.ts), for the admin overview; and lifting one, audited. A lock
 * an attacker can trigger (by failing on purpose) must never keep an admin out for good.
 */
export type Lockout = { kind: 'email' | 'address' | 'global'; key: string; failures: number; lockedUntil: Date };

export async function listLockouts(): Promise<Lockout[]> {
  const rows = await db.$queryRaw<{ kind: Lockout['kind']; key: string; failures: number; locked_until: Date }[]>`
    SELECT 'email' AS kind, email AS key, failures, locked_until FROM sign_in_throttles WHERE locked_until > now()
    UNION ALL
    SELECT CASE WHEN key LIKE 'ip:%' THEN 'address' ELSE 'global' END, key, failures, locked_until
    FROM sign_in_limits WHERE locked_until > now()
    ORDER BY locked_until DESC LIMIT 200`;
  return rows.map((row) => ({ kind: row.kind, key: row.key, failures: row.failures, lockedUntil: row.locked_until }));
}

/** Lifts a lock (and its count). Returns false when there was none. */
export async function unlock(kind: Lockout['kind'], key: string, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const removed =
      kind === 'email'
        ? await tx.$executeRaw`DELETE FROM sign_in_throttles WHERE email = ${key}`
        : await tx.$executeRaw`DELETE FROM sign_in_limits WHERE key = ${key}`;
    if (!removed) return false;
    await recordAudit({ actor, action: 'auth.unlocked', targetType: kind, targetId: key }, tx);
    return true;
  });
}
