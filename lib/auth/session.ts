import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionUser, type ActiveUser } from '@/lib/auth/active-user';
import { PATHNAME_HEADER } from '@/lib/auth/pathname';
import { can, type Permission } from '@/lib/auth/permissions';
import { decodeSessionToken, readSessionCookie } from '@/lib/auth/session-token';

export type SessionUser = ActiveUser;

/**
 * The signed-in user for server components and server actions, or null. Reads the
 * next-auth session cookie, then the database (see loadSessionUser), once per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const cookieStore = await cookies();
  const claims = await decodeSessionToken(readSessionCookie(cookieStore.getAll()));
  return loadSessionUser(claims);
});

/**
 * For pages and actions: the signed-in user holding `permission`. Signed out → the
 * sign-in page (coming back here afterwards); lacking the permission → the 403 page.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireSessionUser();
  if (!can(user, permission)) forbidden();
  return user;
}

/** Any signed-in user; signed out → the sign-in page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInUrl());
  return user;
}

async function signInUrl(): Promise<string> {
  const path = (await headers()).get(PATHNAME_HEADER);
  // Only same-site paths: never an absolute URL from a header.
  const callbackUrl = path && path.startsWith('/') && !path.startsWith('//') ? path : '/';
  return `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
