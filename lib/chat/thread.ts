import { NotFoundError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import { ForbiddenError } from '@/lib/api/errors';
import { CHAT_MESSAGE_SELECT, toMessageView, type ChatThread } from './message-view';

/** The newest messages a thread shows; older ones stay in the database and the API. */
export const THREAD_LIMIT = 500;

/**
 * A case's chat, oldest first, with each inbound message marked unread if it arrived after
 * the viewer last read the thread. With `markRead` the thread then counts as read up to the
 * newest message returned (not "now": a message stored meanwhile stays unread).
 */
export async function getChatThread(viewer: Viewer, reference: string, options: { markRead: boolean }): Promise<ChatThread> {
  const found = await db.case.findUnique({ where: { reference }, select: { id: true, assigneeId: true } });
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canViewCase(viewer, found.assigneeId)) throw new ForbiddenError('This case is assigned to another collector.');

  const [rows, read] = await Promise.all([
    db.chatMessage.findMany({
      where: { caseId: found.id },
      orderBy: [{ at: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      take: THREAD_LIMIT,
      select: CHAT_MESSAGE_SELECT,
    }),
    db.chatRead.findUnique({ where: { userId_caseId: { userId: viewer.id, caseId: found.id } }, select: { lastReadAt: true } }),
  ]);
  rows.reverse();
  const lastReadAt = read?.lastReadAt ?? null;
  const messages = rows.map((row) => toMessageView(row, viewer.id, lastReadAt));

  const newest = rows.reduce<Date | null>((max, row) => (!max || row.createdAt > max ? row.createdAt : max), null);
  if (options.markRead && newest && (!lastReadAt || newest > lastReadAt)) {
    await db.$executeRaw`
      INSERT INTO chat_reads (user_id, case_id, last_read_at) VALUES (${viewer.id}::uuid, ${found.id}::uuid, ${newest})
      ON CONFLICT (user_id, case_id) DO UPDATE SET last_read_at = GREATEST(chat_reads.last_read_at, EXCLUDED.last_read_at)`;
  }
  return { reference, messages };
}
