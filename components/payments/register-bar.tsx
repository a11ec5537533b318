'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import type { ActionState } from '@/app/(app)/payments/actions';
import { Button } from '@/components/ui/button';
import { BulkStatus, SelectAllRows } from '@/components/ui/bulk-form';

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
        <SelectAllRows formId={REGISTER_FORM_ID} label={t('selectAll')} />
        <Button type="submit" disabled={isPending} aria-describedby={statusId}>
          {isPending ? t('registering') : t('registerSelected')}
        </Button>
      </div>
      <BulkStatus id={statusId} state={state} />
    </form>
  );
}
