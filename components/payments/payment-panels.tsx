import { getTranslations } from 'next-intl/server';
import { useTranslations } from 'next-intl';
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
  const [totals, t] = await Promise.all([paymentTotals(filter), getTranslations('payments')]);
  return totals.length ? (
    <CurrencyTotals totals={totals} />
  ) : (
    <p className="text-sm text-slate-600">{t('noPaymentsInView')}</p>
  );
}

export async function BalancesPanel({ filter }: { filter: PaymentFilter }) {
  const [balances, t] = await Promise.all([caseBalances(filter), getTranslations('payments')]);
  return balances.total ? (
    <CaseBalances balances={balances} />
  ) : (
    <p className="text-sm text-slate-600">{t('noCasesInView')}</p>
  );
}

export function PanelSkeleton() {
  const t = useTranslations('payments');
  return (
    <div className="space-y-2" aria-busy="true" aria-label={t('loading')}>
      <Skeleton className="h-5 w-1/3" />
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-5 w-full" />
    </div>
  );
}
