import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { rejectedCursor } from './cursor';
import { dayRange, PAGE_SIZE, type RejectedFilters } from './params';

/**
 * Deliveries the webhook route refused (bad signature, stale timestamp, bad JSON...), and
 * the counts over time that make a misconfigured secret stand out: accepted drops to
 * zero while `signature_mismatch` climbs.
 */

export type RejectedRow = {
  id: bigint;
  receivedAt: Date;
  reason: string;
  status: number;
  eventType: string | null;
  clientAddress: string | null;
};

export async function listRejected(
  filters: RejectedFilters,
  pageSize = PAGE_SIZE,
): Promise<{ rows: RejectedRow[]; nextCursor: string | null }> {
  const where: Prisma.RejectedDeliveryWhereInput = {};
  if (filters.reason) where.reason = filters.reason;
  const range = dayRange(filters.from, filters.to);
  if (range.gte || range.lt) where.receivedAt = range;
  const cursor = rejectedCursor.decode(filters.cursor);
  if (cursor !== null) where.id = { lt: cursor };
  const rows = await db.rejectedDelivery.findMany({
    where,
    orderBy: { id: 'desc' },
    take: pageSize + 1,
    select: { id: true, receivedAt: true, reason: true, status: true, eventType: true, clientAddress: true },
  });
  return rejectedCursor.page(rows, pageSize, (row) => row.id);
}

/** Reasons seen in the last 30 days (from the per-minute counters: a flood of refusals stays cheap). */
export async function listRejectionReasons(now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await db.$queryRaw<{ reason: string }[]>`
    SELECT DISTINCT reason FROM rejected_delivery_counts WHERE minute >= ${since} ORDER BY reason LIMIT 100`;
  return rows.map((row) => row.reason);
}

export type TimelineRange = '24h' | '14d';

export type TimelineBucket = {
  start: Date;
  accepted: number;
  rejected: number;
  byReason: Record<string, number>;
};

export type RejectionTimeline = { range: TimelineRange; reasons: string[]; buckets: TimelineBucket[] };

const RANGES: Record<TimelineRange, { stepMs: number; count: number; step: string }> = {
  '24h': { stepMs: 3_600_000, count: 24, step: '1 hour' },
  '14d': { stepMs: 86_400_000, count: 14, step: '1 day' },
};

/**
 * Rejected deliveries per hour (last 24 h) or per day (last 14 days), by reason, next to
 * the deliveries accepted in the same buckets. Buckets are UTC hours/days (date_bin with a
 * UTC origin, so the session time zone cannot shift them); empty buckets are filled in.
 */
export async function rejectionTimeline(range: TimelineRange, now = new Date()): Promise<RejectionTimeline> {
  const { stepMs, count, step } = RANGES[range];
  const lastStart = Math.floor(now.getTime() / stepMs) * stepMs;
  const since = new Date(lastStart - (count - 1) * stepMs);
  const origin = new Date(0);

  const [rejected, accepted] = await Promise.all([
    db.$queryRaw<{ bucket: Date; reason: string; n: number }[]>`
      SELECT date_bin(${step}::interval, minute, ${origin}::timestamptz) AS bucket, reason, sum(count)::int AS n
      FROM rejected_delivery_counts WHERE minute >= ${since}
      GROUP BY 1, 2`,
    db.$queryRaw<{ bucket: Date; n: number }[]>`
      SELECT date_bin(${step}::interval, received_at, ${origin}::timestamptz) AS bucket, count(*)::int AS n
      FROM webhook_events WHERE received_at >= ${since}
      GROUP BY 1`,
  ]);

  const buckets = Array.from({ length: count }, (_, i): TimelineBucket => ({
    start: new Date(since.getTime() + i * stepMs),
    accepted: 0,
    rejected: 0,
    byReason: {},
  }));
  const bucketAt = (date: Date) => buckets[Math.round((date.getTime() - since.getTime()) / stepMs)];
  const reasons = new Set<string>();
  for (const row of rejected) {
    const bucket = bucketAt(row.bucket);
    if (!bucket) continue;
    bucket.byReason[row.reason] = (bucket.byReason[row.reason] ?? 0) + row.n;
    bucket.rejected += row.n;
    reasons.add(row.reason);
  }
  for (const row of accepted) {
    const bucket = bucketAt(row.bucket);
    if (bucket) bucket.accepted += row.n;
  }
  return { range, reasons: [...reasons].sort(), buckets };
}
