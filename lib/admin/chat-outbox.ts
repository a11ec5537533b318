import { db } from '@/lib/db';

/**
 * Replies written here that Debitura has not accepted: `failed` ones (the background
 * sender gave up or the API refused them) wait for an admin's retry; `sending` ones are
 * still being retried in the background and are shown for context.
 */

export type OutboxRow = {
  id: string;
  caseReference: string;
  message: string;
  status: string;
  authorName: string | null;
  authorEmail: string | null;
  at: Date;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
};

export const OUTBOX_LIMIT = 200;

export async function listChatOutbox(status: 'failed' | 'sending', limit = OUTBOX_LIMIT): Promise<OutboxRow[]> {
  const rows = await db.chatMessage.findMany({
    where: { direction: 'outbound', status },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      message: true,
      status: true,
      authorName: true,
      authorEmail: true,
      at: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      case: { select: { reference: true } },
      user: { select: { email: true, name: true } },
    },
  });
  return rows.map(({ case: owner, user, ...row }) => ({
    ...row,
    status: row.status ?? status,
    caseReference: owner.reference,
    authorName: row.authorName ?? user?.name ?? null,
    authorEmail: row.authorEmail ?? user?.email ?? null,
  }));
}

export async function countChatOutbox(): Promise<{ failed: number; sending: number }> {
  const [failed, sending] = await Promise.all([
    db.chatMessage.count({ where: { direction: 'outbound', status: 'failed' } }),
    db.chatMessage.count({ where: { direction: 'outbound', status: 'sending' } }),
  ]);
  return { failed, sending };
}
