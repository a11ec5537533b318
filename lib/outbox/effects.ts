import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { markReplySent, mirrorReplyState } from '@/lib/chat/outbox-mirror';
import { applyAcceptedCorrection } from '@/lib/payments/correction';
import type { ActionKind, ActionPayloads } from './kinds';

/**
 * What else changes when an action's delivery moves on. Only chat replies have a row of their
 * own (the message in the thread); a document's stored file goes once it is sent; a payment
 * correction is written into the payment (no webhook tells of it); the other kinds are shown
 * from the action itself.
 */

type Tx = Prisma.TransactionClient;
type Action = { id: string; kind: ActionKind };
type SentAction = Action & { case_id: string; payload: unknown };

export async function afterClaimed(action: Action): Promise<void> {
  if (action.kind === 'chat_reply') await mirrorReplyState(db, action.id);
}

export async function afterSent(tx: Tx, action: SentAction, response: Record<string, unknown>): Promise<void> {
  // Debitura has the file now; it is never sent again, so its bytes need not stay here.
  if (action.kind === 'document_upload') await tx.outboundDocument.deleteMany({ where: { actionId: action.id } });
  if (action.kind === 'payment_update') {
    await applyAcceptedCorrection(tx, action.case_id, action.payload as ActionPayloads['payment_update']);
  }
  if (action.kind !== 'chat_reply') return;
  const chatId = typeof response.id === 'string' || typeof response.id === 'number' ? String(response.id) : null;
  await markReplySent(tx, action.id, chatId);
}

export async function afterAttemptFailed(tx: Tx, action: Action): Promise<void> {
  if (action.kind === 'chat_reply') await mirrorReplyState(tx, action.id);
}
