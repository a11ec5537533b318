import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { can } from '@/lib/auth/permissions';
import { toSearchParams, type CaseListQuery } from '@/lib/cases/filters';
import { BulkAssignBar } from './bulk-assign-bar';

/**
 * The manager tools above the /cases list: the bulk-assign bar (rows tick <CaseCheckbox>)
 * and the CSV export of the filtered list. Nothing for collectors.
 */
export async function CaseListTools({ viewer, query }: { viewer: { role: string }; query: CaseListQuery }) {
  if (!can(viewer, 'cases:assign') && !can(viewer, 'reports:read')) return null;
  const t = await getTranslations('assignment');
  const params = toSearchParams({ ...query, cursor: undefined, limit: undefined });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex-1">
        <BulkAssignBar user={viewer} />
      </div>
      {can(viewer, 'reports:read') ? (
        <ButtonLink href={`/cases/export${params.size ? `?${params}` : ''}`} prefetch={false} download size="sm">
          {t('bulk.export')}
        </ButtonLink>
      ) : null}
    </div>
  );
}
