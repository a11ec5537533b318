/**
 * The sign-in error codes that travel in next-auth's `?error=` parameter, and which message
 * of the `auth` catalog the login page shows for each. Pure, so the client form and the server share it.
 */
export const SIGN_IN_ERROR = {
  invalid: 'CredentialsSignin',
  disabled: 'AccountDisabled',
  lockedPrefix: 'Locked:',
} as const;

export function lockedError(minutes: number): string {
  return `${SIGN_IN_ERROR.lockedPrefix}${minutes}`;
}

/** A sign-in failure as the login page words it: a key of the `auth` catalog's `error` messages. */
export type SignInError =
  { key: 'locked'; minutes: number } | { key: 'invalid' | 'disabled' | 'accessDenied' | 'sessionRequired' | 'failed' };

export function signInError(code: string | null | undefined): SignInError | null {
  if (!code) return null;
  if (code.startsWith(SIGN_IN_ERROR.lockedPrefix)) {
    const minutes = Number(code.slice(SIGN_IN_ERROR.lockedPrefix.length));
    return { key: 'locked', minutes: Number.isInteger(minutes) && minutes > 0 ? minutes : 15 };
  }
  switch (code) {
    case SIGN_IN_ERROR.invalid:
      return { key: 'invalid' };
    case SIGN_IN_ERROR.disabled:
      return { key: 'disabled' };
    case 'AccessDenied':
      return { key: 'accessDenied' };
    case 'SessionRequired':
      return { key: 'sessionRequired' };
    default:
      return { key: 'failed' };
  }
}
