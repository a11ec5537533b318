import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { recipientLabel } from '@/lib/i18n/vocabulary';
import type { PaymentRow } from '@/lib/payments/queries';
import { Money } from './money';
import { RECONCILE_FORM_ID } from './reconcile-bar';
import { ReconciliationBadge } from './status-badge';

/** Every payment in the view; deleted ones struck through. Checkboxes join the reconcile form. */
export function PaymentTable({ rows }: { rows: PaymentRow[] }) {
  const t = useTranslations('payments');
  const vocabulary = useTranslations('vocabulary');
  return (
    <Table caption={t('listTitle')} data-testid="payment-table">
      <THead>
        <TR>
          <TH>
            <span className="sr-only">{t('table.select')}</span>
          </TH>
          <TH>{t('table.date')}</TH>
          <TH>{t('table.case')}</TH>
          <TH className="text-right">{t('table.amount')}</TH>
          <TH>{t('table.recipient')}</TH>
          <TH>{t('table.status')}</TH>
          <TH>{t('table.reconciled')}</TH>
          <TH>{t('table.bankLine')}</TH>
          <TH>{t('table.collector')}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR
            key={row.id}
            data-payment-id={row.debituraPaymentId}
            className={row.isDeleted ? 'bg-slate-50 text-slate-500' : undefined}
          >
            <TD>
              <input
                type="checkbox"
                name="paymentId"
                value={row.id}
                form={RECONCILE_FORM_ID}
                aria-label={t('table.selectPayment', { payment: row.debituraPaymentId, reference: row.caseReference })}
                className="size-4"
              />
            </TD>
            <TD className="whitespace-nowrap">{row.date ? <LocalTime value={row.date} style="date" /> : '—'}</TD>
            <TD>
              <Link
                href={`/cases/${encodeURIComponent(row.caseReference)}`}
                className="font-medium underline-offset-2 hover:underline"
              >
                {row.caseReference}
              </Link>
              <div className="text-xs text-slate-500">{row.debituraPaymentId}</div>
            </TD>
            <TD className="text-right whitespace-nowrap">
              <Money
                minor={row.amountMinor}
                currency={row.currency}
                className={row.isDeleted ? 'line-through' : undefined}
              />
              {row.isDeleted ? <div className="text-xs text-red-700">{t('table.deletedByDebitura')}</div> : null}
            </TD>
            <TD>{recipientLabel(vocabulary, row.recipient) ?? '—'}</TD>
            <TD>
              <ReconciliationBadge status={row.status} />
            </TD>
            <TD className="min-w-40 text-xs">
              {row.reconciledAt ? (
                <>
                  <LocalTime value={row.reconciledAt} />{' '}
                  {t('table.reconciledBy', { name: row.reconciledByName ?? t('formerUser') })}
                </>
              ) : null}
              {row.reconcileNote ? <div className="text-slate-600 italic">“{row.reconcileNote}”</div> : null}
            </TD>
            <TD className="max-w-56 text-xs">
              {row.bankLine ? (
                <>
                  <LocalTime value={row.bankLine.date} style="date" />
                  <div className="truncate text-slate-600" title={row.bankLine.reference}>
                    {row.bankLine.reference}
                  </div>
                </>
              ) : (
                '—'
              )}
            </TD>
            <TD>{row.assigneeName ?? <span className="text-slate-500">{t('table.unassigned')}</span>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
