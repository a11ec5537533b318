import { isRole, type Role } from '@/lib/auth/permissions';
import type { SessionClaims } from '@/lib/auth/session-token';
import { db } from '@/lib/db';

/** `locale`: the language the user chose (lib/i18n/locales.ts); null or absent follows the browser. */
export type ActiveUser = { id: string; email: string; name: string; role: Role; locale?: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user a session belongs to, checked against the database on every request: the
 * user must exist, not be disabled, and still have the session version the session
 * began with (disabling, a role change or a password reset bump it). The role comes
 * from the database, never from the cookie.
 */
export async function loadSessionUser(claims: SessionClaims | null): Promise<ActiveUser | null> {
  if (!claims || !UUID.test(claims.sub)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, role: true, locale: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== claims.sv || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}
