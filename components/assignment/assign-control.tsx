'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { assignCasesAction, type AssignState } from '@/lib/assignment/actions';
import type { Assignee } from '@/lib/assignment/queries';
import { assigneeOptions } from './assignee-options';

/** The case page's assignee control (managers): pick a collector, or nobody. */
export function AssignControl({
  caseId,
  assigneeId,
  assignees,
}: {
  caseId: string;
  assigneeId: string | null;
  assignees: Assignee[];
}) {
  const t = useTranslations('assignment');
  const tCommon = useTranslations('common');
  const [state, formAction, isPending] = useActionState<AssignState, FormData>(assignCasesAction, { status: 'idle' });
  const selectId = useId();
  const statusId = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm" data-testid="assign-control">
      <input type="hidden" name="caseId" value={caseId} />
      <label htmlFor={selectId} className="font-medium">
        {t('assignee')}
      </label>
      <Select
        id={selectId}
        name="assigneeId"
        defaultValue={assigneeId ?? ''}
        options={assigneeOptions(assignees, t('unassigned'), (role) => tCommon(`role.${role}`))}
        className="w-auto"
        aria-describedby={statusId}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
        {isPending ? t('saving') : t('save')}
      </Button>
      <span id={statusId} role="status" className={state.status === 'error' ? 'text-red-700' : 'text-green-800'}>
        {state.message}
      </span>
    </form>
  );
}
