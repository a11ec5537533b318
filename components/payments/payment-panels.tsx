import { Skeleton } from '@/components/ui/skeleton';
import type { PaymentFilter } from '@/lib/payments/filters';
import { caseBalances, paymentTotals } from '@/lib/payments/queries';
import { CaseBalances, CurrencyTotals } from './payment-summaries';

/**
 * The two aggregate panels of /payments. Each reads every payment in the filter (about half
 * a second at 200,000 payments on a busy two-core machine), so each streams in behind its
 * own Suspense boundary instead of holding up the list.
 */

export async function TotalsPanel({ filter }: { filter: PaymentFilter }) {
  const totals = await paymentTotals(filter);
  return totals.length ? (
    <CurrencyTotals totals={totals} />
  ) : (
    <p className="text-sm text-slate-600">No payments in this view.</p>
  );
}

export async function BalancesPanel({ filter }: { filter: PaymentFilter }) {
  const balances = await caseBalances(filter);
  return balances.total ? (
    <CaseBalances balances={balances} />
  ) : (
    <p className="text-sm text-slate-600">No cases with payments in this view.</p>
  );
}

export function PanelSkeleton() {
  return (
    <div className="space-y-2" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-5 w-1/3" />
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-5 w-full" />
    </div>
  );
}
