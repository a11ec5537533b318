import { RECOMPUTE_BALANCE_SQL } from '@/lib/cases/apply/case-row';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionPayloads } from '@/lib/outbox/kinds';

/**
 * A payment correction Debitura accepted, written into the case's own payment: Debitura sends
 * no webhook for an edited payment (docs/debitura.md, "Acting on cases"), so its answer is the only
 * news of it. The balance follows, and a payment already matched or reconciled to a bank line
 * whose amount or date changed goes back to review, with its bank lines, as a deleted one does
 * (migration 20261126160000_reconciliation).
 */
export async function applyAcceptedCorrection(
  tx: Prisma.TransactionClient,
  caseId: string,
  correction: ActionPayloads['payment_update'],
): Promise<void> {
  const amountMinor = BigInt(correction.amountMinor);
  // Payment dates are calendar days, stored as their UTC midnight like the webhook's.
  const date = new Date(`${correction.date}T00:00:00Z`);
  const payment = await tx.$queryRaw<{ id: string; changed: boolean }[]>`
    SELECT id, (amount_minor, date) IS DISTINCT FROM (${amountMinor}, ${date}::timestamptz) AS changed
    FROM payments
    WHERE case_id = ${caseId}::uuid AND debitura_payment_id = ${correction.debituraPaymentId} AND NOT is_deleted
    FOR UPDATE`;
  if (!payment[0]) return; // not here (yet): its payment.created will carry Debitura's values
  const { id, changed } = payment[0];
  if (changed) {
    await tx.$executeRaw`
      UPDATE bank_lines SET match_status = 'needs_review'
      WHERE matched_payment_id = ${id}::uuid AND match_status IN ('suggested', 'confirmed')`;
  }
  await tx.$executeRaw`
    UPDATE payments SET amount_minor = ${amountMinor}, date = ${date}::timestamptz, recipient = ${correction.recipient},
      reconciliation_status = CASE
        WHEN ${changed} AND reconciliation_status IN ('reconciled', 'matched') THEN 'needs_review'
        ELSE reconciliation_status END
    WHERE id = ${id}::uuid`;
  await tx.$executeRawUnsafe(RECOMPUTE_BALANCE_SQL, caseId);
}
