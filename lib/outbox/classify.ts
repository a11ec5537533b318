import { DebituraApiError, RetryableApiError } from '@/lib/debitura-api/errors';
import { UnsafePathSegmentError } from '@/lib/debitura-api/path';
import { MAX_AUTO_ATTEMPTS, retryDelayMs } from './backoff';
import type { ActionErrorCode, ActionKind } from './kinds';

/**
 * What a failed attempt means for the action: try again later (5xx, timeouts, resets, 429 after
 * the delay Debitura names, a payment key still in flight) or stop (any other 4xx: the same
 * request gets the same answer). A 409 on edits, deletes and fees is Debitura asking for a
 * confirmation, which only a person can give.
 */
export type FailureOutcome =
  { type: 'retry'; delayMs: number; message: string } | { type: 'fail'; code: ActionErrorCode; message: string };

/** Kinds whose 409 asks the user to confirm (reopen a Paid case, accept a price change). */
const CONFIRMABLE_409: ReadonlySet<ActionKind> = new Set(['payment_update', 'payment_delete', 'fees']);

export function classifyFailure(
  kind: ActionKind,
  error: unknown,
  attempts: number,
  random: () => number = Math.random,
): FailureOutcome {
  const message = describe(error);
  if (error instanceof DebituraApiError && !error.isRetryable) {
    if (error.status === 409 && CONFIRMABLE_409.has(kind)) return { type: 'fail', code: 'needs_confirmation', message };
    // The same Idempotency-Key is still being processed by Debitura: ask again shortly.
    if (error.status === 409 && kind === 'payment_create' && attempts < MAX_AUTO_ATTEMPTS) {
      return { type: 'retry', delayMs: retryDelayMs(attempts, null, random), message };
    }
    return { type: 'fail', code: 'refused', message };
  }
  if (error instanceof UnsafePathSegmentError) return { type: 'fail', code: 'refused', message };
  if (attempts >= MAX_AUTO_ATTEMPTS) return { type: 'fail', code: 'exhausted', message };
  const retryAfterMs = error instanceof RetryableApiError ? error.retryAfterMs : null;
  return { type: 'retry', delayMs: retryDelayMs(attempts, retryAfterMs, random), message };
}

/**
 * Debitura's own words first (businessErrors, for the person who has to act on them), else
 * its status and message; a passing failure (5xx, timeout) keeps its technical description.
 */
function describe(error: unknown): string {
  let text: string;
  if (error instanceof DebituraApiError && !error.isRetryable) {
    text = error.businessErrors.length
      ? error.userMessage
      : error.status
        ? `HTTP ${error.status}: ${error.userMessage}`
        : error.userMessage;
  } else {
    text = error instanceof Error ? error.message : String(error);
  }
  return text.slice(0, 1000);
}
