import { recordAudit } from '@/lib/audit/audit';
import type { SignInUser } from '@/lib/auth/sign-in';
import { db } from '@/lib/db';
import { normalizeEmail } from '@/lib/users/users';

/**
 * Who a single sign-on is, from the ID token's claims. A user is found by the provider's
 * `sub` once linked; the first sign-in links by email, and only a verified email
 * (`email_verified: true`, not merely absent) counts, because many providers let a user set
 * an email they do not own. `preferred_username` is a display name, never an email.
 */
export type SsoClaims = { sub: string; email?: unknown; email_verified?: unknown };

export type SsoResult =
  | { ok: true; user: SignInUser; isNewLink: boolean }
  | { ok: false; reason: 'unknown_or_disabled' | 'email_unverified' | 'linked_to_other_subject' };

const SELECT = { id: true, email: true, name: true, disabledAt: true, sessionVersion: true, oidcSubject: true };

export async function resolveSsoUser(claims: SsoClaims): Promise<SsoResult> {
  if (!claims.sub) return { ok: false, reason: 'unknown_or_disabled' };
  const linked = await db.user.findUnique({ where: { oidcSubject: claims.sub }, select: SELECT });
  if (linked) return linked.disabledAt ? { ok: false, reason: 'unknown_or_disabled' } : ok(linked, false);

  const isVerified = claims.email_verified === true || claims.email_verified === 'true';
  if (!isVerified || typeof claims.email !== 'string') return { ok: false, reason: 'email_unverified' };
  const user = await db.user.findUnique({ where: { email: normalizeEmail(claims.email) }, select: SELECT });
  if (!user || user.disabledAt) return { ok: false, reason: 'unknown_or_disabled' };
  if (user.oidcSubject) return { ok: false, reason: 'linked_to_other_subject' };

  // Conditional, so two first sign-ins racing link one subject at most.
  const { count } = await db.user.updateMany({
    where: { id: user.id, oidcSubject: null },
    data: { oidcSubject: claims.sub },
  });
  if (count !== 1) return { ok: false, reason: 'linked_to_other_subject' };
  await recordAudit({
    actor: { id: user.id, email: user.email },
    action: 'auth.sso_linked',
    targetType: 'user',
    targetId: user.id,
    detail: { subject: claims.sub },
  });
  return ok(user, true);
}

/** The linked user, for the session: by subject only. */
export async function findSsoUserBySubject(sub: string): Promise<SignInUser | null> {
  const user = await db.user.findUnique({ where: { oidcSubject: sub }, select: SELECT });
  return user && !user.disabledAt ? toSignInUser(user) : null;
}

function ok(user: Parameters<typeof toSignInUser>[0], isNewLink: boolean): SsoResult {
  return { ok: true, user: toSignInUser(user), isNewLink };
}

function toSignInUser(user: { id: string; email: string; name: string; sessionVersion: number }): SignInUser {
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
