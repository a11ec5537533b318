import { HttpError } from '@/lib/api/errors';
import { recordAudit } from '@/lib/audit/audit';
import { retryReply } from '@/lib/chat/reply';
import { db } from '@/lib/db';
import { OUTBOX_LIMIT } from './chat-outbox';
import { failure, type FormState } from './form-state';
import type { Actor } from './user-admin';

/**
 * Retrying failed chat replies from the outbox page, through the chat module's own
 * retryReply (due now, fresh attempts, same Idempotency-Key so Debitura never gets a
 * reply twice). Audited as `chat.reply_retried`. Returns the ids to send right away.
 */
export async function retryChatFromForm(
  formData: FormData,
  actor: Actor & { role: string },
): Promise<{ state: FormState; ids: string[] }> {
  const id = formData.get('id');
  let ids: string[];
  if (typeof id === 'string' && id) {
    ids = [id];
  } else if (formData.get('scope') === 'failed') {
    const rows = await db.chatMessage.findMany({
      where: { direction: 'outbound', status: 'failed' },
      orderBy: { at: 'asc' },
      select: { id: true },
      take: OUTBOX_LIMIT,
    });
    ids = rows.map((row) => row.id);
    if (!ids.length) return { state: { status: 'success', message: 'No failed replies.' }, ids };
  } else {
    return { state: failure('Say which replies to retry.'), ids: [] };
  }

  const retried: string[] = [];
  for (const messageId of ids) {
    try {
      const reply = await retryReply(actor, messageId);
      retried.push(reply.id);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (ids.length === 1) return { state: failure(error.message), ids: [] };
    }
  }
  await recordAudit({
    actor,
    action: 'chat.reply_retried',
    targetType: 'chat_message',
    targetId: retried.length === 1 ? retried[0] : undefined,
    detail: { count: retried.length, ...(retried.length > 1 ? { ids: retried.slice(0, 50) } : {}) },
  });
  const message = retried.length === 1 ? 'Sending again.' : `Sending ${retried.length} replies again.`;
  return { state: { status: 'success', message }, ids: retried };
}
