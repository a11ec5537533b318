import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { HttpError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { toSearchParams, type CaseListQuery } from '@/lib/cases/filters';
import { countCasesByState, listCases, type Viewer } from '@/lib/cases/queries';
import { CaseListTools } from '@/components/assignment/case-list-tools';
import { CaseTable } from './case-table';
import { Pagination } from './pagination';
import { StateTabs } from './state-tabs';

/** The parts of /cases that wait for the database, each behind its own Suspense boundary. */

export async function StateTabsSection({
  viewer,
  query,
  locale,
}: {
  viewer: Viewer;
  query: CaseListQuery;
  locale: string;
}) {
  const counts = await countCasesByState(viewer, query);
  return <StateTabs query={query} counts={counts} locale={locale} />;
}

export async function CaseListSection({
  viewer,
  query,
  locale,
}: {
  viewer: Viewer;
  query: CaseListQuery;
  locale: string;
}) {
  let page;
  try {
    page = await listCases(viewer, query);
  } catch (error) {
    if (!(error instanceof HttpError) || error.status >= 500) throw error;
    // A stale or damaged page cursor (the only 4xx a valid filter set can meet).
    const t = await getTranslations('cases.pages');
    const first = toSearchParams({ ...query, cursor: undefined });
    return (
      <Alert tone="warning">
        {t('badCursor')}{' '}
        <Link href={`/cases${first.size ? `?${first}` : ''}`} className="font-medium underline">
          {t('goFirst')}
        </Link>
      </Alert>
    );
  }
  if (!page.items.length) return <NoCases query={query} viewer={viewer} />;
  return (
    <div className="space-y-3">
      {/* Managers: bulk assignment and CSV export (components/assignment). */}
      <CaseListTools viewer={viewer} query={query} />
      <CaseTable
        items={page.items}
        locale={locale}
        showAssignee={can(viewer, 'cases:read-all')}
        isSelectable={can(viewer, 'cases:assign')}
      />
      <Pagination query={query} nextCursor={page.nextCursor} shown={page.items.length} />
    </div>
  );
}

function NoCases({ query, viewer }: { query: CaseListQuery; viewer: Viewer }) {
  const t = useTranslations('cases.empty');
  if (query.cursor) {
    return (
      <EmptyState
        title={t('noMore')}
        action={
          <ButtonLink href={`/cases?${toSearchParams({ ...query, cursor: undefined })}`}>{t('backToFirst')}</ButtonLink>
        }
      >
        {t('lastPage')}
      </EmptyState>
    );
  }
  const isFiltered = Boolean(
    query.q || query.state || query.closeCode || query.phase || query.currency || query.assignee || query.unread,
  );
  if (isFiltered) {
    return (
      <EmptyState
        title={t('noMatch')}
        action={<ButtonLink href={query.isTest ? '/cases?isTest=true' : '/cases'}>{t('clear')}</ButtonLink>}
      >
        {t('checkSpelling')}
        {can(viewer, 'cases:read-all') ? null : ` ${t('ownScope')}`}
      </EmptyState>
    );
  }
  return (
    <EmptyState title={query.isTest ? t('noTest') : t('none')}>
      {query.isTest ? t('testHint') : can(viewer, 'cases:read-all') ? t('allHint') : t('ownHint')}
    </EmptyState>
  );
}

export function TabsSkeleton() {
  return (
    <div className="flex gap-3 border-b border-slate-200 pb-2" aria-hidden="true">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-6 w-24" />
      ))}
    </div>
  );
}

export function CaseTableSkeleton() {
  const t = useTranslations('cases.table');
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" role="status" aria-label={t('loading')}>
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} className="h-8 w-full" />
      ))}
    </div>
  );
}
