import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { notifyLive } from '@/lib/live/notify';
import { reconcileConfirmedLines } from './bank-lines';

type Confirmed = { id: string; reference: string };

/**
 * A sent action is confirmed when what Debitura's webhook says has reached the case here:
 * the payment.created with the payment id Debitura answered, the payment.deleted, the
 * case.closed with the same code, the case.updated away from PendingVerification. Stated as
 * conditions on the stored rows rather than hooks on each webhook, so the order does not
 * matter: a webhook that came before Debitura's answer confirms the action the moment the
 * answer is stored, and one that comes later confirms it on the sender's next pass.
 */
/**
 * Whether the payment a sent payment_create action (alias `action`) made has come back from
 * Debitura as payment.created: from then on the case's payments hold it, and it is no longer
 * "on its way" (the balance would count it twice).
 */
export function paymentArrivedSql(action: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM payments p
    WHERE p.case_id = ${action}.case_id AND p.debitura_payment_id = ${action}.debitura_payment_id
      AND p.amount_minor IS NOT NULL)`;
}

export async function confirmActions(actionId: string | null = null): Promise<number> {
  const only = actionId ? Prisma.sql`AND a.id = ${actionId}::uuid` : Prisma.empty;
  const reference = Prisma.sql`(SELECT reference FROM cases WHERE id = a.case_id)`;
  const payments = await db.$queryRaw<Confirmed[]>`
    UPDATE outbound_actions a SET status = 'confirmed', confirmed_at = now()
    WHERE a.status = 'sent' AND a.kind = 'payment_create' ${only} AND ${paymentArrivedSql(Prisma.raw('a'))}
    RETURNING a.id, ${reference} AS reference`;
  const deletions = await db.$queryRaw<Confirmed[]>`
    UPDATE outbound_actions a SET status = 'confirmed', confirmed_at = now()
    FROM payments p
    WHERE a.status = 'sent' AND a.kind = 'payment_delete' ${only}
      AND p.case_id = a.case_id AND p.debitura_payment_id = a.debitura_payment_id AND p.is_deleted
    RETURNING a.id, ${reference} AS reference`;
  const cases = await db.$queryRaw<Confirmed[]>`
    UPDATE outbound_actions a SET status = 'confirmed', confirmed_at = now()
    FROM cases c
    WHERE a.status = 'sent' AND a.kind IN ('close', 'accept') ${only} AND c.id = a.case_id
      AND CASE a.kind
            WHEN 'close' THEN c.state = 'Closed' AND c.close_code = a.payload->>'closeCode'
            ELSE c.state IS NOT NULL AND c.state NOT IN ('PendingVerification', 'PendingVerificationInternal')
          END
    RETURNING a.id, c.reference`;
  if (payments.length) await reconcileConfirmedLines(payments.map((row) => row.id));
  const confirmed = [...payments, ...deletions, ...cases];
  // Open case pages show the action as confirmed.
  await notifyLive(
    db,
    'action.confirmed',
    confirmed.map((row) => row.reference),
  );
  return confirmed.length;
}
