'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { feesAction } from '@/lib/case-actions/form-actions';
import { ActionField, fieldProps, FormStatus } from './form-parts';
import { useActionForm } from './use-action-form';

const FORM = 'fees';
const FEES = ['interestFees', 'reminderFees', 'collectionFees'] as const;
export type FeeValues = Record<(typeof FEES)[number], string>;

/** Replace the case's three fees at Debitura (all three are sent: each replaces the current one). */
export function FeesForm({
  reference,
  currency,
  current,
}: {
  reference: string;
  currency: string;
  current: FeeValues;
}) {
  const t = useTranslations('actions.fees');
  const { ref, state, isPending, onSubmit } = useActionForm(feesAction.bind(null, reference), { keepValues: true });
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('title')}>
      <p className="text-xs text-slate-600">{t('hint', { currency })}</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {FEES.map((fee) => (
          <ActionField key={fee} form={FORM} name={fee} label={t(fee, { currency })} state={state}>
            <Input {...fieldProps(FORM, fee, state)} inputMode="decimal" required defaultValue={current[fee]} />
          </ActionField>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {t('submit')}
        </Button>
        <FormStatus id="fees-status" state={state} stored={t('stored')} />
      </div>
    </form>
  );
}
