/**
 * The sign-in error codes that travel in next-auth's `?error=` parameter, and what the
 * login page says for each. Pure, so the client form and the server share it.
 */
export const SIGN_IN_ERROR = {
  invalid: 'CredentialsSignin',
  disabled: 'AccountDisabled',
  lockedPrefix: 'Locked:',
} as const;

export function lockedError(minutes: number): string {
  return `${SIGN_IN_ERROR.lockedPrefix}${minutes}`;
}

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(SIGN_IN_ERROR.lockedPrefix)) {
    const minutes = Number(code.slice(SIGN_IN_ERROR.lockedPrefix.length));
    const count = Number.isInteger(minutes) && minutes > 0 ? minutes : 15;
    return `Too many failed attempts; try again in ${count} minute${count === 1 ? '' : 's'}.`;
  }
  switch (code) {
    case SIGN_IN_ERROR.invalid:
      return 'Wrong email or password.';
    case SIGN_IN_ERROR.disabled:
      return 'This account is disabled. Ask an admin to enable it.';
    case 'AccessDenied':
      return 'This account may not sign in here. Ask an admin to add your email address first.';
    case 'SessionRequired':
      return 'Please sign in to continue.';
    default:
      return 'Sign-in failed. Please try again.';
  }
}
