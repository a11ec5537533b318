import type pg from 'pg';

/**
 * What becomes of a stored event after an attempt to apply it: the attempt is counted, and an
 * event that failed is either set aside for good (`failed`, until an admin reprocesses it) or
 * tried again later. "Later" grows with each attempt and is kept in the row (`next_attempt_at`),
 * so the applier's claim skips the event meanwhile and the events behind it go on: one event
 * that throws the same way on every attempt costs a bounded number of attempts, never a stall.
 */

export type RetryPolicy = {
  /** Attempts in all, the first included; the last failure is final. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
};

/** 5 s, 10 s, 20 s ... 5 min 20 s: failed after 8 attempts, about 11 minutes after the first. */
export const APPLY_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 30 * 60_000 };

export type AttemptOutcome = {
  id: string;
  status: 'applied' | 'failed' | 'ignored';
  error?: string;
  /** A failure that the same code on the same data gives every time (bad data): no retry. */
  isFinal?: boolean;
};

/**
 * Records the outcomes of one attempt in one statement. A retryable failure before the last
 * attempt goes back to `received` with its error and the time of its next attempt.
 * Returns the ids that were set aside for a retry.
 */
export async function recordAttempts(
  client: pg.ClientBase,
  outcomes: readonly AttemptOutcome[],
  policy: RetryPolicy,
): Promise<Set<string>> {
  if (!outcomes.length) return new Set();
  const { rows } = await client.query<{ id: string }>(
    `WITH o AS (
       SELECT o.*, o.status = 'failed' AND NOT o.is_final AND w.attempts + 1 < $5 AS is_retry
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS o(id, status, error, is_final)
       JOIN webhook_events w ON w.id = o.id
     )
     UPDATE webhook_events w SET
       status = CASE WHEN o.is_retry THEN 'received' ELSE o.status END,
       error = o.error,
       attempts = w.attempts + 1,
       next_attempt_at = CASE WHEN o.is_retry
         THEN now() + make_interval(secs => LEAST($6::float8 * power(2, w.attempts), $7::float8) / 1000) END,
       applied_at = CASE WHEN o.status = 'applied' THEN now() ELSE w.applied_at END
     FROM o WHERE w.id = o.id
     RETURNING CASE WHEN o.is_retry THEN w.id END AS id`,
    [
      outcomes.map((o) => o.id),
      outcomes.map((o) => o.status),
      outcomes.map((o) => o.error ?? null),
      outcomes.map((o) => o.isFinal ?? false),
      policy.maxAttempts,
      policy.baseDelayMs,
      policy.maxDelayMs,
    ],
  );
  return new Set(rows.flatMap((row) => (row.id ? [row.id] : [])));
}
