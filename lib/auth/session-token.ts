import { decode, encode, type JWT } from 'next-auth/jwt';
import { authSecret, sessionCookieName, SESSION_IDLE_SECONDS } from '@/lib/auth/config';

/**
 * Reading and re-issuing next-auth's session cookie (an encrypted JWT, possibly split
 * into chunks `name.0`, `name.1`, ... when large). Claims: `sub` = user id, `sv` = the
 * user's sessionVersion when the session began.
 */
export type SessionClaims = JWT & { sub: string; sv: number };

export type CookieSource = { name: string; value: string }[];

/** The cookie's value, joined from its chunks if next-auth split it. */
export function readSessionCookie(cookies: CookieSource): string | null {
  const name = sessionCookieName();
  const parts = cookies
    .filter((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  return parts.length ? parts.map((part) => part.value).join('') : null;
}

function chunkIndex(name: string): number {
  const suffix = Number(name.split('.').pop());
  return Number.isInteger(suffix) ? suffix : 0;
}

export async function decodeSessionToken(raw: string | null): Promise<SessionClaims | null> {
  const secret = authSecret();
  if (!raw || !secret) return null;
  try {
    const token = await decode({ token: raw, secret });
    if (!token || typeof token.sub !== 'string' || typeof token.sv !== 'number') return null;
    return token as SessionClaims;
  } catch {
    return null;
  }
}

export async function encodeSessionToken(claims: SessionClaims): Promise<string> {
  const secret = authSecret();
  if (!secret) throw new Error('AUTH_SECRET is not set.');
  return encode({ token: claims, secret, maxAge: SESSION_IDLE_SECONDS });
}

/** Parses a Cookie request header. */
export function parseCookieHeader(header: string | null): CookieSource {
  if (!header) return [];
  return header.split(';').flatMap((pair) => {
    const index = pair.indexOf('=');
    if (index < 0) return [];
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    try {
      return [{ name, value: decodeURIComponent(value) }];
    } catch {
      return [{ name, value }];
    }
  });
}
