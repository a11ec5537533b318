import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { EVENT_TYPES } from '@/lib/webhooks/normalize';
import { deliveryCursor } from './cursor';
import { dayRange, PAGE_SIZE, type DeliveryFilters } from './params';

/**
 * The delivery log: every verified webhook in the inbox, newest first. Duplicates are not
 * rows of their own (the inbox keeps one row per event id and counts repeats), so
 * "duplicate" means an event that arrived more than once.
 */

export type DeliveryRow = {
  id: string;
  type: string;
  caseReference: string | null;
  status: string;
  duplicateCount: number;
  isTest: boolean;
  isReplay: boolean;
  receivedAt: Date;
  occurredAt: Date;
  error: string | null;
};

export type DeliveryPage = { rows: DeliveryRow[]; nextCursor: string | null };

const rowSelect = {
  id: true,
  type: true,
  caseReference: true,
  status: true,
  duplicateCount: true,
  isTest: true,
  isReplay: true,
  receivedAt: true,
  occurredAt: true,
  error: true,
} as const;

export function deliveryWhere(filters: DeliveryFilters): Prisma.WebhookEventWhereInput {
  const where: Prisma.WebhookEventWhereInput = {};
  if (filters.status === 'duplicate') where.duplicateCount = { gt: 0 };
  else if (filters.status) where.status = filters.status;
  if (filters.type) where.type = filters.type;
  if (filters.mode) where.isTest = filters.mode === 'test';
  if (filters.case) where.caseReference = filters.case;
  const range = dayRange(filters.from, filters.to);
  if (range.gte || range.lt) where.receivedAt = range;
  return where;
}

export async function listDeliveries(filters: DeliveryFilters, pageSize = PAGE_SIZE): Promise<DeliveryPage> {
  const cursor = deliveryCursor.decode(filters.cursor);
  const where = deliveryWhere(filters);
  const rows = await db.webhookEvent.findMany({
    where: cursor
      ? { AND: [where, { OR: [{ receivedAt: { lt: cursor.at } }, { receivedAt: cursor.at, id: { lt: cursor.id } }] }] }
      : where,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: pageSize + 1,
    select: rowSelect,
  });
  return deliveryCursor.page(rows, pageSize, (row) => ({ at: row.receivedAt, id: row.id }));
}

/**
 * The event types for the filter: the six Debitura sends, plus any unknown ones the inbox
 * stored as ignored (found through the status index, not a scan of the whole inbox).
 */
export async function listDeliveryTypes(): Promise<string[]> {
  const rows = await db.$queryRaw<
    { type: string }[]
  >`SELECT DISTINCT type FROM webhook_events WHERE status = 'ignored' LIMIT 50`;
  return [...new Set([...EVENT_TYPES, ...rows.map((row) => row.type)])].sort();
}

export type DeliveryDetail = DeliveryRow & {
  rawBody: string;
  /** Pretty-printed JSON, or the raw text when it does not parse. */
  prettyBody: string;
  headers: [string, string][];
  secretId: string | null;
  attempts: number;
  appliedAt: Date | null;
  lastDuplicateAt: Date | null;
};

/**
 * Header names that must never be shown, whatever the inbox holds: the route does not
 * store the signature, and this is the second lock on that door.
 */
const HIDDEN_HEADERS = /signature|authorization|cookie|secret|api[-_]?key|token/i;

export function visibleHeaders(headers: unknown): [string, string][] {
  if (!headers || typeof headers !== 'object' || Array.isArray(headers)) return [];
  return Object.entries(headers as Record<string, unknown>)
    .filter(([name]) => !HIDDEN_HEADERS.test(name))
    .map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export async function getDelivery(id: string): Promise<DeliveryDetail | null> {
  const row = await db.webhookEvent.findUnique({
    where: { id },
    select: {
      ...rowSelect,
      rawBody: true,
      headers: true,
      secretId: true,
      attempts: true,
      appliedAt: true,
      lastDuplicateAt: true,
    },
  });
  if (!row) return null;
  return { ...row, prettyBody: prettyJson(row.rawBody), headers: visibleHeaders(row.headers) };
}

/** Deliveries per status over the last `hours` (the overview's tiles). */
export async function summarizeDeliveries(
  hours = 24,
): Promise<{ byStatus: Record<string, number>; duplicates: number; failedTotal: number }> {
  const since = new Date(Date.now() - hours * 3_600_000);
  const [byStatus, duplicates, failedTotal] = await Promise.all([
    db.webhookEvent.groupBy({ by: ['status'], where: { receivedAt: { gte: since } }, _count: { _all: true } }),
    db.webhookEvent.count({ where: { receivedAt: { gte: since }, duplicateCount: { gt: 0 } } }),
    db.webhookEvent.count({ where: { status: 'failed' } }),
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])),
    duplicates,
    failedTotal,
  };
}
