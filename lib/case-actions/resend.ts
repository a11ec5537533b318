import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import type { ActionErrorCode } from '@/lib/outbox/kinds';
import { retryAction } from '@/lib/outbox/retry';
import type { ActionView } from '@/lib/outbox/view';
import type { Actor } from './perform';
import { canActOnCase } from './permission';

/**
 * Sending a failed action again from the case page, through the outbox's own retry (same
 * idempotency key, so it never reaches Debitura twice):
 * - `retry` after it kept failing (Debitura unreachable): the same request again;
 * - `confirm` after Debitura's 409 asked a person to confirm: the request gains the flag
 *   Debitura names (reopen a case closed as Paid, accept a price change).
 * A refused action (any other 4xx) is not resent: the same request would get the same answer.
 */
export type Resend = 'retry' | 'confirm';

const ALLOWED: Record<Resend, ActionErrorCode> = { retry: 'exhausted', confirm: 'needs_confirmation' };

export async function resendAction(
  actor: Actor,
  reference: string,
  actionId: string,
  how: Resend,
): Promise<ActionView> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(actionId);
  const action = isUuid
    ? await db.outboundAction.findUnique({
        where: { id: actionId },
        select: { kind: true, status: true, errorCode: true, lastError: true, case: true },
      })
    : null;
  if (!action || action.case.reference !== reference) throw new NotFoundError(`No action ${actionId} on this case.`);
  if (!canActOnCase(actor, action.case.assigneeId))
    throw new ForbiddenError('This case is assigned to another collector.');
  if (action.status !== 'failed' || action.errorCode !== ALLOWED[how])
    throw new ConflictError('This action is not waiting for that.');
  const confirmFlag = how === 'confirm' ? confirmFlagFor(action.kind, action.lastError) : undefined;
  const resent = await retryAction(actionId, { id: actor.id, email: actor.email }, { confirmFlag });
  if (!resent) throw new ConflictError('This action is no longer waiting to be sent.');
  return resent;
}

/** The flag Debitura's 409 asks for: a special rate keeps its rate, any other fee change confirms the price. */
function confirmFlagFor(kind: string, error: string | null) {
  if (kind !== 'fees') return 'reopenCaseIfNeeded' as const;
  return /keepIntentionalRate|intentional|special rate/i.test(error ?? '')
    ? ('keepIntentionalRate' as const)
    : ('confirmPriceChange' as const);
}
