import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { markReplySent, mirrorReplyState } from '@/lib/chat/outbox-mirror';
import type { ActionKind } from './kinds';

/**
 * What else changes when an action's delivery moves on. Only chat replies have a row of their
 * own (the message in the thread); a document's stored file goes once it is sent; the other kinds are
 * shown from the action itself.
 */

type Tx = Prisma.TransactionClient;
type Action = { id: string; kind: ActionKind };

export async function afterClaimed(action: Action): Promise<void> {
  if (action.kind === 'chat_reply') await mirrorReplyState(db, action.id);
}

export async function afterSent(tx: Tx, action: Action, response: Record<string, unknown>): Promise<void> {
  // Debitura has the file now; it is never sent again, so its bytes need not stay here.
  if (action.kind === 'document_upload') await tx.outboundDocument.deleteMany({ where: { actionId: action.id } });
  if (action.kind !== 'chat_reply') return;
  const chatId = typeof response.id === 'string' || typeof response.id === 'number' ? String(response.id) : null;
  await markReplySent(tx, action.id, chatId);
}

export async function afterAttemptFailed(tx: Tx, action: Action): Promise<void> {
  if (action.kind === 'chat_reply') await mirrorReplyState(tx, action.id);
}
