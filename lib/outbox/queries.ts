import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import { db } from '@/lib/db';
import { ACTION_VIEW_SELECT, toActionView, type ActionView } from './view';

/** How many of a case's actions the case page and `GET /api/v1/cases/{reference}` show. */
export const CASE_ACTIONS_LIMIT = 50;

/** A case's actions, newest first (the caller has already checked the viewer may see the case). */
export async function listCaseActions(caseId: string, limit = CASE_ACTIONS_LIMIT): Promise<ActionView[]> {
  const rows = await db.outboundAction.findMany({
    where: { caseId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: ACTION_VIEW_SELECT,
  });
  return rows.map(toActionView);
}

/** One action, for whoever may see its case. */
export async function getAction(viewer: Viewer, actionId: string): Promise<ActionView> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(actionId);
  const row = isUuid
    ? await db.outboundAction.findUnique({
        where: { id: actionId },
        select: { ...ACTION_VIEW_SELECT, case: { select: { assigneeId: true, reference: true } } },
      })
    : null;
  if (!row) throw new NotFoundError(`No action ${actionId}.`);
  if (!canViewCase(viewer, row.case.assigneeId))
    throw new ForbiddenError('This case is assigned to another collector.');
  return toActionView(row);
}
