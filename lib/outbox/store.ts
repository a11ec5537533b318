import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionKind, ActionPayloads } from './kinds';
import { ACTION_VIEW_SELECT, toActionView, type ActionView } from './view';

/**
 * Storing an action is the whole of "doing" it, as far as the person is concerned: the row
 * (who, what, when, its idempotency key) and its audit entry commit together, the caller
 * answers at once, and the sender (sender.ts) takes it from there.
 */
export type NewAction<K extends ActionKind> = {
  caseId: string;
  kind: K;
  payload: ActionPayloads[K];
  actor: AuditActor | null;
  chatMessageId?: string;
  bankLineId?: string;
};

export async function storeAction<K extends ActionKind>(
  tx: Prisma.TransactionClient,
  action: NewAction<K>,
): Promise<ActionView> {
  const row = await tx.outboundAction.create({
    data: {
      caseId: action.caseId,
      kind: action.kind,
      payload: action.payload as Prisma.InputJsonValue,
      idempotencyKey: randomUUID(),
      actorId: action.actor?.id ?? null,
      nextAttemptAt: new Date(),
      chatMessageId: action.chatMessageId ?? null,
      bankLineId: action.bankLineId ?? null,
      debituraPaymentId: paymentNamedBy(action.payload),
    },
    select: ACTION_VIEW_SELECT,
  });
  await recordAudit(
    {
      actor: action.actor,
      action: `outbox.${action.kind}`,
      targetType: 'outbound_action',
      targetId: row.id,
      detail: { caseId: action.caseId, ...(action.kind === 'chat_reply' ? {} : { payload: action.payload }) },
    },
    tx,
  );
  return toActionView(row);
}

/**
 * The Debitura payment an edit or delete is about, kept in its own column (confirmation and
 * the balance join on it); a new payment's id arrives with Debitura's answer (sender.ts).
 */
function paymentNamedBy(payload: unknown): string | null {
  const named = (payload as { debituraPaymentId?: unknown }).debituraPaymentId;
  return typeof named === 'string' ? named : null;
}
