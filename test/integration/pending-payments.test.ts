import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPendingActions } from '@/lib/case-actions/target';
import { db } from '@/lib/db';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * A payment recorded here is "on its way" until Debitura's payment.created brings it into the
 * case's payments; from that moment it is counted there, and no longer also as on its way,
 * even before the sender marks the action confirmed.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

const recordPayment = (caseId: string, amountMinor: number, status: string, debituraPaymentId: string | null) =>
  database.pool.query(
    `INSERT INTO outbound_actions (id, case_id, kind, status, payload, idempotency_key, debitura_payment_id)
     VALUES (gen_random_uuid(), $1, 'payment_create', $2, $3, $4, $5)`,
    [caseId, status, JSON.stringify({ amountMinor, currency: 'EUR' }), randomUUID(), debituraPaymentId],
  );

it('counts a sent payment as on its way only until its payment.created has arrived', async () => {
  const caseId = randomUUID();
  await database.pool.query(
    `INSERT INTO cases (id, reference, state, currency, updated_at) VALUES ($1, 'PEND-1', 'Active', 'EUR', now())`,
    [caseId],
  );
  await recordPayment(caseId, 10_000, 'pending', null);
  await recordPayment(caseId, 2_500, 'sent', 'pay-77');
  expect((await getPendingActions(caseId)).unconfirmedPaidMinor).toBe(12_500n);

  // payment.created for pay-77 is applied; the sender has not confirmed the action yet.
  await database.pool.query(
    `INSERT INTO payments (id, case_id, debitura_payment_id, amount_minor, currency, date)
     VALUES (gen_random_uuid(), $1, 'pay-77', 2500, 'EUR', now())`,
    [caseId],
  );
  const pending = await getPendingActions(caseId);
  expect(pending.unconfirmedPaidMinor).toBe(10_000n);
  expect(pending.inFlightKinds).toEqual(['payment_create']);
});
