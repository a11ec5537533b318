/**
 * A chat message as the case page and `GET /api/v1/cases/{reference}/chat` show it. Plain
 * JSON (ISO times), so the same shape serves the first render and the SWR refreshes.
 */
export type ChatMessageView = {
  id: string;
  direction: 'inbound' | 'outbound';
  message: string;
  authorName: string | null;
  authorRole: string | null;
  at: string;
  /** Replies only: sending (saved, Debitura has not accepted it yet), sent or failed. */
  status: 'sending' | 'sent' | 'failed' | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  isMine: boolean;
  /** Arrived after the viewer last read this thread. */
  isUnread: boolean;
};

export type ChatThread = { reference: string; messages: ChatMessageView[] };

export type ChatMessageRow = {
  id: string;
  direction: string;
  message: string;
  authorName: string | null;
  authorRole: string | null;
  at: Date;
  status: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  userId: string | null;
  createdAt: Date;
};

export const CHAT_MESSAGE_SELECT = {
  id: true,
  direction: true,
  message: true,
  authorName: true,
  authorRole: true,
  at: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  userId: true,
  createdAt: true,
} as const;

export function toMessageView(row: ChatMessageRow, viewerId: string, lastReadAt: Date | null): ChatMessageView {
  const direction = row.direction === 'outbound' ? 'outbound' : 'inbound';
  return {
    id: row.id,
    direction,
    message: row.message,
    authorName: row.authorName,
    authorRole: row.authorRole,
    at: row.at.toISOString(),
    status: row.status === 'sending' || row.status === 'sent' || row.status === 'failed' ? row.status : null,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    isMine: row.userId === viewerId,
    isUnread: direction === 'inbound' && (lastReadAt === null || row.createdAt > lastReadAt),
  };
}
