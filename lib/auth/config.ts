/**
 * Sign-in settings read from the environment, in one place. No Next.js imports, so
 * proxy.ts, route handlers, server components and scripts can all share it.
 */

/** Sessions end after this long without activity (the cookie is renewed on use). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** A session cookie older than this is re-issued on the next page request. */
export const SESSION_RENEW_AFTER_SECONDS = 5 * 60;

export function authUrl(): string | undefined {
  return process.env.NEXTAUTH_URL ?? process.env.AUTH_URL;
}

export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
}

/** Secure cookies (and the `__Secure-` name) when the app is served over HTTPS. */
export function isSecureCookies(): boolean {
  return authUrl()?.startsWith('https://') ?? false;
}

export function sessionCookieName(): string {
  return `${isSecureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; name: string };

/** Single sign-on is on only when all three OIDC variables are set. */
export function oidcSettings(): OidcSettings | null {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  const clientId = process.env.AUTH_OIDC_CLIENT_ID;
  const clientSecret = process.env.AUTH_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret, name: process.env.AUTH_OIDC_NAME ?? 'SSO' };
}
