/**
 * One bad event never stalls the inbox. A database trigger makes every write of one case's
 * row throw a deadlock error (a "transient" error, which a savepoint cannot hold and which
 * used to make the whole pass retry forever): the events behind it are applied, and the
 * poisoned one is retried with growing delays and then set aside as failed, its error kept.
 * An oversized lifecycle value is stored cut short instead of failing on the state index.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '@/lib/webhooks/apply-attempts';
import { applyPendingEvents, reprocessEvents } from '@/lib/webhooks/applier';
import { parseEnvelope } from '@/lib/webhooks/envelope';
import { storeEvent } from '@/lib/webhooks/inbox';
import { MAX_ENUM_LENGTH } from '@/lib/webhooks/normalize';
import { createTestDatabase } from '../helpers/database';
import { envelope, resetDomain, type Envelope } from '../helpers/webhooks';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const NO_DELAY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 0, maxDelayMs: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(`
    CREATE FUNCTION poison_case() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.reference LIKE 'POISON-%' THEN
        RAISE EXCEPTION 'simulated deadlock on %', NEW.reference USING ERRCODE = '40P01';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER poison_case BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION poison_case();`);
});

afterAll(async () => {
  await database?.drop();
});

beforeEach(async () => {
  await resetDomain(database.pool);
});

/** Stored through the inbox's own statement, `received_at` in the order given. */
async function store(events: Envelope[]) {
  for (const event of events) {
    const rawBody = JSON.stringify(event);
    const parsed = parseEnvelope(rawBody);
    if (!parsed.ok) throw new Error(parsed.reason);
    await storeEvent(database.pool, {
      envelope: parsed.envelope,
      rawBody,
      headers: {},
      isTest: false,
      isReplay: false,
      secretId: 'test',
    });
  }
}

const assigned = (reference: string) =>
  envelope('case.assigned', { reference, lifecycle: 'Active', currency: 'EUR', originalAmount: 100 });

async function statusOf(id: string) {
  const { rows } = await database.pool.query(
    'SELECT status, attempts, error, next_attempt_at > now() AS is_waiting FROM webhook_events WHERE id = $1',
    [id],
  );
  return rows[0] as { status: string; attempts: number; error: string | null; is_waiting: boolean | null };
}

describe('an event that throws the same way every time', () => {
  it('does not hold back the events behind it, and waits before its next attempt', async () => {
    const poison = assigned('POISON-1');
    const good = ['GOOD-1', 'GOOD-2', 'GOOD-3'].map(assigned);
    await store([poison, ...good]);

    const first = await applyPendingEvents(database.pool);
    expect(first).toMatchObject({ claimed: 4, applied: 3, retrying: 1, failed: 0 });
    const { rows } = await database.pool.query('SELECT reference FROM cases ORDER BY reference');
    expect(rows.map((row) => row.reference)).toEqual(['GOOD-1', 'GOOD-2', 'GOOD-3']);
    expect(await statusOf(poison.id)).toMatchObject({ status: 'received', attempts: 1, is_waiting: true });
    expect((await statusOf(poison.id)).error).toContain('simulated deadlock on POISON-1');

    // Until its delay is over, the next pass does not even claim it.
    const later = assigned('GOOD-4');
    await store([later]);
    expect(await applyPendingEvents(database.pool)).toMatchObject({ claimed: 1, applied: 1 });
  });

  it('is set aside as failed after a bounded number of attempts, with its error', async () => {
    const poison = assigned('POISON-2');
    await store([poison, assigned('GOOD-5')]);
    let passes = 0;
    while ((await applyPendingEvents(database.pool, 200, NO_DELAY)).claimed > 0) {
      if (++passes > 20) throw new Error('the applier kept claiming the poisoned event');
    }
    expect(await statusOf(poison.id)).toMatchObject({
      status: 'failed',
      attempts: NO_DELAY.maxAttempts,
      is_waiting: null,
    });
    expect((await statusOf(poison.id)).error).toContain('simulated deadlock');

    // An admin's reprocess tries it once more and reports it still failing, at once.
    const result = await reprocessEvents([poison.id], database.pool);
    expect(result).toMatchObject({ failed: 1, retrying: 0 });
    expect(await statusOf(poison.id)).toMatchObject({ status: 'failed', attempts: NO_DELAY.maxAttempts + 1 });

    await database.pool.query('ALTER TABLE cases DISABLE TRIGGER poison_case');
    try {
      expect(await reprocessEvents([poison.id], database.pool)).toMatchObject({ applied: 1, failed: 0 });
    } finally {
      await database.pool.query('ALTER TABLE cases ENABLE TRIGGER poison_case');
    }
    expect(await statusOf(poison.id)).toMatchObject({ status: 'applied', error: null });
  });

  it('bad data still fails at once, without retries', async () => {
    const bad = envelope('payment.created', { reference: 'GOOD-6', amount: 10, currency: 'NOPE' });
    await store([bad]);
    expect(await applyPendingEvents(database.pool)).toMatchObject({ failed: 1, retrying: 0 });
    expect(await statusOf(bad.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('an oversized lifecycle value', () => {
  it('is stored cut short, and the event applies', async () => {
    // Random text does not compress below the btree limit (~2.7 kB), as a repeated letter would.
    const huge = randomBytes(15_000).toString('base64');
    const update = envelope('case.updated', { reference: 'LONG-1', oldLifecycle: 'Active', newLifecycle: huge });
    await store([update]);
    expect(await applyPendingEvents(database.pool)).toMatchObject({ applied: 1 });
    const { rows } = await database.pool.query("SELECT state FROM cases WHERE reference = 'LONG-1'");
    expect(rows[0].state).toBe(huge.slice(0, MAX_ENUM_LENGTH));
  });
});
