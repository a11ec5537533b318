'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { ActionState } from '@/app/(app)/payments/actions';
import { Button } from '@/components/ui/button';
import { BulkStatus, SelectAllRows } from '@/components/ui/bulk-form';
import { Textarea } from '@/components/ui/input';

export const RECONCILE_FORM_ID = 'reconcile-payments';

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionState> };

/**
 * The bulk reconcile form. The row checkboxes live in the table and join this form through
 * their `form` attribute, so the table stays a server component.
 */
export function ReconcileBar({ action }: Props) {
  const t = useTranslations('payments.reconcile');
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' });
  const noteId = useId();
  const statusId = useId();
  return (
    <form
      id={RECONCILE_FORM_ID}
      action={formAction}
      aria-label={t('label')}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-end gap-3">
        <SelectAllRows formId={RECONCILE_FORM_ID} label={t('selectAll')} />
        <div className="min-w-64 flex-1">
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
            {t('note')} <span className="font-normal text-slate-500">{t('noteHint')}</span>
          </label>
          <Textarea
            id={noteId}
            name="note"
            rows={1}
            maxLength={1000}
            placeholder={t('notePlaceholder')}
            aria-describedby={statusId}
          />
        </div>
        <Button type="submit" name="intent" value="reconcile" disabled={isPending}>
          {isPending ? t('saving') : t('mark')}
        </Button>
        <Button type="submit" name="intent" value="unreconcile" variant="secondary" disabled={isPending}>
          {t('undo')}
        </Button>
      </div>
      <BulkStatus id={statusId} state={state} />
    </form>
  );
}
