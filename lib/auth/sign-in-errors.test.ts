import { describe, expect, it } from 'vitest';
import { lockedError, signInErrorMessage } from './sign-in-errors';

describe('signInErrorMessage', () => {
  it('explains a lockout with the minutes left', () => {
    expect(signInErrorMessage(lockedError(15))).toBe('Too many failed attempts; try again in 15 minutes.');
    expect(signInErrorMessage(lockedError(1))).toBe('Too many failed attempts; try again in 1 minute.');
  });

  it('names wrong credentials, disabled accounts and unknown SSO users', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.');
    expect(signInErrorMessage('AccountDisabled')).toContain('disabled');
    expect(signInErrorMessage('AccessDenied')).toContain('Ask an admin');
  });

  it('has nothing to say without an error, and a generic line for anything else', () => {
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage('OAuthCallback')).toBe('Sign-in failed. Please try again.');
  });
});
