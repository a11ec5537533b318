import { db } from '@/lib/db';

/**
 * Closing the loop on "Register with Debitura": a bank line whose payment Casedesk recorded
 * with Debitura is reconciled to that payment once payment.created confirms it. Lines first,
 * then payments: the lock order of lib/payments/reconcile.ts.
 */
export async function reconcileConfirmedLines(actionIds: string[]): Promise<void> {
  if (!actionIds.length) return;
  await db.$transaction(async (tx) => {
    const matched = await tx.$queryRaw<{ payment_id: string }[]>`
      WITH confirmed AS (
        SELECT a.bank_line_id, p.id AS payment_id, a.actor_id
        FROM outbound_actions a
        JOIN payments p ON p.case_id = a.case_id AND p.debitura_payment_id = a.debitura_payment_id
        WHERE a.id = ANY(${actionIds}::uuid[]) AND a.bank_line_id IS NOT NULL AND NOT p.is_deleted)
      UPDATE bank_lines b SET matched_payment_id = confirmed.payment_id, match_status = 'confirmed', match_score = NULL,
        confirmed_by = confirmed.actor_id, confirmed_at = now()
      FROM confirmed
      WHERE b.id = confirmed.bank_line_id AND b.match_status IN ('unmatched', 'suggested', 'rejected')
      RETURNING confirmed.payment_id`;
    if (!matched.length) return;
    await tx.$executeRaw`
      UPDATE payments SET reconciliation_status = 'matched'
      WHERE id = ANY(${matched.map((row) => row.payment_id)}::uuid[]) AND reconciliation_status = 'unreconciled'`;
  });
}
