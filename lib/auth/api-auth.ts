import { loadSessionUser } from '@/lib/auth/active-user';
import { can, type Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { decodeSessionToken, parseCookieHeader, readSessionCookie } from '@/lib/auth/session-token';
import { findUserByApiToken } from '@/lib/auth/tokens';
import { ForbiddenError, UnauthenticatedError } from '@/lib/api/errors';

/**
 * For route handlers of the JSON API: the caller, by `Authorization: Bearer <token>`
 * (an API token) or, for the browser's own SWR calls, the next-auth session cookie.
 * Throws UnauthenticatedError (401) or ForbiddenError (403); map with toErrorResponse.
 */
export async function authenticateApiRequest(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await authenticate(request);
  if (!user) throw new UnauthenticatedError();
  if (!can(user, permission)) throw new ForbiddenError();
  return user;
}

async function authenticate(request: Request): Promise<SessionUser | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    // A request that sends credentials is judged by them alone, never by a cookie too.
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? findUserByApiToken(match[1]) : null;
  }
  const claims = await decodeSessionToken(readSessionCookie(parseCookieHeader(request.headers.get('cookie'))));
  return loadSessionUser(claims);
}
