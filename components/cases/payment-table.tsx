import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatMoney } from '@/lib/cases/format';
import type { PaymentEntry } from '@/lib/cases/queries';
import { englishVocabulary, recipientLabel } from '@/lib/i18n/vocabulary';

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
  return (
    <Card title={`Payments (${payments.length})`} id="payments-heading">
      {payments.length === 0 ? (
        <p className="text-sm text-slate-600">No payments recorded.</p>
      ) : (
        <div className="-m-4">
          <Table caption="Payments" data-testid="payments">
            <THead>
              <TR>
                <TH>Date</TH>
                <TH className="text-right">Amount</TH>
                <TH>Recipient</TH>
                <TH className="hidden sm:table-cell">Method</TH>
              </TR>
            </THead>
            <TBody>
              {payments.map((payment) => (
                <TR
                  key={payment.id}
                  data-testid="payment-row"
                  data-deleted={payment.isDeleted ? 'true' : undefined}
                  className={cn(payment.isDeleted && 'text-slate-400')}
                >
                  <TD className="whitespace-nowrap">
                    <span className={cn(payment.isDeleted && 'line-through')}>
                      {payment.date ? <LocalTime value={payment.date} style="date" /> : '—'}
                    </span>
                    {payment.isDeleted ? (
                      <span className="ml-2">
                        <Badge tone="red">Deleted</Badge>
                      </span>
                    ) : null}
                  </TD>
                  <TD className={cn('text-right whitespace-nowrap tabular-nums', payment.isDeleted && 'line-through')}>
                    {payment.isDeleted ? <span className="sr-only">Deleted: </span> : null}
                    {formatMoney(payment.amountMinor, payment.currency ?? currency, locale)}
                  </TD>
                  <TD className={cn(payment.isDeleted && 'line-through')}>
                    {recipientLabel(englishVocabulary, payment.recipient) ?? '—'}
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
