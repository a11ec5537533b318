import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Suspense } from 'react';
import { BalancesPanel, PanelSkeleton, TotalsPanel } from '@/components/payments/payment-panels';
import { PaymentFilters } from '@/components/payments/payment-filters';
import { PaymentTable } from '@/components/payments/payment-table';
import { ReconcileBar } from '@/components/payments/reconcile-bar';
import { RegisterLines } from '@/components/payments/register-lines';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalTime } from '@/components/ui/local-time';
import { listAssignees } from '@/lib/assignment/queries';
import { requirePermission } from '@/lib/auth/session';
import { paymentSearchParams, parsePaymentQuery } from '@/lib/payments/filters';
import { listRegistrableLines } from '@/lib/payments/bank-register';
import { listImports } from '@/lib/payments/import-queries';
import { listPayments } from '@/lib/payments/queries';
import { reconcilePaymentsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentsPage({ searchParams }: Props) {
  await requirePermission('payments:reconcile');
  const t = await getTranslations('payments');
  const { query, ignored } = parsePaymentQuery(await searchParams);
  const filter = { ...query, limit: undefined, cursor: undefined };
  const [page, assignees, imports, registrable] = await Promise.all([
    listPayments(query),
    listAssignees(),
    listImports(5),
    listRegistrableLines(),
  ]);
  const filterParams = paymentSearchParams(filter);
  const panelKey = filterParams.toString() || 'all';
  const exportHref = `/payments/export${filterParams.size ? `?${filterParams}` : ''}`;
  const nextHref = page.nextCursor ? `/payments?${paymentSearchParams({ ...query, cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-sm text-slate-600">{t('intro')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/payments/import" variant="primary">
            {t('importStatement')}
          </ButtonLink>
          <ButtonLink href={exportHref} prefetch={false} download>
            {t('exportCsv')}
          </ButtonLink>
        </div>
      </div>

      {ignored.length ? <Alert tone="warning">{t('ignoredFilters', { filters: ignored.join(', ') })}</Alert> : null}
      <PaymentFilters filter={filter} assignees={assignees} />

      <Card title={t('totalsTitle')} id="totals-heading">
        <Suspense key={panelKey} fallback={<PanelSkeleton />}>
          <TotalsPanel filter={filter} />
        </Suspense>
      </Card>

      <section aria-labelledby="payments-heading" className="space-y-3">
        <h2 id="payments-heading" className="text-lg font-semibold">
          {t('listTitle')}{' '}
          {query.cursor ? <span className="text-sm font-normal text-slate-500">{t('laterPage')}</span> : null}
        </h2>
        {page.items.length ? (
          <>
            <ReconcileBar action={reconcilePaymentsAction} />
            <PaymentTable rows={page.items} />
            <nav aria-label={t('pages')} className="flex gap-2">
              {query.cursor ? <ButtonLink href={`/payments?${filterParams}`}>{t('firstPage')}</ButtonLink> : null}
              {nextHref ? <ButtonLink href={nextHref}>{t('nextPage')}</ButtonLink> : null}
            </nav>
          </>
        ) : (
          <EmptyState title={t('emptyTitle')} action={<ButtonLink href="/payments">{t('clearFilters')}</ButtonLink>}>
            {t('emptyBody')}
          </EmptyState>
        )}
      </section>

      <Card title={t('register.title')} id="register-heading">
        <p className="mb-3 text-sm text-slate-600">{t('register.intro')}</p>
        <RegisterLines lines={registrable} />
      </Card>

      <Card title={t('balancesTitle')} id="balances-heading">
        <Suspense key={panelKey} fallback={<PanelSkeleton />}>
          <BalancesPanel filter={filter} />
        </Suspense>
      </Card>

      <Card
        title={t('statementsTitle')}
        id="imports-heading"
        actions={
          <Link href="/payments/import" className="text-sm underline">
            {t('importAnother')}
          </Link>
        }
      >
        {imports.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {imports.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/payments/imports/${item.id}`} className="font-medium underline-offset-2 hover:underline">
                  {item.fileName ?? t('statement')}
                </Link>
                <span className="text-slate-600">
                  <LocalTime value={item.importedAt} />{' '}
                  {t('importedBy', { name: item.importedByName ?? t('formerUser') })} ·{' '}
                  {t('lineCount', { count: item.lineCount })} ·{' '}
                  {item.open ? (
                    <strong className="text-amber-800">{t('toCheck', { count: item.open })}</strong>
                  ) : (
                    t('allHandled')
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('noStatements')}</p>
        )}
      </Card>
    </div>
  );
}
