import { HttpError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

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

/**
 * Before a payment is stored for a bank line: the line is locked and must still be waiting for
 * one (no match, no registration on its way; one Debitura refused may be tried again), so the
 * line is registered with Debitura once however many people press the button at the same time.
 * Called inside the payment action's transaction, after the case's lock.
 */
export async function claimBankLine(tx: Prisma.TransactionClient, lineId: string): Promise<void> {
  const [line] = await tx.$queryRaw<{ match_status: string; registered: boolean }[]>`
    SELECT bl.match_status, EXISTS (
      SELECT 1 FROM outbound_actions a
      WHERE a.bank_line_id = bl.id AND a.kind = 'payment_create'
        AND NOT (a.status = 'failed' AND a.error_code = 'refused')) AS registered
    FROM bank_lines bl WHERE bl.id = ${lineId}::uuid FOR UPDATE OF bl`;
  if (!line) throw new HttpError(404, 'not_found', 'That bank line does not exist.');
  if (line.registered || line.match_status !== 'unmatched') {
    throw new HttpError(409, 'bank_line_registered', 'This bank line is already matched or registered with Debitura.');
  }
}
