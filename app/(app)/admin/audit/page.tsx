import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/admin/audit-table';
import { DateFilter, FilterBar, options, SelectFilter, TextFilter } from '@/components/admin/filters';
import { Pager } from '@/components/admin/pager';
import { listAudit, listAuditActions } from '@/lib/admin/audit-log';
import { parseAuditFilters } from '@/lib/admin/params';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.audit');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission('audit:read');
  const filters = parseAuditFilters(await searchParams);
  const [page, actions, t] = await Promise.all([
    listAudit(filters),
    listAuditActions(),
    getTranslations('admin.audit'),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>
      <FilterBar path="/admin/audit" label={t('filterLabel')}>
        <SelectFilter name="action" label={t('action')} value={filters.action} options={options(actions)} />
        <TextFilter name="actor" label={t('who')} value={filters.actor} placeholder={t('whoPlaceholder')} />
        <DateFilter name="from" label={t('from')} value={filters.from} />
        <DateFilter name="to" label={t('until')} value={filters.to} />
      </FilterBar>
      <AuditTable rows={page.rows} />
      <Pager path="/admin/audit" filters={filters} nextCursor={page.nextCursor} />
    </div>
  );
}
