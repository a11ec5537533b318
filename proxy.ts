import { NextResponse, type NextRequest } from 'next/server';
import {
  isSecureCookies,
  sessionCookieName,
  SESSION_IDLE_SECONDS,
  SESSION_RENEW_AFTER_SECONDS,
} from '@/lib/auth/config';
import { accessDeniedPage } from '@/lib/auth/access-denied-page';
import { refusedUser } from '@/lib/auth/page-access';
import { PATHNAME_HEADER } from '@/lib/auth/pathname';
import { decodeSessionToken, encodeSessionToken, readSessionCookie } from '@/lib/auth/session-token';
import { contentSecurityPolicy, HSTS } from '@/lib/security-headers.js';

/**
 * The first check for pages: a request without a valid session cookie goes to the sign-in
 * page, and a page the person may not open answers 403 with the 403 notice in the HTML
 * (lib/auth/page-access.ts). The real checks (user still active, role) happen again in
 * every page, action and API route. The API, webhooks, health and next-auth's own routes are not
 * matched at all (see config.matcher): they answer for themselves.
 *
 * Sessions end after 8 h idle: a page request renews a cookie older than a few minutes.
 *
 * Also the page's security headers that depend on the request or on run-time settings: in
 * production a Content-Security-Policy with a fresh nonce (Next reads it from the request's
 * CSP header and puts it on its own scripts), and HSTS when AUTH_URL is https.
 */
const PUBLIC_PATHS = ['/login'];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, pathname + search);

  const claims = await decodeSessionToken(readSessionCookie(request.cookies.getAll()));
  if (!claims && !PUBLIC_PATHS.includes(pathname)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + search);
    return withTransportSecurity(NextResponse.redirect(login));
  }

  const csp = process.env.NODE_ENV === 'production' ? contentSecurityPolicy({ nonce: newNonce() }) : null;
  if (csp) headers.set('Content-Security-Policy', csp);
  const refused = claims && (await refusedUser(claims, request.nextUrl));
  const response = withTransportSecurity(
    refused
      ? new NextResponse(accessDeniedPage(request, refused), {
          status: 403,
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        })
      : NextResponse.next({ request: { headers } }),
  );
  if (csp) response.headers.set('Content-Security-Policy', csp);
  const issuedAt = typeof claims?.iat === 'number' ? claims.iat : 0;
  if (claims && Date.now() / 1000 - issuedAt > SESSION_RENEW_AFTER_SECONDS) {
    response.cookies.set(sessionCookieName(), await encodeSessionToken(claims), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: isSecureCookies(),
      maxAge: SESSION_IDLE_SECONDS,
    });
  }
  return response;
}

function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

function withTransportSecurity(response: NextResponse): NextResponse {
  if (isSecureCookies()) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  matcher: [
    // Everything except: /api/** (webhooks, health, auth, v1 answer for themselves),
    // Next's static files and image optimiser, and files with an extension (public/).
    '/((?!api(?:/|$)|_next/static|_next/image|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)',
  ],
};
