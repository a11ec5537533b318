'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { deletePaymentAction, editPaymentAction } from '@/lib/case-actions/form-actions';
import { ConfirmButton } from './confirm-dialog';
import { FormStatus } from './form-parts';
import { PaymentFields } from './payment-form';
import { useActionForm } from './use-action-form';

export type ChangeablePayment = {
  /** Debitura's payment id. */
  id: string;
  /** Date, amount and recipient as the reader reads them. */
  label: string;
  date: string;
  /** In major units, as typed (125.50). */
  amount: string;
  recipient: string;
};

/** Correct or delete a payment at Debitura: each row's own edit form and a confirmed delete. */
export function PaymentChanges({
  reference,
  currency,
  today,
  payments,
}: {
  reference: string;
  currency: string;
  today: string;
  payments: ChangeablePayment[];
}) {
  const t = useTranslations('actions.payment');
  if (!payments.length) return null;
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">{t('changeHint')}</p>
      <ul className="divide-y divide-slate-100">
        {payments.map((payment) => (
          <PaymentRow key={payment.id} reference={reference} currency={currency} today={today} payment={payment} />
        ))}
      </ul>
    </div>
  );
}

function PaymentRow({
  reference,
  currency,
  today,
  payment,
}: {
  reference: string;
  currency: string;
  today: string;
  payment: ChangeablePayment;
}) {
  const t = useTranslations('actions.payment');
  const target = { reference, paymentId: payment.id };
  const form = `edit-${payment.id}`.replace(/[^A-Za-z0-9_-]/g, '');
  const {
    ref: editRef,
    state: editState,
    isPending: isEditing,
    onSubmit: onEdit,
  } = useActionForm(editPaymentAction.bind(null, target), { keepValues: true });
  const {
    ref: removeRef,
    state: removeState,
    isPending: isRemoving,
    onSubmit: onRemove,
  } = useActionForm(deletePaymentAction.bind(null, target));
  return (
    <li className="space-y-2 py-2 text-sm" data-testid="changeable-payment">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 flex-1">{payment.label}</span>
        <ConfirmButton
          label={t('delete')}
          title={t('deleteTitle')}
          body={t('deleteBody', { payment: payment.label })}
          confirmLabel={t('deleteConfirm')}
          variant="danger"
          disabled={isRemoving}
          onConfirm={() => removeRef.current?.requestSubmit()}
        />
        <form ref={removeRef} onSubmit={onRemove} className="contents" aria-label={t('delete')}>
          <FormStatus id={`${form}-delete-status`} state={removeState} stored={t('deleteStored')} />
        </form>
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t('edit')}</summary>
        <form ref={editRef} onSubmit={onEdit} noValidate className="mt-2 space-y-3" aria-label={t('edit')}>
          <PaymentFields
            form={form}
            state={editState}
            currency={currency}
            today={today}
            initial={{ date: payment.date, amount: payment.amount, recipient: payment.recipient }}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" size="sm" disabled={isEditing}>
              {t('saveChange')}
            </Button>
            <FormStatus id={`${form}-status`} state={editState} stored={t('changeStored')} />
          </div>
        </form>
      </details>
    </li>
  );
}
