import type { Metadata } from 'next';
import Link from 'next/link';
import { NeedsAttention } from '@/components/admin/needs-attention';
import { LockoutList } from '@/components/security/lockout-list';
import { getAdminOverview } from '@/lib/admin/overview';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Admin' };

type Tile = { label: string; value: number; href: string; detail?: string; isAlarm?: boolean };

export default async function AdminOverviewPage() {
  await requirePermission('deliveries:read');
  const overview = await getAdminOverview();
  const byStatus = overview.deliveries.byStatus;
  const received24h = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  const tiles: Tile[] = [
    {
      label: 'Deliveries, last 24 h',
      value: received24h,
      href: '/admin/deliveries',
      detail: `${byStatus.applied ?? 0} applied · ${byStatus.ignored ?? 0} ignored · ${overview.deliveries.duplicates} repeated`,
    },
    {
      label: 'Failed events (all time)',
      value: overview.deliveries.failedTotal,
      href: '/admin/deliveries?status=failed',
      detail: 'Reprocess after a fix',
      isAlarm: overview.deliveries.failedTotal > 0,
    },
    {
      label: 'Rejected deliveries, last 24 h',
      value: overview.rejected24h,
      href: '/admin/rejected',
      detail: 'Bad signature, stale timestamp, bad JSON…',
      isAlarm: overview.rejected24h > 0,
    },
    {
      label: 'Actions to Debitura failed',
      value: overview.outbox.failed,
      href: '/admin/outbox',
      detail: `${overview.outbox.retrying} being retried`,
      isAlarm: overview.outbox.failed > 0,
    },
    {
      label: 'Active users',
      value: Object.values(overview.activeUsersByRole).reduce((sum, n) => sum + n, 0),
      href: '/admin/users',
      detail: ['admin', 'manager', 'collector']
        .map((role) => `${overview.activeUsersByRole[role] ?? 0} ${role}`)
        .join(' · '),
    },
    { label: 'Audit entries, last 24 h', value: overview.audit24h, href: '/admin/audit' },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((tile) => (
          <li key={tile.label}>
            <Link
              href={tile.href}
              className={`block h-full rounded-md border bg-white p-4 hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-slate-900 ${tile.isAlarm ? 'border-red-300' : 'border-slate-200'}`}
            >
              <span className="block text-sm text-slate-600">{tile.label}</span>
              <span className={`block text-3xl font-semibold tabular-nums ${tile.isAlarm ? 'text-red-700' : ''}`}>
                {tile.value}
              </span>
              {tile.detail ? <span className="block text-xs text-slate-500">{tile.detail}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
      <LockoutList />
      <NeedsAttention />
    </div>
  );
}
