import { loadSessionUser } from '@/lib/auth/active-user';
import { authUrl } from '@/lib/auth/config';
import { can, type Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { decodeSessionToken, parseCookieHeader, readSessionCookie } from '@/lib/auth/session-token';
import { findUserByApiToken } from '@/lib/auth/tokens';
import { ForbiddenError, UnauthenticatedError } from '@/lib/api/errors';

/**
 * For route handlers of the JSON API: the caller, by `Authorization: Bearer <token>`
 * (an API token) or, for the browser's own SWR calls, the next-auth session cookie.
 * Throws UnauthenticatedError (401) or ForbiddenError (403); map with toErrorResponse.
 *
 * Every request that can change something (any method but GET, HEAD, OPTIONS) is checked
 * here too, so each write route gets the checks by calling this one helper: a token needs
 * the `read-write` scope, and a cookie needs the request to come from our own pages (an
 * `Origin` of this site: SameSite=Lax alone still lets a sibling subdomain post).
 */
export async function authenticateApiRequest(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await authenticate(request);
  if (!user) throw new UnauthenticatedError();
  if (!can(user, permission)) throw new ForbiddenError();
  return user;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authenticate(request: Request): Promise<SessionUser | null> {
  const isWrite = !SAFE_METHODS.has(request.method.toUpperCase());
  const authorization = request.headers.get('authorization');
  if (authorization) {
    // A request that sends credentials is judged by them alone, never by a cookie too.
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const tokenUser = match ? await findUserByApiToken(match[1]) : null;
    if (!tokenUser) return null;
    if (isWrite && tokenUser.scope !== 'read-write') {
      throw new ForbiddenError('This API token is read-only: make a read-write token to change things.');
    }
    const { id, email, name, role } = tokenUser;
    return { id, email, name, role };
  }
  const claims = await decodeSessionToken(readSessionCookie(parseCookieHeader(request.headers.get('cookie'))));
  const user = await loadSessionUser(claims);
  if (user && isWrite && !isSameOrigin(request)) {
    throw new ForbiddenError('This request did not come from a Casedesk page (Origin check).');
  }
  return user;
}

/**
 * The Origin header names this site: the configured public URL's origin, or, without one,
 * the host the request was sent to. Browsers send Origin with every POST, so a missing one
 * is refused too.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const configured = authUrl();
  if (configured) {
    try {
      return origin === new URL(configured).origin;
    } catch {
      return false;
    }
  }
  const host = request.headers.get('host');
  const protocol = new URL(request.url).protocol;
  return !!host && origin === `${protocol}//${host}`;
}
