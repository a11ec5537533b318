import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { toMessageView, type ChatMessageRow, type ChatThread } from './message-view';

/** The newest messages a thread shows; older ones stay in the database and the API. */
export const THREAD_LIMIT = 500;

/**
 * A case's chat, oldest first, with each inbound message marked unread if it arrived after
 * the viewer last read the thread. With `markRead` the thread then counts as read up to the
 * newest message returned (not "now": a message stored meanwhile stays unread).
 */
export async function getChatThread(
  viewer: Viewer,
  reference: string,
  options: { markRead: boolean },
): Promise<ChatThread> {
  // The case, its newest messages and the viewer's read mark in parallel, keyed by the
  // reference (one round trip); the role check runs before anything is returned or written.
  const caseId = Prisma.sql`(SELECT id FROM cases WHERE reference = ${reference})`;
  const [[found], rows, [read]] = await Promise.all([
    db.$queryRaw<
      { id: string; assignee_id: string | null }[]
    >`SELECT id, assignee_id FROM cases WHERE reference = ${reference}`,
    db.$queryRaw<ChatMessageRow[]>`
      SELECT id, direction, message, author_name AS "authorName", author_role AS "authorRole", at, status, attempts,
             last_error AS "lastError", next_attempt_at AS "nextAttemptAt", user_id AS "userId", created_at AS "createdAt"
      FROM chat_messages WHERE case_id = ${caseId}
      ORDER BY at DESC, created_at DESC, id DESC
      LIMIT ${THREAD_LIMIT}`,
    db.$queryRaw<{ last_read_at: Date }[]>`
      SELECT last_read_at FROM chat_reads WHERE case_id = ${caseId} AND user_id = ${viewer.id}::uuid`,
  ]);
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canViewCase(viewer, found.assignee_id)) throw new ForbiddenError('This case is assigned to another collector.');

  rows.reverse();
  const lastReadAt = read?.last_read_at ?? null;
  const messages = rows.map((row) => toMessageView(row, viewer.id, lastReadAt));

  const newest = rows.reduce<Date | null>((max, row) => (!max || row.createdAt > max ? row.createdAt : max), null);
  if (options.markRead && newest && (!lastReadAt || newest > lastReadAt)) {
    await db.$executeRaw`
      INSERT INTO chat_reads (user_id, case_id, last_read_at) VALUES (${viewer.id}::uuid, ${found.id}::uuid, ${newest})
      ON CONFLICT (user_id, case_id) DO UPDATE SET last_read_at = GREATEST(chat_reads.last_read_at, EXCLUDED.last_read_at)`;
  }
  return { reference, messages };
}
