import type { Prisma } from '@/lib/generated/prisma/client';
import { notifyLiveForActions } from '@/lib/live/notify';

/**
 * A chat reply is an outbox action (kind `chat_reply`, lib/outbox) that delivers one
 * chat_messages row. The thread shows the reply's delivery on the message itself (sending,
 * sent, failed, attempts, the last error), so the outbox mirrors its action's state here in
 * the same transaction.
 */

type Tx = Prisma.TransactionClient;

/** The action's state as the thread shows it: pending is "sending". Open pages hear of it when it commits. */
export async function mirrorReplyState(tx: Pick<Tx, '$executeRaw'>, actionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE chat_messages m SET
      status = CASE a.status WHEN 'pending' THEN 'sending' WHEN 'failed' THEN 'failed' ELSE 'sent' END,
      attempts = a.attempts - a.attempts_before_retry, next_attempt_at = a.next_attempt_at, last_error = a.last_error
    FROM outbound_actions a WHERE a.id = ${actionId}::uuid AND m.id = a.chat_message_id`;
  await notifyLiveForActions(tx, 'chat.message', [actionId]);
}

/**
 * Debitura accepted the reply. It may have echoed it back as a chat.created webhook before its
 * answer got here; that copy and this reply are one message, so the copy goes. Only in the
 * reply's own case: chat ids are unique per case, and another case's message is not this one.
 */
export async function markReplySent(tx: Tx, actionId: string, chatId: string | null): Promise<void> {
  if (chatId) {
    await tx.$executeRaw`
      DELETE FROM chat_messages m USING outbound_actions a, chat_messages reply
      WHERE a.id = ${actionId}::uuid AND reply.id = a.chat_message_id AND m.case_id = reply.case_id
        AND m.debitura_chat_id = ${chatId} AND m.id <> reply.id AND m.direction = 'inbound'`;
    await tx.$executeRaw`
      UPDATE chat_messages SET debitura_chat_id = ${chatId}
      WHERE id = (SELECT chat_message_id FROM outbound_actions WHERE id = ${actionId}::uuid)`;
  }
  await mirrorReplyState(tx, actionId);
}
