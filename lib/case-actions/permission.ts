import { can } from '@/lib/auth/permissions';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';

/**
 * Who may act on a case (accept, payments, close, notes, fees), for the JSON API and the case
 * page alike: the `cases:act` permission on a case the user may read, so a collector on their
 * own and unassigned cases, managers and admins on all.
 */
export function canActOnCase(viewer: Viewer, assigneeId: string | null): boolean {
  return can(viewer, 'cases:act') && canViewCase(viewer, assigneeId);
}
