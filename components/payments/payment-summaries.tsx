import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { CaseBalance, CurrencyTotal } from '@/lib/payments/queries';
import { Money } from './money';

/** Totals of the view, one row per currency: never one grand total across currencies. */
export function CurrencyTotals({ totals }: { totals: CurrencyTotal[] }) {
  return (
    <Table caption="Totals per currency" data-testid="currency-totals">
      <THead>
        <TR>
          <TH>Currency</TH>
          <TH className="text-right">Payments</TH>
          <TH className="text-right">Standing</TH>
          <TH className="text-right">Reconciled</TH>
          <TH className="text-right">Not yet reconciled</TH>
          <TH className="text-right">Deleted</TH>
        </TR>
      </THead>
      <TBody>
        {totals.map((total) => (
          <TR key={total.currency}>
            <TH scope="row">{total.currency}</TH>
            <TD className="text-right tabular-nums">{total.count}</TD>
            <TD className="text-right">
              <Money minor={total.standingMinor} currency={total.currency} />
            </TD>
            <TD className="text-right">
              <Money minor={total.reconciledMinor} currency={total.currency} />
            </TD>
            <TD className="text-right">
              <Money minor={total.unreconciledMinor} currency={total.currency} />
            </TD>
            <TD className="text-right tabular-nums">{total.deletedCount}</TD>
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
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {balances.total} case{balances.total === 1 ? '' : 's'} with payments in this view: {balances.overpaid}{' '}
        over-paid, {balances.partial} partly paid.
        {balances.total > balances.rows.length ? ` Showing the first ${balances.rows.length}.` : ''}
      </p>
      <Table caption="Paid versus outstanding per case" data-testid="case-balances">
        <THead>
          <TR>
            <TH>Case</TH>
            <TH className="text-right">Due</TH>
            <TH className="text-right">Paid</TH>
            <TH className="text-right">Outstanding</TH>
            <TH>Flag</TH>
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
                {row.isOverpaid ? <Badge tone="red">Over-paid</Badge> : null}
                {row.isPartiallyPaid ? <Badge tone="amber">Partly paid</Badge> : null}
                {!row.isOverpaid && !row.isPartiallyPaid && row.outstandingMinor === 0n ? (
                  <Badge tone="green">Paid in full</Badge>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
