import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CaseFilters } from '@/components/cases/case-filters';
import { CaseListSection, CaseTableSkeleton, StateTabsSection, TabsSkeleton } from '@/components/cases/list-sections';
import { Alert } from '@/components/ui/alert';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { parseCaseListQueryLeniently, toSearchParams, type SearchParamsInput } from '@/lib/cases/filters';
import { getRequestLocale } from '@/lib/cases/format';
import { getFilterOptions } from '@/lib/cases/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases');
  return { title: t('title') };
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const viewer = await requirePermission('cases:read');
  const raw = await searchParams;
  const { query, ignored } = parseCaseListQueryLeniently(raw);

  // The filter form sends every field; keep only what differs from the defaults, so the
  // address bar shows a short link worth bookmarking.
  const canonical = toSearchParams(query).toString();
  const given = new URLSearchParams(
    Object.entries(raw).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  ).toString();
  if (!ignored.length && canonical !== given) redirect(`/cases${canonical ? `?${canonical}` : ''}`);

  const [options, locale, t] = await Promise.all([
    getFilterOptions(viewer),
    getRequestLocale(),
    getTranslations('cases'),
  ]);
  const sectionKey = canonical || 'all';
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{query.isTest ? t('testTitle') : t('title')}</h1>
        <p className="text-sm text-slate-600">
          {can(viewer, 'cases:read-all') ? t('scopeAll') : t('scopeOwn')}
          {query.isTest ? ` ${t('testOnly')}` : null}
        </p>
      </header>
      {ignored.length ? <Alert tone="warning">{t('ignored', { fields: ignored.join(', ') })}</Alert> : null}
      <CaseFilters query={query} options={options} />
      <Suspense key={`tabs-${sectionKey}`} fallback={<TabsSkeleton />}>
        <StateTabsSection viewer={viewer} query={query} locale={locale} />
      </Suspense>
      <Suspense key={`list-${sectionKey}`} fallback={<CaseTableSkeleton />}>
        <CaseListSection viewer={viewer} query={query} locale={locale} />
      </Suspense>
    </div>
  );
}
