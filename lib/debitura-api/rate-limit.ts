import { getPool } from '@/lib/database/pool';
import { RetryableApiError } from './errors';

/**
 * Debitura allows 2,000 calls a minute per API key, counted in a sliding window of six
 * 10-second segments (docs/debitura.md "Rate limits"), and queues nothing. Every instance
 * and worker shares one key, so the count lives in PostgreSQL: `debitura_rate_take` (migration
 * 20261130104000_outbox) counts a call atomically under a per-key advisory lock, or says how
 * long until a slot frees. Reads count as much as writes.
 */

export const DEBITURA_RATE_LIMIT_PER_MINUTE = 2_000;
const SEGMENT_MS = 10_000;
const SEGMENTS = 6;
/** Longer waits are handed back to the caller (a job reschedules) instead of holding it. */
const MAX_WAIT_MS = 15_000;

export type RateLimiter = { take: () => Promise<void> };

export function databaseRateLimiter(keyId: string, limitPerMinute = DEBITURA_RATE_LIMIT_PER_MINUTE): RateLimiter {
  return {
    take: async () => {
      let waited = 0;
      for (;;) {
        const { rows } = await getPool().query<{ wait_ms: number }>(
          'SELECT debitura_rate_take($1, $2, $3, $4) AS wait_ms',
          [keyId, limitPerMinute, SEGMENT_MS, SEGMENTS],
        );
        const waitMs = rows[0].wait_ms;
        if (waitMs === 0) return;
        if (waited + waitMs > MAX_WAIT_MS) {
          throw new RetryableApiError(
            `Debitura's rate limit (${limitPerMinute} calls a minute) is used up; next slot in ${Math.ceil(waitMs / 1000)} s`,
            { status: null },
            waitMs,
          );
        }
        // A little jitter so instances waiting for the same segment do not all ask at once.
        const pause = waitMs + Math.floor(Math.random() * 50);
        waited += pause;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    },
  };
}
