'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { assignCasesAction, type AssignState } from '@/lib/assignment/actions';
import type { Assignee } from '@/lib/assignment/queries';
import { assigneeOptions } from './assignee-options';
import { BULK_ASSIGN_FORM_ID } from './form-id';

const selector = `input[type=checkbox][name=caseId][form="${BULK_ASSIGN_FORM_ID}"]`;

/**
 * Assign or unassign the cases ticked in the list, in one transaction (lib/assignment).
 * The ticks are the rows' CaseCheckbox inputs, joined to this form by its id.
 */
export function BulkAssign({ assignees }: { assignees: Assignee[] }) {
  const t = useTranslations('assignment');
  const tCommon = useTranslations('common');
  const [state, formAction, isPending] = useActionState<AssignState, FormData>(assignCasesAction, { status: 'idle' });
  const [selected, setSelected] = useState(0);
  const selectId = useId();
  const statusId = useId();

  function count() {
    setSelected(document.querySelectorAll<HTMLInputElement>(`${selector}:checked`).length);
  }

  // The row checkboxes sit outside the <form> element (they join it by attribute), so their
  // change events bubble to the document, not to the form.
  useEffect(() => {
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.matches(selector)) count();
    };
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, []);

  function toggleAll(checked: boolean) {
    for (const box of document.querySelectorAll<HTMLInputElement>(selector)) box.checked = checked;
    count();
  }

  return (
    <form
      id={BULK_ASSIGN_FORM_ID}
      action={formAction}
      onReset={() => setSelected(0)}
      aria-label={t('bulk.label')}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm"
      data-testid="bulk-assign"
    >
      <label className="flex items-center gap-2">
        <input type="checkbox" onChange={(event) => toggleAll(event.currentTarget.checked)} className="size-4" />
        {t('bulk.selectAll')}
      </label>
      <span className="text-slate-600" aria-live="polite">
        {t('bulk.selected', { count: selected })}
      </span>
      <label htmlFor={selectId} className="font-medium">
        {t('bulk.assignTo')}
      </label>
      <Select
        id={selectId}
        name="assigneeId"
        options={assigneeOptions(assignees, t('nobody'), (role) => tCommon(`role.${role}`))}
        className="w-auto"
        aria-describedby={statusId}
      />
      <Button type="submit" size="sm" disabled={isPending}>
        {isPending ? t('saving') : t('bulk.apply')}
      </Button>
      <span id={statusId} role="status" className={state.status === 'error' ? 'text-red-700' : 'text-green-800'}>
        {state.message}
      </span>
    </form>
  );
}
