'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { ActionState } from '@/app/(app)/payments/actions';
import { Button } from '@/components/ui/button';

export const REGISTER_FORM_ID = 'register-bank-lines';

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionState> };

/** Registers the selected lines at once; the row checkboxes join this form by their `form` attribute. */
export function RegisterBar({ action }: Props) {
  const t = useTranslations('payments.register');
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' });
  const statusId = useId();
  return (
    <form id={REGISTER_FORM_ID} action={formAction} aria-label={t('bulkLabel')} className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" onChange={(event) => toggleAll(event.currentTarget.checked)} className="size-4" />
          {t('selectAll')}
        </label>
        <Button type="submit" disabled={isPending} aria-describedby={statusId}>
          {isPending ? t('registering') : t('registerSelected')}
        </Button>
      </div>
      <p
        id={statusId}
        role="status"
        className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-green-800'}`}
      >
        {state.message}
      </p>
    </form>
  );
}

function toggleAll(checked: boolean) {
  for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${REGISTER_FORM_ID}"]`))
    box.checked = checked;
}
