import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { CaseBalance, CurrencyTotal } from '@/lib/payments/queries';
import { Money } from './money';

/** Totals of the view, one row per currency: never one grand total across currencies. */
export function CurrencyTotals({ totals }: { totals: CurrencyTotal[] }) {
  const t = useTranslations('payments');
  const format = useFormatter();
  return (
    <Table caption={t('totalsTitle')} data-testid="currency-totals">
      <THead>
        <TR>
          <TH>{t('totals.currency')}</TH>
          <TH className="text-right">{t('totals.payments')}</TH>
          <TH className="text-right">{t('totals.standing')}</TH>
          <TH className="text-right">{t('totals.reconciled')}</TH>
          <TH className="text-right">{t('totals.notReconciled')}</TH>
          <TH className="text-right">{t('totals.deleted')}</TH>
        </TR>
      </THead>
      <TBody>
        {totals.map((total) => (
          <TR key={total.currency}>
            <TH scope="row">{total.currency}</TH>
            <TD className="text-right tabular-nums">{format.number(total.count)}</TD>
            <TD className="text-right">
              <Money minor={total.standingMinor} currency={total.currency} />
            </TD>
            <TD className="text-right">
              <Money minor={total.reconciledMinor} currency={total.currency} />
            </TD>
            <TD className="text-right">
              <Money minor={total.unreconciledMinor} currency={total.currency} />
            </TD>
            <TD className="text-right tabular-nums">{format.number(total.deletedCount)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Paid versus outstanding for the cases in the view, over-payments first. */
export function CaseBalances({
  balances,
}: {
  balances: { rows: CaseBalance[]; total: number; overpaid: number; partial: number };
}) {
  const t = useTranslations('payments');
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {t('balances.summary', { total: balances.total, overpaid: balances.overpaid, partial: balances.partial })}
        {balances.total > balances.rows.length ? ` ${t('balances.showingFirst', { count: balances.rows.length })}` : ''}
      </p>
      <Table caption={t('balancesTitle')} data-testid="case-balances">
        <THead>
          <TR>
            <TH>{t('balances.case')}</TH>
            <TH className="text-right">{t('balances.due')}</TH>
            <TH className="text-right">{t('balances.paid')}</TH>
            <TH className="text-right">{t('balances.outstanding')}</TH>
            <TH>{t('balances.flag')}</TH>
          </TR>
        </THead>
        <TBody>
          {balances.rows.map((row) => (
            <TR key={row.caseId} data-case={row.reference}>
              <TD>
                <Link
                  href={`/payments?case=${encodeURIComponent(row.reference)}`}
                  className="font-medium underline-offset-2 hover:underline"
                >
                  {row.reference}
                </Link>
              </TD>
              <TD className="text-right">
                <Money minor={row.dueMinor} currency={row.currency} />
              </TD>
              <TD className="text-right">
                <Money minor={row.paidMinor} currency={row.currency} />
              </TD>
              <TD className="text-right">
                <Money minor={row.outstandingMinor} currency={row.currency} />
              </TD>
              <TD>
                {row.isOverpaid ? <Badge tone="red">{t('balances.overpaid')}</Badge> : null}
                {row.isPartiallyPaid ? <Badge tone="amber">{t('balances.partlyPaid')}</Badge> : null}
                {!row.isOverpaid && !row.isPartiallyPaid && row.outstandingMinor === 0n ? (
                  <Badge tone="green">{t('balances.paidInFull')}</Badge>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
