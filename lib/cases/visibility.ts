import { ForbiddenError } from '@/lib/api/errors';
import { can, type Role } from '@/lib/auth/permissions';
import { Prisma } from '@/lib/generated/prisma/client';

/** Who is asking: the page passes the session user, the API the token's user, the bench a fixture. */
export type Viewer = { id: string; role: Role | string };

/**
 * The role rule for reading cases, as SQL over `cases c` (or rows with the case's
 * `assignee_id` under another `alias`): collectors see the cases assigned to them and the
 * unassigned ones; `cases:read-all` (managers, admins) sees every case.
 */
export function caseVisibility(viewer: Viewer, alias: Prisma.Sql = Prisma.raw('c')): Prisma.Sql[] {
  if (!can(viewer, 'cases:read')) throw new ForbiddenError();
  if (can(viewer, 'cases:read-all')) return [];
  return [Prisma.sql`(${alias}.assignee_id = ${viewer.id}::uuid OR ${alias}.assignee_id IS NULL)`];
}

/** Whether the viewer may open this one case (same rule as caseVisibility). */
export function canViewCase(viewer: Viewer, assigneeId: string | null): boolean {
  if (!can(viewer, 'cases:read')) return false;
  return can(viewer, 'cases:read-all') || assigneeId === null || assigneeId === viewer.id;
}

/**
 * Unread chat for the viewer in case `alias`: inbound messages stored after the viewer last
 * read the thread. Stored time (created_at), not Debitura's message time, so a message that
 * arrives late is still new to the reader.
 */
export function unreadCountSql(viewer: Viewer, alias: Prisma.Sql = Prisma.raw('c')): Prisma.Sql {
  return Prisma.sql`(
    SELECT count(*)::int FROM chat_messages m
    WHERE m.case_id = ${alias}.id AND m.direction = 'inbound'
      AND m.created_at > COALESCE(
        (SELECT r.last_read_at FROM chat_reads r WHERE r.case_id = ${alias}.id AND r.user_id = ${viewer.id}::uuid),
        '-infinity'::timestamptz))`;
}

/** `ILIKE '%text%'` over the five searchable columns; pg_trgm GIN indexes serve each one. */
export function searchCondition(text: string): Prisma.Sql {
  const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return Prisma.sql`(c.reference ILIKE ${pattern} OR c.creditor_reference ILIKE ${pattern}
    OR c.debtor_name ILIKE ${pattern} OR c.creditor_name ILIKE ${pattern} OR c.agency_reference ILIKE ${pattern})`;
}
