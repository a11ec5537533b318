import { recordAudit } from '@/lib/audit/audit';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { lockedError, SIGN_IN_ERROR } from '@/lib/auth/sign-in-errors';
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

  // A locked email is refused before the password is even looked at.
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
