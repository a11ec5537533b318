import type { Metadata } from 'next';
import { DeliveryTable } from '@/components/admin/delivery-table';
import { DateFilter, FilterBar, options, SelectFilter, TextFilter } from '@/components/admin/filters';
import { Pager } from '@/components/admin/pager';
import { ReprocessAllButton, ReprocessButton } from '@/components/admin/reprocess-buttons';
import { listDeliveries, listDeliveryTypes } from '@/lib/admin/deliveries';
import { DELIVERY_STATUSES, parseDeliveryFilters } from '@/lib/admin/params';
import { requirePermission } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Deliveries' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliveriesPage({ searchParams }: Props) {
  const user = await requirePermission('deliveries:read');
  const filters = parseDeliveryFilters(await searchParams);
  const [page, types] = await Promise.all([listDeliveries(filters), listDeliveryTypes()]);
  const canReprocess = can(user, 'deliveries:reprocess');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Deliveries</h1>
          <p className="text-sm text-slate-600">
            Every verified webhook, newest first. Repeats of an event are counted on the first delivery, never applied
            twice.
          </p>
        </div>
        {canReprocess ? <ReprocessAllButton /> : null}
      </div>
      <FilterBar path="/admin/deliveries" label="Filter deliveries">
        <SelectFilter name="status" label="Status" value={filters.status} options={options(DELIVERY_STATUSES)} />
        <SelectFilter name="type" label="Event type" value={filters.type} options={options(types)} />
        <SelectFilter
          name="mode"
          label="Live or test"
          value={filters.mode}
          anyLabel="Both"
          options={[
            { value: 'live', label: 'Live' },
            { value: 'test', label: 'Test' },
          ]}
        />
        <TextFilter name="case" label="Case reference" value={filters.case} placeholder="e.g. Q8OAXF3W" />
        <DateFilter name="from" label="Received from" value={filters.from} />
        <DateFilter name="to" label="Received until" value={filters.to} />
      </FilterBar>
      <DeliveryTable rows={page.rows} reprocess={canReprocess ? (row) => <ReprocessButton id={row.id} /> : undefined} />
      <Pager path="/admin/deliveries" filters={filters} nextCursor={page.nextCursor} />
    </div>
  );
}
