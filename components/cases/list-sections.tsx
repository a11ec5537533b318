import Link from 'next/link';
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
    const first = toSearchParams({ ...query, cursor: undefined });
    return (
      <Alert tone="warning">
        {error.message}{' '}
        <Link href={`/cases${first.size ? `?${first}` : ''}`} className="font-medium underline">
          Go to the first page
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
  if (query.cursor) {
    return (
      <EmptyState
        title="No more cases"
        action={
          <ButtonLink href={`/cases?${toSearchParams({ ...query, cursor: undefined })}`}>
            Back to the first page
          </ButtonLink>
        }
      >
        This was the last page.
      </EmptyState>
    );
  }
  const isFiltered = Boolean(
    query.q || query.state || query.closeCode || query.phase || query.currency || query.assignee || query.unread,
  );
  if (isFiltered) {
    return (
      <EmptyState
        title="No cases match these filters"
        action={<ButtonLink href={query.isTest ? '/cases?isTest=true' : '/cases'}>Clear the filters</ButtonLink>}
      >
        Check the spelling of the search, or widen the filters.
        {can(viewer, 'cases:read-all') ? null : ' You see the cases assigned to you and the unassigned ones.'}
      </EmptyState>
    );
  }
  return (
    <EmptyState title={query.isTest ? 'No test cases' : 'No cases yet'}>
      {query.isTest
        ? 'Test cases appear here when Debitura sends test events to this agency.'
        : can(viewer, 'cases:read-all')
          ? 'Cases arrive when Debitura assigns them to this agency. If you expected some, check the webhook deliveries in Admin.'
          : 'None are assigned to you and none are waiting unassigned. A manager assigns cases; new ones show up here as Debitura sends them.'}
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
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" role="status" aria-label="Loading cases">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} className="h-8 w-full" />
      ))}
    </div>
  );
}
