import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePool } from '@/lib/database/pool';
import { RetryableApiError } from '@/lib/debitura-api/errors';
import { databaseRateLimiter } from '@/lib/debitura-api/rate-limit';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * Debitura's rate limit, counted in PostgreSQL so every instance shares it: a key's calls in
 * the sliding minute never exceed the limit, also when many callers on separate connections
 * (as separate instances would be) ask at the same moment.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_SIZE = '12';
});

afterAll(async () => {
  await closePool();
  await database?.drop();
});

describe('the shared rate limit', () => {
  it('lets exactly the limit through when 30 callers race on separate connections, and says how long to wait', async () => {
    const key = `race-${randomUUID()}`;
    const limiter = databaseRateLimiter(key, 10);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => limiter.take()));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(20);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RetryableApiError);
      // The oldest segment leaves the one-minute window within 50-60 s.
      expect(error.retryAfterMs).toBeGreaterThan(49_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    const { rows } = await database.pool.query(
      'SELECT sum(calls)::int AS calls FROM api_rate_segments WHERE key_id = $1',
      [key],
    );
    expect(rows[0].calls).toBe(10);
  });

  it('counts keys apart, and frees slots as old segments leave the window', async () => {
    const key = `slide-${randomUUID()}`;
    const other = databaseRateLimiter(`other-${randomUUID()}`, 2);
    const limiter = databaseRateLimiter(key, 2);
    await limiter.take();
    await limiter.take();
    await other.take();
    await expect(limiter.take()).rejects.toBeInstanceOf(RetryableApiError);
    // Make the two calls a minute old, as if time had passed.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('UPDATE api_rate_segments SET segment = segment - 6 WHERE key_id = $1', [key]);
    await client.end();
    await limiter.take();
  });
});
