import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { mirrorReplyState } from '@/lib/chat/outbox-mirror';
import { db } from '@/lib/db';
import { ACTION_VIEW_SELECT, toActionView, type ActionView } from './view';

/**
 * "Retry" on a failed action (or one still waiting for its next attempt): due now, with a
 * fresh allowance of automatic attempts. Its idempotency key and attempt count stay, so an
 * earlier attempt that did reach Debitura is recognised and the action never arrives twice.
 * With `confirm`, a 409 that asked for a confirmation is answered: the payload gains the flag
 * Debitura names (reopenCaseIfNeeded, confirmPriceChange or keepIntentionalRate).
 * The caller checks that the actor may act on the case.
 */
export async function retryAction(
  actionId: string,
  actor: AuditActor | null,
  options: { confirmFlag?: 'reopenCaseIfNeeded' | 'confirmPriceChange' | 'keepIntentionalRate' } = {},
): Promise<ActionView | null> {
  return db.$transaction(async (tx) => {
    const flag = options.confirmFlag
      ? Prisma.sql`, payload = payload || jsonb_build_object(${options.confirmFlag}::text, true)`
      : Prisma.empty;
    const updated = await tx.$executeRaw`
      UPDATE outbound_actions SET status = 'pending', next_attempt_at = now(), attempts_before_retry = attempts,
        error_code = NULL ${flag}
      WHERE id = ${actionId}::uuid AND status IN ('failed', 'pending')`;
    if (!updated) return null;
    const row = await tx.outboundAction.findUniqueOrThrow({ where: { id: actionId }, select: ACTION_VIEW_SELECT });
    if (row.kind === 'chat_reply') await mirrorReplyState(tx, actionId);
    await recordAudit(
      {
        actor,
        action: 'outbox.action_retried',
        targetType: 'outbound_action',
        targetId: actionId,
        detail: { kind: row.kind, ...(options.confirmFlag ? { confirmed: options.confirmFlag } : {}) },
      },
      tx,
    );
    return toActionView(row);
  });
}
