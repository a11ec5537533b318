import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { DebituraApiError, postChatMessage, RetryableApiError } from '@/lib/debitura-api/client';
import { MAX_AUTO_ATTEMPTS, replyRetryDelayMs } from './backoff';

/**
 * Delivers stored replies to Debitura (`POST /cases/{id}/chats`). A reply is claimed by
 * pushing its next attempt one lease ahead in the same statement that picks it, so two
 * instances (or a kick racing the background pass) never post it at the same time, and a
 * crash mid-post only delays it by the lease. Every attempt carries the reply's own
 * Idempotency-Key: if Debitura got a post whose answer was lost, the retry is recognised.
 */

const LEASE_SECONDS = 30;
const BATCH = 10;

type Claimed = {
  id: string;
  message: string;
  author_email: string | null;
  idempotency_key: string;
  attempts: number;
  debitura_case_id: string | null;
};

/** One pass of the background job: every reply that is due. True when there may be more. */
export async function sendDueReplies(): Promise<boolean> {
  const claimed = await claim(Prisma.empty);
  await Promise.all(claimed.map(deliver));
  return claimed.length === BATCH;
}

/** Tries one reply now (right after it was written or retried), if it is due. */
export async function sendReplyNow(messageId: string): Promise<void> {
  const claimed = await claim(Prisma.sql`AND id = ${messageId}::uuid`);
  await Promise.all(claimed.map(deliver));
}

async function claim(extra: Prisma.Sql): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE chat_messages m
    SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
    FROM cases c
    WHERE c.id = m.case_id AND m.id IN (
      SELECT id FROM chat_messages
      WHERE direction = 'outbound' AND status = 'sending' AND next_attempt_at <= now() ${extra}
      ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.message, m.author_email, m.idempotency_key, m.attempts, c.debitura_case_id`;
}

async function deliver(reply: Claimed): Promise<void> {
  try {
    if (!reply.debitura_case_id) {
      // The case detail (with Debitura's case id) has not arrived yet: wait for it.
      throw new RetryableApiError("Debitura's id for this case is not known yet (waiting for the case detail)", null);
    }
    const answer = await postChatMessage(
      reply.debitura_case_id,
      { message: reply.message, userEmail: reply.author_email ?? '' },
      reply.idempotency_key,
    );
    await markSent(reply.id, typeof answer.id === 'string' || typeof answer.id === 'number' ? String(answer.id) : null);
  } catch (error) {
    await markFailedAttempt(reply, error);
  }
}

async function markSent(id: string, chatId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    if (chatId) {
      // Debitura may echo the reply back as a chat.created webhook before its answer got
      // here; that copy and this reply are one message, so the copy goes. Only in the reply's
      // own case: chat ids are unique per case, and another case's message is not this one.
      await tx.$executeRaw`
        DELETE FROM chat_messages m USING chat_messages reply
        WHERE reply.id = ${id}::uuid AND m.case_id = reply.case_id AND m.debitura_chat_id = ${chatId}
          AND m.id <> reply.id AND m.direction = 'inbound'`;
    }
    await tx.$executeRaw`
      UPDATE chat_messages SET status = 'sent', debitura_chat_id = COALESCE(${chatId}, debitura_chat_id),
        next_attempt_at = NULL, last_error = NULL
      WHERE id = ${id}::uuid`;
  });
}

async function markFailedAttempt(reply: Claimed, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const isRetryable = !(error instanceof DebituraApiError) || error.isRetryable;
  if (isRetryable && reply.attempts < MAX_AUTO_ATTEMPTS) {
    const delay = replyRetryDelayMs(reply.attempts, error instanceof RetryableApiError ? error.retryAfterMs : null);
    await db.$executeRaw`
      UPDATE chat_messages SET last_error = ${message}, next_attempt_at = now() + make_interval(secs => ${delay / 1000})
      WHERE id = ${reply.id}::uuid AND status = 'sending'`;
    return;
  }
  // Final: Debitura refused it, or it kept failing. The text stays; Retry sends it again.
  await db.$executeRaw`
    UPDATE chat_messages SET status = 'failed', last_error = ${message}, next_attempt_at = NULL
    WHERE id = ${reply.id}::uuid AND status = 'sending'`;
}
