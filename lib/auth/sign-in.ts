import { recordAudit } from '@/lib/audit/audit';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { lockedError, SIGN_IN_ERROR } from '@/lib/auth/sign-in-errors';
import { limitsFor, lockedLimitMinutes, recordLimitFailures } from '@/lib/auth/sign-in-limits';
import { clearFailedSignIns, lockedMinutesLeft, LOCK_MINUTES, recordFailedSignIn } from '@/lib/auth/throttle';
import { db } from '@/lib/db';
import { normalizeEmail } from '@/lib/users/users';

/**
 * The email + password check behind next-auth's credentials provider, kept apart from
 * next-auth so it reads (and tests) on its own. Failures and lockouts are audited.
 */
export type SignInUser = { id: string; email: string; name: string; sessionVersion: number };

export type SignInResult = { ok: true; user: SignInUser } | { ok: false; error: string };

export async function checkCredentials(input: {
  email: string;
  password: string;
  clientAddress?: string | null;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const context = input.clientAddress ? { clientAddress: input.clientAddress } : {};
  if (!email || !input.password) return { ok: false, error: SIGN_IN_ERROR.invalid };

  // A locked address, a site-wide pause or a locked email: refused before the password is looked at.
  const limits = limitsFor(input.clientAddress);
  const limited = await lockedLimitMinutes(limits);
  if (limited) {
    await recordAudit({
      action: 'auth.sign_in_refused',
      targetType: 'email',
      targetId: email,
      detail: { reason: 'throttled', limit: limited.key, ...context },
    });
    return { ok: false, error: lockedError(limited.minutes) };
  }
  const minutesLeft = await lockedMinutesLeft(email);
  if (minutesLeft !== null) {
    await recordAudit({
      action: 'auth.sign_in_refused',
      targetType: 'email',
      targetId: email,
      detail: { reason: 'locked', ...context },
    });
    return { ok: false, error: lockedError(minutesLeft) };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, disabledAt: true, sessionVersion: true, passwordHash: true },
  });
  const isValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);

  if (!user || !isValid) {
    const newlyLocked = await recordLimitFailures(limits);
    for (const limit of newlyLocked) {
      await recordAudit({
        action: 'auth.throttled',
        targetType: 'sign_in_limit',
        targetId: limit.key,
        detail: context,
      });
    }
    const state = await recordFailedSignIn(email);
    await recordAudit({
      action: 'auth.sign_in_failed',
      targetType: 'email',
      targetId: email,
      detail: { failures: state.failures, knownUser: !!user, ...context },
    });
    if (state.lockedUntil && state.lockedUntil.getTime() > Date.now()) {
      if (state.isNewLock) {
        await recordAudit({
          action: 'auth.locked_out',
          targetType: 'email',
          targetId: email,
          detail: { minutes: LOCK_MINUTES, ...context },
        });
      }
      return {
        ok: false,
        error: lockedError(Math.max(1, Math.ceil((state.lockedUntil.getTime() - Date.now()) / 60_000))),
      };
    }
    if (newlyLocked.length)
      return { ok: false, error: lockedError(Math.max(...newlyLocked.map((l) => l.lockMinutes))) };
    return { ok: false, error: SIGN_IN_ERROR.invalid };
  }

  if (user.disabledAt) {
    await recordAudit({
      action: 'auth.sign_in_refused',
      targetType: 'user',
      targetId: user.id,
      detail: { reason: 'disabled', ...context },
    });
    return { ok: false, error: SIGN_IN_ERROR.disabled };
  }

  await clearFailedSignIns(email);
  await recordAudit({
    actor: { id: user.id, email: user.email },
    action: 'auth.signed_in',
    targetType: 'user',
    targetId: user.id,
    detail: { method: 'password', ...context },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
