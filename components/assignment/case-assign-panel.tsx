import { listAssignees } from '@/lib/assignment/queries';
import { can } from '@/lib/auth/permissions';
import { AssignControl } from './assign-control';

/** For the case page: the assign control for managers and admins, nothing for others. */
export async function CaseAssignPanel({
  user,
  caseId,
  assigneeId,
}: {
  user: { role: string };
  caseId: string;
  assigneeId: string | null;
}) {
  if (!can(user, 'cases:assign')) return null;
  return <AssignControl caseId={caseId} assigneeId={assigneeId} assignees={await listAssignees()} />;
}
