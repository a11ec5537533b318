import { listAssignees } from '@/lib/assignment/queries';
import { can } from '@/lib/auth/permissions';
import { BulkAssign } from './bulk-assign';

/**
 * For the /cases list: renders the bulk-assign bar for users who may assign (managers,
 * admins) and nothing for anyone else. Rows add <CaseCheckbox> when `canAssign(user)`.
 */
export async function BulkAssignBar({ user }: { user: { role: string } }) {
  if (!can(user, 'cases:assign')) return null;
  return <BulkAssign assignees={await listAssignees()} />;
}

export function canAssign(user: { role: string }): boolean {
  return can(user, 'cases:assign');
}
