'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { recordPaymentAction, type ActionFormState } from '@/lib/case-actions/form-actions';
import { COMMISSION_STATUSES, PAYMENT_RECIPIENTS } from '@/lib/case-actions/schemas';
import { parseAmountInput } from '@/lib/money/currency';
import { ActionField, fieldProps, FormStatus } from './form-parts';
import { useActionForm } from './use-action-form';

const FORM = 'payment';

/** Does the typed amount settle what is outstanding (payments on their way included)? Only then may it close the case. */
function settles(typed: string, currency: string, remainingMinor: string | null): boolean {
  if (remainingMinor === null) return false;
  try {
    return parseAmountInput(typed, currency) >= BigInt(remainingMinor);
  } catch {
    return false;
  }
}

/** The fields a payment has, for recording one and for editing one. */
export function PaymentFields({
  form,
  state,
  currency,
  today,
  initial,
  onAmount,
}: {
  form: string;
  state: ActionFormState;
  currency: string;
  today: string;
  initial?: { date: string; amount: string; recipient: string };
  onAmount?: (typed: string) => void;
}) {
  const t = useTranslations('actions.payment');
  const vocabulary = useTranslations('vocabulary');
  const [recipient, setRecipient] = useState(initial?.recipient ?? 'CollectionPartner');
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <ActionField form={form} name="date" label={t('date')} state={state}>
          <Input
            {...fieldProps(form, 'date', state)}
            type="date"
            max={today}
            defaultValue={initial?.date ?? today}
            required
          />
        </ActionField>
        <ActionField form={form} name="amount" label={t('amount', { currency })} hint={t('amountHint')} state={state}>
          <Input
            {...fieldProps(form, 'amount', state, true)}
            inputMode="decimal"
            required
            defaultValue={initial?.amount}
            onChange={(event) => onAmount?.(event.target.value)}
          />
        </ActionField>
        <ActionField form={form} name="recipient" label={t('recipient')} state={state}>
          <Select
            {...fieldProps(form, 'recipient', state)}
            value={recipient}
            onChange={(event) => setRecipient(event.target.value)}
            options={PAYMENT_RECIPIENTS.map((value) => ({ value, label: vocabulary(`recipient.${value}`) }))}
          />
        </ActionField>
      </div>
      {recipient === 'Creditor' ? (
        <ActionField
          form={form}
          name="commissionStatus"
          label={t('commission')}
          hint={t('commissionHint')}
          state={state}
        >
          <Select
            {...fieldProps(form, 'commissionStatus', state, true)}
            defaultValue=""
            options={[
              { value: '', label: t('choose') },
              ...COMMISSION_STATUSES.map((value) => ({ value, label: t(`commissionStatus.${value}`) })),
            ]}
          />
        </ActionField>
      ) : null}
    </>
  );
}

/** Record what the debtor paid; "close as Paid" only when it settles what is outstanding. */
export function PaymentForm({
  reference,
  currency,
  today,
  remainingMinor,
}: {
  reference: string;
  currency: string;
  today: string;
  /** Still owed after confirmed and on-their-way payments, minor units; null when the amount is unknown. */
  remainingMinor: string | null;
}) {
  const t = useTranslations('actions.payment');
  const { ref, state, isPending, onSubmit } = useActionForm(recordPaymentAction.bind(null, reference));
  const [typed, setTyped] = useState('');
  const canClose = settles(typed, currency, remainingMinor);
  return (
    <form
      ref={ref}
      onSubmit={onSubmit}
      onReset={() => setTyped('')}
      noValidate
      className="space-y-3"
      aria-label={t('title')}
    >
      <PaymentFields form={FORM} state={state} currency={currency} today={today} onAmount={setTyped} />
      {canClose ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="closeCase" className="h-4 w-4" />
          {t('closeAsPaid')}
        </label>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {t('submit')}
        </Button>
        <FormStatus id="payment-status" state={state} stored={t('stored')} />
      </div>
    </form>
  );
}
