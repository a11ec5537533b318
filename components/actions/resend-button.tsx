'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { resendActionAction } from '@/lib/case-actions/form-actions';
import type { Resend } from '@/lib/case-actions/resend';
import { ConfirmButton } from './confirm-dialog';
import { FormStatus } from './form-parts';
import { useActionForm } from './use-action-form';

/**
 * Send a failed action again: plainly after Debitura could not be reached, or, after Debitura
 * asked for a confirmation (its 409), only once the person has confirmed in a dialog.
 */
export function ResendButton({
  reference,
  actionId,
  how,
  question,
}: {
  reference: string;
  actionId: string;
  how: Resend;
  /** What Debitura asked, in the reader's words, for the dialog. */
  question?: string;
}) {
  const t = useTranslations('actions.list');
  const { ref, state, isPending, onSubmit } = useActionForm(
    resendActionAction.bind(null, { reference, actionId, how }),
  );
  return (
    <form ref={ref} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={t(how)}>
      {how === 'confirm' ? (
        <ConfirmButton
          label={t('confirm')}
          title={t('confirmTitle')}
          body={question}
          confirmLabel={t('confirmSend')}
          disabled={isPending}
          variant="primary"
          onConfirm={() => ref.current?.requestSubmit()}
        />
      ) : (
        <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
          {t('retry')}
        </Button>
      )}
      <FormStatus id={`resend-${actionId}`} state={state} stored={t('resent')} />
    </form>
  );
}
