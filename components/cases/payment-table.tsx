import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatMoney } from '@/lib/cases/format';
import type { PaymentEntry } from '@/lib/cases/queries';
import { recipientLabel } from '@/lib/i18n/vocabulary';

/** Payments against the case; deleted ones stay listed, struck through, for the record. */
export function PaymentTable({
  payments,
  currency,
  locale,
}: {
  payments: PaymentEntry[];
  currency: string | null;
  locale: string;
}) {
  const t = useTranslations('case.payments');
  const vocabulary = useTranslations('vocabulary');
  return (
    <Card title={t('title', { count: payments.length })} id="payments-heading">
      {payments.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <div className="-m-4">
          <Table caption={t('caption')} data-testid="payments">
            <THead>
              <TR>
                <TH>{t('date')}</TH>
                <TH className="text-right">{t('amount')}</TH>
                <TH>{t('recipient')}</TH>
                <TH className="hidden sm:table-cell">{t('method')}</TH>
              </TR>
            </THead>
            <TBody>
              {payments.map((payment) => (
                <TR
                  key={payment.id}
                  data-testid="payment-row"
                  data-deleted={payment.isDeleted ? 'true' : undefined}
                  className={cn(payment.isDeleted && 'text-slate-500')}
                >
                  <TD className="whitespace-nowrap">
                    <span className={cn(payment.isDeleted && 'line-through')}>
                      {payment.date ? <LocalTime value={payment.date} style="date" /> : '—'}
                    </span>
                    {payment.isDeleted ? (
                      <span className="ml-2">
                        <Badge tone="red">{t('deleted')}</Badge>
                      </span>
                    ) : null}
                  </TD>
                  <TD className={cn('text-right whitespace-nowrap tabular-nums', payment.isDeleted && 'line-through')}>
                    {payment.isDeleted ? <span className="sr-only">{t('deletedPrefix')}</span> : null}
                    {formatMoney(payment.amountMinor, payment.currency ?? currency, locale)}
                  </TD>
                  <TD className={cn(payment.isDeleted && 'line-through')}>
                    {recipientLabel(vocabulary, payment.recipient) ?? '—'}
                  </TD>
                  <TD className={cn('hidden sm:table-cell', payment.isDeleted && 'line-through')}>
                    {payment.method ?? '—'}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
