import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { auditCursor } from './cursor';
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
  /** The email of the user the entry is about (a user target, or `userId` in the detail), when known. */
  subjectEmail: string | null;
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

export async function listAudit(
  filters: AuditFilters,
  pageSize = PAGE_SIZE,
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const where = auditWhere(filters);
  const cursor = auditCursor.decode(filters.cursor);
  const rows = await db.auditLog.findMany({
    where: cursor === null ? where : { AND: [where, { id: { lt: cursor } }] },
    orderBy: { id: 'desc' },
    take: pageSize + 1,
    select: { id: true, at: true, actorEmail: true, action: true, targetType: true, targetId: true, detail: true },
  });
  const { rows: page, nextCursor } = auditCursor.page(rows, pageSize, (row) => row.id);
  const emails = await emailsOf(page.map(subjectUserId).filter((id): id is string => id !== null));
  return {
    rows: page.map((row) => ({ ...row, subjectEmail: emails.get(subjectUserId(row) ?? '') ?? null })),
    nextCursor,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entries name users by id (a token's owner, a changed user): the page shows who that is. */
function subjectUserId(row: { targetType: string | null; targetId: string | null; detail: unknown }): string | null {
  const fromDetail =
    row.detail && typeof row.detail === 'object' ? (row.detail as Record<string, unknown>).userId : undefined;
  const id = row.targetType === 'user' ? row.targetId : typeof fromDetail === 'string' ? fromDetail : null;
  return id && UUID.test(id) ? id : null;
}

async function emailsOf(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.id, user.email]));
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
