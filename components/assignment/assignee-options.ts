import type { SelectOption } from '@/components/ui/select';
import type { Assignee } from '@/lib/assignment/queries';

/**
 * Collectors first by name; managers and admins who also take cases say so, with their role
 * in the reader's language (`roleLabel`).
 */
export function assigneeOptions(
  assignees: Assignee[],
  emptyLabel: string,
  roleLabel: (role: string) => string,
): SelectOption[] {
  return [
    { value: '', label: emptyLabel },
    ...assignees.map((user) => ({
      value: user.id,
      label: user.role === 'collector' ? user.name : `${user.name} (${roleLabel(user.role)})`,
    })),
  ];
}
