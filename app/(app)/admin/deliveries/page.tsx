import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeliveryTable } from '@/components/admin/delivery-table';
import { DateFilter, FilterBar, options, SelectFilter, TextFilter } from '@/components/admin/filters';
import { Pager } from '@/components/admin/pager';
import { ReprocessAllButton, ReprocessButton } from '@/components/admin/reprocess-buttons';
import { listDeliveries, listDeliveryTypes } from '@/lib/admin/deliveries';
import { DELIVERY_STATUSES, parseDeliveryFilters } from '@/lib/admin/params';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.deliveries');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliveriesPage({ searchParams }: Props) {
  const user = await requirePermission('deliveries:read');
  const filters = parseDeliveryFilters(await searchParams);
  const [page, types, t] = await Promise.all([listDeliveries(filters), listDeliveryTypes(), getTranslations('admin')]);
  const canReprocess = can(user, 'deliveries:reprocess');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('deliveries.title')}</h1>
          <p className="text-sm text-slate-600">{t('deliveries.intro')}</p>
        </div>
        {canReprocess ? <ReprocessAllButton /> : null}
      </div>
      <FilterBar path="/admin/deliveries" label={t('deliveries.filterLabel')}>
        <SelectFilter
          name="status"
          label={t('deliveries.status')}
          value={filters.status}
          options={DELIVERY_STATUSES.map((status) => ({ value: status, label: t(`delivery.status.${status}`) }))}
        />
        <SelectFilter name="type" label={t('deliveries.eventType')} value={filters.type} options={options(types)} />
        <SelectFilter
          name="mode"
          label={t('deliveries.liveOrTest')}
          value={filters.mode}
          anyLabel={t('filters.both')}
          options={[
            { value: 'live', label: t('filters.live') },
            { value: 'test', label: t('filters.test') },
          ]}
        />
        <TextFilter
          name="case"
          label={t('deliveries.caseReference')}
          value={filters.case}
          placeholder={t('deliveries.casePlaceholder')}
        />
        <DateFilter name="from" label={t('deliveries.receivedFrom')} value={filters.from} />
        <DateFilter name="to" label={t('deliveries.receivedUntil')} value={filters.to} />
      </FilterBar>
      <DeliveryTable rows={page.rows} reprocess={canReprocess ? (row) => <ReprocessButton id={row.id} /> : undefined} />
      <Pager path="/admin/deliveries" filters={filters} nextCursor={page.nextCursor} />
    </div>
  );
}
