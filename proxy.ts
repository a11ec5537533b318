import { NextResponse, type NextRequest } from 'next/server';
import {
  isSecureCookies,
  sessionCookieName,
  SESSION_IDLE_SECONDS,
  SESSION_RENEW_AFTER_SECONDS,
} from '@/lib/auth/config';
import { PATHNAME_HEADER } from '@/lib/auth/pathname';
import { decodeSessionToken, encodeSessionToken, readSessionCookie } from '@/lib/auth/session-token';

/**
 * Only an optimistic check for pages: a request without a valid session cookie goes to
 * the sign-in page. The real checks (user still active, role) happen in every page,
 * action and API route. The API, webhooks, health and next-auth's own routes are not
 * matched at all (see config.matcher): they answer for themselves.
 *
 * Sessions end after 8 h idle: a page request renews a cookie older than a few minutes.
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
    return NextResponse.redirect(login);
  }

  const response = NextResponse.next({ request: { headers } });
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

export const config = {
  matcher: [
    // Everything except: /api/** (webhooks, health, auth, v1 answer for themselves),
    // Next's static files and image optimiser, and files with an extension (public/).
    '/((?!api(?:/|$)|_next/static|_next/image|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)',
  ],
};
