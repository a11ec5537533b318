import type { Metadata } from 'next';
import { AuditTable } from '@/components/admin/audit-table';
import { DateFilter, FilterBar, options, SelectFilter, TextFilter } from '@/components/admin/filters';
import { Pager } from '@/components/admin/pager';
import { listAudit, listAuditActions } from '@/lib/admin/audit-log';
import { parseAuditFilters } from '@/lib/admin/params';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission('audit:read');
  const filters = parseAuditFilters(await searchParams);
  const [page, actions] = await Promise.all([listAudit(filters), listAuditActions()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-600">
          Every manual action and sign-in failure, newest first. Entries cannot be changed or deleted, here or in the
          database.
        </p>
      </div>
      <FilterBar path="/admin/audit" label="Filter the audit log">
        <SelectFilter name="action" label="Action" value={filters.action} options={options(actions)} />
        <TextFilter
          name="actor"
          label="Who (email, or “system”)"
          value={filters.actor}
          placeholder="e.g. anna@agency.com"
        />
        <DateFilter name="from" label="From" value={filters.from} />
        <DateFilter name="to" label="Until" value={filters.to} />
      </FilterBar>
      <AuditTable rows={page.rows} />
      <Pager path="/admin/audit" filters={filters} nextCursor={page.nextCursor} />
    </div>
  );
}
