import { loadSessionUser, type ActiveUser } from '@/lib/auth/active-user';
import { can, type Permission } from '@/lib/auth/permissions';
import type { SessionClaims } from '@/lib/auth/session-token';
import { mayOpenCase } from '@/lib/cases/case-detail';
import { decodeRouteParam } from '@/lib/routing/route-param';

/**
 * Which pages a signed-in person is refused, decided by the proxy before the page renders.
 * A page that calls forbidden() itself can only answer with Next's empty error document (its
 * notice is drawn by JavaScript; blank without it), and Next drops the status of a rewrite,
 * so the proxy answers these itself: status 403 and the notice in the HTML
 * (access-denied-page.ts). The pages and their actions still check for themselves: this is
 * the first check, not the only one.
 */
export const AREA_PERMISSIONS: readonly { prefix: string; permission: Permission }[] = [
  { prefix: '/admin', permission: 'deliveries:read' },
  { prefix: '/payments', permission: 'payments:reconcile' },
  { prefix: '/reports', permission: 'reports:read' },
  { prefix: '/team', permission: 'cases:assign' },
];

/** The person refused this page, or null when they may open it (or the page decides: signed out, unknown). */
export async function refusedUser(claims: SessionClaims, url: URL): Promise<ActiveUser | null> {
  const area = AREA_PERMISSIONS.find(({ prefix }) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  const caseReference = /^\/cases\/([^/]+)$/.exec(url.pathname)?.[1];
  const queueOf = url.pathname === '/queue' ? url.searchParams.get('user')?.trim().toLowerCase() : undefined;
  if (!area && !caseReference && !queueOf) return null; // most pages: no database read here

  const user = await loadSessionUser(claims);
  if (!user) return null; // the page itself sends them to sign in
  if (area && !can(user, area.permission)) return user;
  if (caseReference && !(await mayOpenCase(user, decodeRouteParam(caseReference)))) return user;
  // Another person's queue is for managers (lib/work/queue.ts resolveQueueSubject).
  if (queueOf && queueOf !== user.email.toLowerCase() && !can(user, 'cases:read-all')) return user;
  return null;
}
