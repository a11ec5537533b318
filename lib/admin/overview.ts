import { db } from '@/lib/db';
import { countOutbox } from './outbox';
import { summarizeDeliveries } from './deliveries';

/** The figures on /admin: what needs an admin's attention now. */
export async function getAdminOverview() {
  const dayAgo = new Date(Date.now() - 86_400_000);
  const [deliveries, rejected24h, outbox, users, audit24h] = await Promise.all([
    summarizeDeliveries(24),
    // Counted per minute (lib/webhooks/rejections.ts): rejected_deliveries keeps only samples.
    db.rejectedDeliveryCount.aggregate({ where: { minute: { gte: dayAgo } }, _sum: { count: true } }),
    countOutbox(),
    db.user.groupBy({ by: ['role'], where: { disabledAt: null }, _count: { _all: true } }),
    db.auditLog.count({ where: { at: { gte: dayAgo } } }),
  ]);
  return {
    deliveries,
    rejected24h: rejected24h._sum.count ?? 0,
    outbox,
    activeUsersByRole: Object.fromEntries(users.map((row) => [row.role, row._count._all])) as Record<string, number>,
    audit24h,
  };
}
