'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { progressNoteAction } from '@/lib/case-actions/form-actions';
import { MAX_NOTE } from '@/lib/case-actions/schemas';
import { ActionField, fieldProps, FormStatus } from './form-parts';
import { useActionForm } from './use-action-form';

const FORM = 'progress';

/**
 * A progress note to Debitura: shared with the creditor and counted for Debitura's monthly
 * update. Set apart (and worded apart) from the internal note in the case-work panel, which
 * never leaves Casedesk.
 */
export function ProgressNoteForm({ reference, today }: { reference: string; today: string }) {
  const t = useTranslations('actions.note');
  const { ref, state, isPending, onSubmit } = useActionForm(progressNoteAction.bind(null, reference));
  return (
    <form
      ref={ref}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3"
      aria-label={t('title')}
    >
      <p className="text-xs text-slate-700">{t('shared')}</p>
      <ActionField form={FORM} name="text" label={t('text')} state={state}>
        <Textarea {...fieldProps(FORM, 'text', state)} rows={4} required maxLength={MAX_NOTE} />
      </ActionField>
      <ActionField form={FORM} name="eventDate" label={t('eventDate')} hint={t('eventDateHint')} state={state}>
        <Input {...fieldProps(FORM, 'eventDate', state, true)} type="date" max={today} className="sm:w-48" />
      </ActionField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {t('submit')}
        </Button>
        <FormStatus id="progress-status" state={state} stored={t('stored')} />
      </div>
    </form>
  );
}
