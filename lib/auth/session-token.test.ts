import { afterEach, describe, expect, it } from 'vitest';
import { decodeSessionToken, encodeSessionToken, parseCookieHeader, readSessionCookie } from './session-token';

describe('session cookie', () => {
  afterEach(() => {
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_URL;
  });

  it('joins chunked cookies in order and ignores others', () => {
    const cookies = parseCookieHeader(
      'other=1; next-auth.session-token.1=BBB; next-auth.session-token.0=AAA; next-auth.csrf-token=x',
    );
    expect(readSessionCookie(cookies)).toBe('AAABBB');
    expect(readSessionCookie(parseCookieHeader(null))).toBeNull();
  });

  it('uses the __Secure- cookie behind https', () => {
    process.env.NEXTAUTH_URL = 'https://casedesk.example';
    expect(readSessionCookie(parseCookieHeader('next-auth.session-token=plain'))).toBeNull();
    expect(readSessionCookie(parseCookieHeader('__Secure-next-auth.session-token=secure'))).toBe('secure');
  });

  it('round-trips claims with the secret, and rejects a token made with another secret', async () => {
    process.env.AUTH_SECRET = 'unit-test-secret-one';
    const token = await encodeSessionToken({ sub: '00000000-0000-4000-8000-000000000001', sv: 3 });
    expect(await decodeSessionToken(token)).toMatchObject({ sub: '00000000-0000-4000-8000-000000000001', sv: 3 });
    process.env.AUTH_SECRET = 'unit-test-secret-two';
    expect(await decodeSessionToken(token)).toBeNull();
    expect(await decodeSessionToken('garbage')).toBeNull();
  });
});
