import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import { db } from '@/lib/db';
import { notifyLive } from '@/lib/live/notify';
import { retryAction } from '@/lib/outbox/retry';
import { storeAction } from '@/lib/outbox/store';
import { CHAT_MESSAGE_SELECT, toMessageView, type ChatMessageView } from './message-view';

/**
 * Writing a reply: the message is stored at once as `sending`, with an outbox action
 * (kind `chat_reply`, lib/outbox) that carries its Idempotency-Key, so what the collector
 * typed survives any failure or restart; the outbox then delivers it to Debitura, now and,
 * if that fails, later with backoff, and mirrors its progress onto the message.
 */

export const MAX_MESSAGE_LENGTH = 5_000;

export const replySchema = z.object({
  message: z
    .string({ error: 'message must be text' })
    .trim()
    .min(1, 'Write a message first.')
    .max(MAX_MESSAGE_LENGTH, `A message is at most ${MAX_MESSAGE_LENGTH} characters.`),
});

function requireReplyPermission(viewer: Viewer) {
  if (!can(viewer, 'chat:reply')) throw new ForbiddenError('Your role cannot reply in case chats.');
}

export async function createReply(viewer: Viewer, reference: string, message: string): Promise<ChatMessageView> {
  requireReplyPermission(viewer);
  const found = await db.case.findUnique({ where: { reference }, select: { id: true, assigneeId: true } });
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canViewCase(viewer, found.assigneeId)) throw new ForbiddenError('This case is assigned to another collector.');
  const author = await db.user.findUnique({ where: { id: viewer.id }, select: { name: true, email: true } });
  if (!author) throw new ForbiddenError();

  const row = await db.$transaction(async (tx) => {
    const created = await tx.chatMessage.create({
      data: {
        caseId: found.id,
        direction: 'outbound',
        message,
        authorName: author.name || author.email,
        authorEmail: author.email,
        authorRole: 'CollectionPartner',
        at: new Date(),
        status: 'sending',
        userId: viewer.id,
        nextAttemptAt: new Date(),
      },
      select: CHAT_MESSAGE_SELECT,
    });
    await storeAction(tx, {
      caseId: found.id,
      kind: 'chat_reply',
      payload: { message, userEmail: author.email },
      actor: { id: viewer.id, email: author.email },
      chatMessageId: created.id,
    });
    return created;
  });
  await notifyLive(db, 'chat.message', reference); // the insert has committed: tell open pages
  return toMessageView(row, viewer.id, null);
}

/**
 * "Retry" on a reply that is failed (or still waiting for its next attempt): its outbox
 * action is due now, with a fresh allowance of automatic attempts. The Idempotency-Key stays
 * the same, so a reply that did reach Debitura is not posted twice.
 */
export async function retryReply(viewer: Viewer & { email?: string }, messageId: string): Promise<ChatMessageView> {
  requireReplyPermission(viewer);
  if (!z.uuid().safeParse(messageId).success) throw new ValidationError('messageId must be a UUID.', 400);
  const found = await db.chatMessage.findUnique({
    where: { id: messageId },
    select: { direction: true, status: true, case: { select: { assigneeId: true } }, action: { select: { id: true } } },
  });
  if (!found || found.direction !== 'outbound' || !found.action) throw new NotFoundError('No such reply.');
  if (!canViewCase(viewer, found.case.assigneeId))
    throw new ForbiddenError('This case is assigned to another collector.');

  await retryAction(found.action.id, viewer.email ? { id: viewer.id, email: viewer.email } : null);
  const row = await db.chatMessage.findUniqueOrThrow({ where: { id: messageId }, select: CHAT_MESSAGE_SELECT });
  return toMessageView(row, viewer.id, null);
}
