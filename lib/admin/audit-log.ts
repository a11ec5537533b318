import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decodeIdCursor, encodeIdCursor } from './cursor';
import { dayRange, PAGE_SIZE, type AuditFilters } from './params';

/**
 * Reading the audit trail (written by recordAudit in lib/audit/audit.ts). Read-only by
 * design: nothing in the app updates or deletes audit rows, and the database refuses it
 * too (migration 20261126170000_audit_append_only).
 */

export type AuditRow = {
  id: bigint;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
};

export function auditWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (filters.action) where.action = filters.action;
  if (filters.actor === 'system') where.actorEmail = null;
  else if (filters.actor) where.actorEmail = { contains: filters.actor, mode: 'insensitive' };
  const range = dayRange(filters.from, filters.to);
  if (range.gte || range.lt) where.at = range;
  return where;
}

export async function listAudit(filters: AuditFilters, pageSize = PAGE_SIZE): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const where = auditWhere(filters);
  const cursor = decodeIdCursor(filters.cursor);
  const rows = await db.auditLog.findMany({
    where: cursor === null ? where : { AND: [where, { id: { lt: cursor } }] },
    orderBy: { id: 'desc' },
    take: pageSize + 1,
    select: { id: true, at: true, actorEmail: true, action: true, targetType: true, targetId: true, detail: true },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeIdCursor(last.id) : null };
}

/**
 * Every action name recorded so far, for the filter: a loose index scan over
 * (action, at), one index probe per distinct action however long the log grows.
 */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      (SELECT action FROM audit_log ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT a.action FROM audit_log a WHERE a.action > actions.action ORDER BY a.action LIMIT 1)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL LIMIT 500`;
  return rows.map((row) => row.action);
}
