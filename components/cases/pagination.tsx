import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import { toSearchParams, type CaseListQuery } from '@/lib/cases/filters';

/** Keyset pages: forward by cursor, back to the first page; the browser's Back goes one page back. */
export function Pagination({
  query,
  nextCursor,
  shown,
}: {
  query: CaseListQuery;
  nextCursor: string | null;
  shown: number;
}) {
  const t = useTranslations('cases.pages');
  const first = toSearchParams({ ...query, cursor: undefined });
  const next = nextCursor ? toSearchParams({ ...query, cursor: nextCursor }) : null;
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <p>
        {t('shown', { count: shown })}
        {query.cursor ? ` ${t('notFirst')}` : ''}
      </p>
      <div className="flex gap-2">
        {query.cursor ? (
          <ButtonLink href={`/cases${first.size ? `?${first}` : ''}`} size="sm">
            {t('first')}
          </ButtonLink>
        ) : null}
        {next ? (
          <ButtonLink href={`/cases?${next}`} size="sm" rel="next">
            {t('next')}
          </ButtonLink>
        ) : null}
      </div>
    </nav>
  );
}
