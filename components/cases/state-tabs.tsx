import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { StateCounts } from '@/lib/cases/case-list';
import { toSearchParams, type CaseListQuery } from '@/lib/cases/filters';
import { PARTNER_STATES, type LifecycleState } from '@/lib/cases/lifecycle';
import { lifecycleLabel } from '@/lib/i18n/vocabulary';

/** One tab per state with its count under the other filters; choosing one starts at page 1. */
export function StateTabs({ query, counts, locale }: { query: CaseListQuery; counts: StateCounts; locale: string }) {
  const t = useTranslations('cases.tabs');
  const vocabulary = useTranslations('vocabulary');
  const numberFormat = new Intl.NumberFormat(locale);
  // Capped counts (a search) are partial per state, so only the total is shown, as "1,000+".
  const format = (count: number) => (counts.isCapped ? '' : numberFormat.format(count));
  // The partner states always, plus any other state cases happen to be in.
  const extra = Object.keys(counts.byState).filter(
    (state) => state && !PARTNER_STATES.includes(state as LifecycleState),
  );
  const tabs: { state: string | undefined; label: string; count: string }[] = [
    {
      state: undefined,
      label: t('all'),
      count: counts.isCapped ? t('capped', { count: numberFormat.format(counts.total) }) : format(counts.total),
    },
    ...[...PARTNER_STATES, ...extra].map((state) => ({
      state,
      label: lifecycleLabel(vocabulary, state),
      count: format(counts.byState[state] ?? 0),
    })),
  ];
  return (
    <nav aria-label={t('label')} className="relative -mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const isCurrent = (query.state ?? undefined) === tab.state;
          const params = toSearchParams({
            ...query,
            state: tab.state as LifecycleState | undefined,
            cursor: undefined,
          });
          return (
            <li key={tab.state ?? 'all'}>
              <Link
                href={`/cases${params.size ? `?${params}` : ''}`}
                aria-current={isCurrent ? 'page' : undefined}
                className={cn(
                  '-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm whitespace-nowrap',
                  'focus-visible:outline-2 focus-visible:outline-slate-900',
                  isCurrent
                    ? 'border-slate-900 font-semibold text-slate-900'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {tab.label}
                {tab.count ? (
                  <span
                    className={cn(
                      'rounded-full px-1.5 py-0.5 text-xs tabular-nums',
                      isCurrent ? 'bg-slate-900 text-white' : 'bg-slate-100 text-slate-700',
                    )}
                  >
                    {tab.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
