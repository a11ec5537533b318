import { recordAudit } from '@/lib/audit/audit';
import { db } from '@/lib/db';
import { RetryableApiError } from '@/lib/debitura-api/errors';
import { notifyLive } from '@/lib/live/notify';
import { classifyFailure } from './classify';
import { confirmActions } from './confirm';
import { afterAttemptFailed, afterClaimed, afterSent } from './effects';
import type { ActionKind } from './kinds';
import { sendToDebitura, type SendResult } from './send';

/**
 * Sends stored actions to Debitura. An action is claimed by counting the attempt and pushing
 * its next attempt one lease ahead in the statement that picks it (SKIP LOCKED), so two
 * instances never send it at the same time and a crash mid-send only delays it by the lease;
 * the next attempt then knows (attempts > 1) that the earlier one may have reached Debitura
 * (send.ts). Every later write checks the attempt count it claimed, so an attempt that outlived
 * its lease cannot overwrite a newer one. Actions on one case go out in the order they were
 * stored (an accept before the payment that needs an Active case).
 */

const LEASE_SECONDS = 120;
export const SEND_BATCH = 25;

type Claimed = {
  id: string;
  case_id: string;
  kind: ActionKind;
  payload: unknown;
  idempotency_key: string;
  attempts: number;
  attempts_before_retry: number;
  created_at: Date;
  chat_message_id: string | null;
  debitura_case_id: string | null;
  reference: string;
};

/** One pass of the background job: every due action, then confirmations. True when there may be more. */
export async function sendDueActions(): Promise<boolean> {
  const claimed = await claim(null);
  await Promise.all(claimed.map(deliver));
  await confirmActions();
  return claimed.length === SEND_BATCH;
}

/** Tries one action now (right after it was stored or retried), if it is due. */
export async function sendActionNow(actionId: string): Promise<void> {
  const claimed = await claim(actionId);
  await Promise.all(claimed.map(deliver));
}

async function claim(actionId: string | null): Promise<Claimed[]> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE outbound_actions a
    SET attempts = a.attempts + 1, next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
    FROM cases c
    WHERE c.id = a.case_id AND a.id IN (
      SELECT p.id FROM outbound_actions p
      WHERE p.status = 'pending' AND p.next_attempt_at <= now()
        AND (${actionId}::uuid IS NULL OR p.id = ${actionId}::uuid)
        AND NOT EXISTS (SELECT 1 FROM outbound_actions e WHERE e.case_id = p.case_id AND e.status = 'pending'
                        AND (e.created_at, e.id) < (p.created_at, p.id))
      ORDER BY p.next_attempt_at LIMIT ${SEND_BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING a.id, a.case_id, a.kind, a.payload, a.idempotency_key, a.attempts, a.attempts_before_retry, a.created_at, a.chat_message_id,
              c.debitura_case_id, c.reference`;
  await Promise.all(rows.map((row) => afterClaimed(row)));
  return rows;
}

async function deliver(action: Claimed): Promise<void> {
  let result: SendResult;
  try {
    if (!action.debitura_case_id) {
      // The case detail (with Debitura's case id) has not arrived yet: wait for it.
      throw new RetryableApiError("Debitura's id for this case is not known yet (waiting for the case detail)", {
        status: null,
      });
    }
    result = await sendToDebitura({
      id: action.id,
      kind: action.kind,
      payload: action.payload,
      idempotencyKey: action.idempotency_key,
      attempts: action.attempts,
      debituraCaseId: action.debitura_case_id,
      createdAt: action.created_at,
    });
  } catch (error) {
    await markFailedAttempt(action, error);
    return;
  }
  await markSent(action, result);
}

async function markSent(action: Claimed, result: SendResult): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE outbound_actions SET status = 'sent', sent_at = now(), response = ${json(result.response)}::jsonb,
        debitura_payment_id = COALESCE(${result.debituraPaymentId ?? null}, debitura_payment_id),
        next_attempt_at = NULL, last_error = NULL, error_code = NULL
      WHERE id = ${action.id}::uuid AND status = 'pending' AND attempts = ${action.attempts}`;
    if (!updated) return;
    await afterSent(tx, action, result.response);
    await notifyLive(tx, 'action.changed', action.reference); // the case page shows it as sent
  });
  // The confirming webhook may have come before Debitura's answer: confirm at once if so.
  await confirmActions(action.id);
}

async function markFailedAttempt(action: Claimed, error: unknown): Promise<void> {
  const outcome = classifyFailure(action.kind, error, action.attempts - action.attempts_before_retry);
  await db.$transaction(async (tx) => {
    if (outcome.type === 'retry') {
      const updated = await tx.$executeRaw`
        UPDATE outbound_actions SET last_error = ${outcome.message},
          next_attempt_at = now() + make_interval(secs => ${outcome.delayMs / 1000})
        WHERE id = ${action.id}::uuid AND status = 'pending' AND attempts = ${action.attempts}`;
      if (updated) await afterAttemptFailed(tx, action);
      return;
    }
    // Final: Debitura refused it, or it kept failing. Nothing is lost: Retry sends it again.
    const updated = await tx.$executeRaw`
      UPDATE outbound_actions SET status = 'failed', last_error = ${outcome.message}, error_code = ${outcome.code},
        next_attempt_at = NULL
      WHERE id = ${action.id}::uuid AND status = 'pending' AND attempts = ${action.attempts}`;
    if (!updated) return;
    await afterAttemptFailed(tx, action);
    await notifyLive(tx, 'action.changed', action.reference); // the case page shows why it failed
    await recordAudit(
      {
        action: 'outbox.action_failed',
        targetType: 'outbound_action',
        targetId: action.id,
        detail: { kind: action.kind, code: outcome.code, error: outcome.message, attempts: action.attempts },
      },
      tx,
    );
  });
}

function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
