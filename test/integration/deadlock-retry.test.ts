/**
 * A deadlock is retried, never an error for the manager. Each test makes a real one in
 * PostgreSQL: another session holds the second row a manager's action locks, waits until the
 * action is waiting for it, then asks for the first row the action holds. PostgreSQL aborts
 * the action's transaction (the first waiter is the one that finds the cycle); retried, the
 * action completes once the other session is done.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignCases } from '@/lib/assignment/assign';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { markReconciled } from '@/lib/payments/reconcile';
import { createTestDatabase } from '../helpers/database';
import { waitFor } from '../helpers/webhooks';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const actor = { id: randomUUID(), email: 'manager@deadlock.test' };
let collectorId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await database.pool.query("INSERT INTO users (id, email, name, role) VALUES ($1, $2, 'Manager', 'manager')", [
    actor.id,
    actor.email,
  ]);
  const { rows } = await database.pool.query(
    "INSERT INTO users (id, email, name, role) VALUES (gen_random_uuid(), 'collector@deadlock.test', 'Collector', 'collector') RETURNING id",
  );
  collectorId = rows[0].id;
});

afterAll(async () => {
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

async function insertCase(reference: string, id: string = randomUUID()): Promise<string> {
  await database.pool.query("INSERT INTO cases (id, reference, currency, updated_at) VALUES ($1, $2, 'EUR', now())", [
    id,
    reference,
  ]);
  return id;
}

/**
 * Runs `action` into a deadlock with another session: `second` is locked first by the other
 * session; once the action waits for it (a backend waiting on a lock whose query matches
 * `actionQuery`), the other session asks for `first`, which the action holds.
 */
async function deadlockWith<T>(
  lock: { first: string; second: string; params: [unknown[], unknown[]] },
  actionQuery: string,
  action: () => Promise<T>,
): Promise<T> {
  const other = new pg.Client({ connectionString: database.url });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query(lock.second, lock.params[1]);
    const result = action().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await waitFor(
      async () => {
        const { rows } = await database.pool.query(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1",
          [`%${actionQuery}%`],
        );
        return rows.length > 0;
      },
      10_000,
      'the action to wait for the row the other session holds',
    );
    // Blocks until PostgreSQL breaks the cycle by aborting the action's transaction.
    await other.query(lock.first, lock.params[0]);
    await other.query('COMMIT');
    const outcome = await result;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  } finally {
    await other.end();
  }
}

describe('deadlocks', () => {
  it('a bulk assignment caught in one is retried and assigns every case', async () => {
    // Ids in the same order as the references, so the action locks `first` first whichever it sorts by.
    const [firstId, secondId] = [randomUUID(), randomUUID()].sort();
    const first = await insertCase('DL-ASSIGN-A', firstId);
    const second = await insertCase('DL-ASSIGN-B', secondId);
    const lockCase = 'SELECT id FROM cases WHERE id = $1 FOR UPDATE';
    const result = await deadlockWith(
      { first: lockCase, second: lockCase, params: [[first], [second]] },
      'FOR UPDATE OF c',
      () => assignCases({ actor, caseIds: [second, first], assigneeId: collectorId }),
    );
    expect(result).toMatchObject({ changed: 2, notFound: [] });
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM cases WHERE assignee_id = $1', [
      collectorId,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('marking payments reconciled, caught in one, is retried and marks them all', async () => {
    const caseId = await insertCase('DL-PAY-1');
    const [first, second] = [randomUUID(), randomUUID()].sort();
    for (const id of [first, second]) {
      await database.pool.query(
        "INSERT INTO payments (id, case_id, debitura_payment_id, amount_minor, currency) VALUES ($1, $2, $3, 100, 'EUR')",
        [id, caseId, `dl-${id}`],
      );
    }
    const lockPayment = 'SELECT id FROM payments WHERE id = $1 FOR UPDATE';
    const result = await deadlockWith(
      { first: lockPayment, second: lockPayment, params: [[first], [second]] },
      'FOR UPDATE OF p',
      () => markReconciled({ actor, paymentIds: [first, second], note: 'checked' }),
    );
    expect(result).toMatchObject({ changed: 2, skipped: [] });
  });
});
