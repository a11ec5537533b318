import { describe, expect, it } from 'vitest';
import { lockedError, signInError } from './sign-in-errors';

describe('signInError', () => {
  it('explains a lockout with the minutes left', () => {
    expect(signInError(lockedError(15))).toEqual({ key: 'locked', minutes: 15 });
    expect(signInError(lockedError(1))).toEqual({ key: 'locked', minutes: 1 });
    expect(signInError('Locked:soon')).toEqual({ key: 'locked', minutes: 15 });
  });

  it('names wrong credentials, disabled accounts and unknown SSO users', () => {
    expect(signInError('CredentialsSignin')).toEqual({ key: 'invalid' });
    expect(signInError('AccountDisabled')).toEqual({ key: 'disabled' });
    expect(signInError('AccessDenied')).toEqual({ key: 'accessDenied' });
  });

  it('has nothing to say without an error, and a generic line for anything else', () => {
    expect(signInError(null)).toBeNull();
    expect(signInError('OAuthCallback')).toEqual({ key: 'failed' });
  });
});
