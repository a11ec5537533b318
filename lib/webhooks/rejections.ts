import pg from 'pg';

/**
 * The record of refused deliveries. Anyone can post to the webhook route, so refusals are
 * counted, not stored one by one: one counter row per minute and reason, plus the first few
 * refusals of each as samples (what the admin's list shows). And on a pool of their own, two
 * connections that give up quickly: a flood of unsigned posts can never take the connections
 * real deliveries are stored with; past what those two manage, refusals go uncounted.
 */
export const SAMPLES_PER_MINUTE = 5;

export type Rejection = {
  reason: string;
  status: number;
  eventType: string | null;
  clientAddress: string | null;
  /** Only for verified deliveries (400): an unverified body is never kept. */
  body?: string | null;
};

const globalForPool = globalThis as unknown as { casedeskRejectionPool?: pg.Pool };

function rejectionPool(): pg.Pool {
  if (globalForPool.casedeskRejectionPool) return globalForPool.casedeskRejectionPool;
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 2,
    connectionTimeoutMillis: 1_000,
    idleTimeoutMillis: 10_000,
  });
  pool.on('error', (error) => console.error('[webhook] rejection pool connection error:', error.message));
  globalForPool.casedeskRejectionPool = pool;
  return pool;
}

/** Counts one refusal, and keeps it as a sample while its minute has fewer than SAMPLES_PER_MINUTE. */
export async function recordRejection(rejection: Rejection, pool: pg.Pool = rejectionPool()): Promise<void> {
  await pool.query({
    name: 'webhook-rejection-count',
    text: `WITH counted AS (
             INSERT INTO rejected_delivery_counts AS c (minute, reason, status, count)
             VALUES (date_trunc('minute', now()), $1, $2, 1)
             ON CONFLICT (minute, reason) DO UPDATE SET count = c.count + 1
             RETURNING c.count)
           INSERT INTO rejected_deliveries (reason, status, event_type, client_address, body)
           SELECT $1, $2, $3, $4, $5 FROM counted WHERE counted.count <= ${SAMPLES_PER_MINUTE}`,
    values: [rejection.reason, rejection.status, rejection.eventType, rejection.clientAddress, rejection.body ?? null],
  });
}
