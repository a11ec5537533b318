import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { BalancesPanel, PanelSkeleton, TotalsPanel } from '@/components/payments/payment-panels';
import { PaymentFilters } from '@/components/payments/payment-filters';
import { PaymentTable } from '@/components/payments/payment-table';
import { ReconcileBar } from '@/components/payments/reconcile-bar';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalTime } from '@/components/ui/local-time';
import { listAssignees } from '@/lib/assignment/queries';
import { requirePermission } from '@/lib/auth/session';
import { paymentSearchParams, parsePaymentQuery } from '@/lib/payments/filters';
import { listImports } from '@/lib/payments/import-queries';
import { listPayments } from '@/lib/payments/queries';
import { reconcilePaymentsAction } from './actions';

export const metadata: Metadata = { title: 'Payments' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentsPage({ searchParams }: Props) {
  await requirePermission('payments:reconcile');
  const { query, ignored } = parsePaymentQuery(await searchParams);
  const filter = { ...query, limit: undefined, cursor: undefined };
  const [page, assignees, imports] = await Promise.all([listPayments(query), listAssignees(), listImports(5)]);
  const filterParams = paymentSearchParams(filter);
  const panelKey = filterParams.toString() || 'all';
  const exportHref = `/payments/export${filterParams.size ? `?${filterParams}` : ''}`;
  const nextHref = page.nextCursor ? `/payments?${paymentSearchParams({ ...query, cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Payments</h1>
          <p className="text-sm text-slate-600">
            Every payment Debitura reported, matched against the bank and reconciled.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/payments/import" variant="primary">
            Import bank statement
          </ButtonLink>
          <ButtonLink href={exportHref} prefetch={false} download>
            Export CSV
          </ButtonLink>
        </div>
      </div>

      {ignored.length ? (
        <Alert tone="warning">Ignored filters that did not make sense: {ignored.join(', ')}.</Alert>
      ) : null}
      <PaymentFilters filter={filter} assignees={assignees} />

      <Card title="Totals per currency" id="totals-heading">
        <Suspense key={panelKey} fallback={<PanelSkeleton />}>
          <TotalsPanel filter={filter} />
        </Suspense>
      </Card>

      <section aria-labelledby="payments-heading" className="space-y-3">
        <h2 id="payments-heading" className="text-lg font-semibold">
          Payments {query.cursor ? <span className="text-sm font-normal text-slate-500">(later page)</span> : null}
        </h2>
        {page.items.length ? (
          <>
            <ReconcileBar action={reconcilePaymentsAction} />
            <PaymentTable rows={page.items} />
            <nav aria-label="Pages" className="flex gap-2">
              {query.cursor ? <ButtonLink href={`/payments?${filterParams}`}>First page</ButtonLink> : null}
              {nextHref ? <ButtonLink href={nextHref}>Next page</ButtonLink> : null}
            </nav>
          </>
        ) : (
          <EmptyState
            title="No payments match these filters"
            action={<ButtonLink href="/payments">Clear the filters</ButtonLink>}
          >
            Payments arrive from Debitura by webhook; widen the date range or choose another status.
          </EmptyState>
        )}
      </section>

      <Card title="Paid versus outstanding per case" id="balances-heading">
        <Suspense key={panelKey} fallback={<PanelSkeleton />}>
          <BalancesPanel filter={filter} />
        </Suspense>
      </Card>

      <Card
        title="Bank statements"
        id="imports-heading"
        actions={
          <Link href="/payments/import" className="text-sm underline">
            Import another
          </Link>
        }
      >
        {imports.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {imports.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/payments/imports/${item.id}`} className="font-medium underline-offset-2 hover:underline">
                  {item.fileName ?? 'Statement'}
                </Link>
                <span className="text-slate-600">
                  <LocalTime value={item.importedAt} /> by {item.importedByName ?? 'a former user'} · {item.lineCount}{' '}
                  lines · {item.open ? <strong className="text-amber-800">{item.open} to check</strong> : 'all handled'}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            No bank statement imported yet. Import one to match the bank’s lines to these payments.
          </p>
        )}
      </Card>
    </div>
  );
}
