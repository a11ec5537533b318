import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NeedsAttention } from '@/components/admin/needs-attention';
import { LockoutList } from '@/components/security/lockout-list';
import { getAdminOverview } from '@/lib/admin/overview';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

const TILE = 'block h-full rounded-md border bg-white p-4 hover:border-slate-400 focus-visible:outline-2';

type Tile = { label: string; value: number; href: string; detail?: string; isAlarm?: boolean };

export default async function AdminOverviewPage() {
  await requirePermission('deliveries:read');
  const [overview, t] = await Promise.all([getAdminOverview(), getTranslations('admin')]);
  const byStatus = overview.deliveries.byStatus;
  const received24h = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  const tiles: Tile[] = [
    {
      label: t('overview.deliveries'),
      value: received24h,
      href: '/admin/deliveries',
      detail: t('overview.deliveriesDetail', {
        applied: byStatus.applied ?? 0,
        ignored: byStatus.ignored ?? 0,
        repeated: overview.deliveries.duplicates,
      }),
    },
    {
      label: t('overview.failed'),
      value: overview.deliveries.failedTotal,
      href: '/admin/deliveries?status=failed',
      detail: t('overview.failedDetail'),
      isAlarm: overview.deliveries.failedTotal > 0,
    },
    {
      label: t('overview.rejected'),
      value: overview.rejected24h,
      href: '/admin/rejected',
      detail: t('overview.rejectedDetail'),
      isAlarm: overview.rejected24h > 0,
    },
    {
      label: t('overview.outboxFailed'),
      value: overview.outbox.failed,
      href: '/admin/outbox',
      detail: t('overview.outboxFailedDetail', { count: overview.outbox.retrying }),
      isAlarm: overview.outbox.failed > 0,
    },
    {
      label: t('overview.activeUsers'),
      value: Object.values(overview.activeUsersByRole).reduce((sum, n) => sum + n, 0),
      href: '/admin/users',
      detail: t('overview.usersByRole', {
        admins: overview.activeUsersByRole.admin ?? 0,
        managers: overview.activeUsersByRole.manager ?? 0,
        collectors: overview.activeUsersByRole.collector ?? 0,
      }),
    },
    { label: t('overview.audit'), value: overview.audit24h, href: '/admin/audit' },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((tile) => (
          <li key={tile.label}>
            <Link
              href={tile.href}
              className={`${TILE} focus-visible:outline-slate-900 ${tile.isAlarm ? 'border-red-300' : 'border-slate-200'}`}
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
