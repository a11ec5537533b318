import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { withConflictRetry } from '@/lib/database/conflict-retry';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { englishPaymentsMessage, type MessageValues } from './messages';

/**
 * The manager's reconciliation actions. Each runs in one transaction that locks the rows it
 * changes (so two managers, or a manager and a webhook deleting the payment, are serialised
 * by the database) and writes its audit entries in the same transaction. Locks are taken in
 * the one order of lib/database/conflict-retry.ts, payments before bank lines (the webhook's
 * deletion locks a payment and then, by trigger, its lines), and a deadlock is retried.
 *
 * Payment statuses: unreconciled → matched (a bank line is confirmed to it) → reconciled
 * (marked by a manager, with who, when and a note). needs_review is set by the database
 * trigger in migration 20261126160000_reconciliation when Debitura deletes a payment that
 * was matched or reconciled; a manager resolves it by reconciling it again with a note.
 */

/** Why an action was refused: `code` names its message in the `payments.errors` catalog. */
export class ReconcileError extends Error {
  constructor(
    readonly code: string,
    readonly values: MessageValues = {},
  ) {
    super(englishPaymentsMessage(`errors.${code}`, values));
    this.name = 'ReconcileError';
  }
}

export const MAX_NOTE_LENGTH = 1000;
export const MAX_BULK = 1000;

/** Interactive transaction limits for work over many rows (Prisma's default timeout is 5 s). */
export const BULK_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

type Tx = Prisma.TransactionClient;

type LockedLine = {
  id: string;
  row_number: number;
  currency: string;
  amount_minor: bigint;
  matched_payment_id: string | null;
  match_status: string;
  match_score: number | null;
};
type LockedPayment = {
  id: string;
  debitura_payment_id: string;
  currency: string | null;
  amount_minor: bigint | null;
  is_deleted: boolean;
  reconciliation_status: string;
  reference: string;
};

async function readLine(tx: Tx, lineId: string, lock: 'lock' | 'read'): Promise<LockedLine> {
  const [line] =
    lock === 'lock'
      ? await tx.$queryRaw<LockedLine[]>`
        SELECT id, row_number, currency, amount_minor, matched_payment_id, match_status, match_score
        FROM bank_lines WHERE id = ${lineId}::uuid FOR UPDATE`
      : await tx.$queryRaw<LockedLine[]>`
        SELECT id, row_number, currency, amount_minor, matched_payment_id, match_status, match_score
        FROM bank_lines WHERE id = ${lineId}::uuid`;
  if (!line) throw new ReconcileError('lineNotFound');
  return line;
}

/** Thrown when a line changed between reading it and locking it: the whole action is redone. */
class LineChangedError extends Error {
  readonly code = '40001';
}

/**
 * The line's payments first (its current one and `otherPaymentId`, in id order), then the line
 * itself; a line whose payment changed in between is read again from the start.
 */
async function lockLineAfterPayments(tx: Tx, lineId: string, otherPaymentId?: string): Promise<LockedLine> {
  const seen = await readLine(tx, lineId, 'read');
  const paymentIds = [...new Set([seen.matched_payment_id, otherPaymentId].filter((id): id is string => !!id))];
  if (paymentIds.length) {
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ANY(${paymentIds}::uuid[]) ORDER BY id FOR UPDATE`;
  }
  const line = await readLine(tx, lineId, 'lock');
  if (line.matched_payment_id !== seen.matched_payment_id)
    throw new LineChangedError('the bank line changed meanwhile');
  return line;
}

async function lockPayment(tx: Tx, paymentId: string): Promise<LockedPayment | undefined> {
  const [payment] = await tx.$queryRaw<LockedPayment[]>`
    SELECT p.id, p.debitura_payment_id, p.currency, p.amount_minor, p.is_deleted, p.reconciliation_status, c.reference
    FROM payments p JOIN cases c ON c.id = p.case_id
    WHERE p.id = ${paymentId}::uuid FOR UPDATE OF p`;
  return payment;
}

/** A payment whose confirmed line goes away falls back from matched to unreconciled. */
async function releasePayment(tx: Tx, paymentId: string, exceptLineId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE payments SET reconciliation_status = 'unreconciled'
    WHERE id = ${paymentId}::uuid AND reconciliation_status = 'matched'
      AND NOT EXISTS (SELECT 1 FROM bank_lines WHERE matched_payment_id = ${paymentId}::uuid
                      AND id <> ${exceptLineId}::uuid AND match_status = 'confirmed')`;
}

const wasConfirmed = (line: LockedLine) => line.match_status === 'confirmed' || line.match_status === 'needs_review';

/**
 * Confirms the line's suggested payment, or (with `paymentId`) corrects it to another one in
 * the same currency. The payment moves to matched.
 */
export async function confirmLineMatch(input: {
  actor: AuditActor;
  lineId: string;
  paymentId?: string;
}): Promise<void> {
  await withConflictRetry(() =>
    db.$transaction(async (tx) => {
      const line = await lockLineAfterPayments(tx, input.lineId, input.paymentId);
      const targetId = input.paymentId ?? line.matched_payment_id;
      if (!targetId) throw new ReconcileError('noSuggestion');
      const payment = await lockPayment(tx, targetId);
      if (!payment) throw new ReconcileError('paymentNotFound');
      if (payment.currency !== line.currency) {
        throw new ReconcileError('currencyMismatch', {
          paymentCurrency: payment.currency ?? 'none',
          lineCurrency: line.currency,
        });
      }
      if (payment.is_deleted) throw new ReconcileError('paymentDeleted');
      const [taken] = await tx.$queryRaw<{ row_number: number; file_name: string | null }[]>`
      SELECT bl.row_number, i.file_name FROM bank_lines bl JOIN bank_statement_imports i ON i.id = bl.import_id
      WHERE bl.matched_payment_id = ${targetId}::uuid AND bl.id <> ${line.id}::uuid AND bl.match_status IN ('confirmed', 'needs_review')`;
      if (taken) throw new ReconcileError('alreadyMatched', { row: taken.row_number, file: taken.file_name ?? 'none' });

      const isCorrection = line.matched_payment_id !== targetId;
      if (isCorrection && line.matched_payment_id && wasConfirmed(line))
        await releasePayment(tx, line.matched_payment_id, line.id);
      await tx.$executeRaw`
      UPDATE bank_lines SET matched_payment_id = ${targetId}::uuid, match_status = 'confirmed',
        match_score = ${isCorrection ? null : line.match_score}, confirmed_by = ${input.actor.id}::uuid,
        confirmed_at = now()
      WHERE id = ${line.id}::uuid`;
      // Other lines merely suggesting this payment lose the suggestion and can be matched again
      // (locked in id order first, as every path takes bank lines).
      await tx.$queryRaw`
      SELECT id FROM bank_lines WHERE matched_payment_id = ${targetId}::uuid AND id <> ${line.id}::uuid
        AND match_status = 'suggested' ORDER BY id FOR UPDATE`;
      await tx.$executeRaw`
      UPDATE bank_lines SET matched_payment_id = NULL, match_status = 'unmatched', match_score = NULL
      WHERE matched_payment_id = ${targetId}::uuid AND id <> ${line.id}::uuid AND match_status = 'suggested'`;
      await tx.$executeRaw`
      UPDATE payments SET reconciliation_status = 'matched' WHERE id = ${targetId}::uuid AND reconciliation_status = 'unreconciled'`;
      await recordAudit(
        {
          actor: input.actor,
          action: isCorrection ? 'bank_line.match_corrected' : 'bank_line.match_confirmed',
          targetType: 'bank_line',
          targetId: line.id,
          detail: {
            row: line.row_number,
            amountMinor: line.amount_minor.toString(),
            currency: line.currency,
            previousPaymentId: line.matched_payment_id,
            previousStatus: line.match_status,
            paymentId: payment.id,
            debituraPaymentId: payment.debitura_payment_id,
            caseReference: payment.reference,
          },
        },
        tx,
      );
    }),
  );
}

/** The line pays none of our payments (a different creditor, a refund...). */
export async function rejectLineMatch(input: { actor: AuditActor; lineId: string }): Promise<void> {
  await withConflictRetry(() =>
    db.$transaction(async (tx) => {
      const line = await lockLineAfterPayments(tx, input.lineId);
      if (line.matched_payment_id && wasConfirmed(line)) await releasePayment(tx, line.matched_payment_id, line.id);
      await tx.$executeRaw`
      UPDATE bank_lines SET matched_payment_id = NULL, match_status = 'rejected', match_score = NULL,
        confirmed_by = ${input.actor.id}::uuid, confirmed_at = now()
      WHERE id = ${line.id}::uuid`;
      await recordAudit(
        {
          actor: input.actor,
          action: 'bank_line.match_rejected',
          targetType: 'bank_line',
          targetId: line.id,
          detail: {
            row: line.row_number,
            previousPaymentId: line.matched_payment_id,
            previousStatus: line.match_status,
          },
        },
        tx,
      );
    }),
  );
}

/** Why a payment was left out of a bulk action: its message is `payments.reconcile.reason.<reason>`. */
export type SkipReason = 'not_found' | 'already_reconciled' | 'deleted_by_debitura' | 'not_reconciled';
export type BulkResult = { changed: number; skipped: { paymentId: string; reason: SkipReason }[] };

function checkIds(paymentIds: string[], note: string | null): string | null {
  if (!paymentIds.length) throw new ReconcileError('selectOne');
  if (paymentIds.length > MAX_BULK) throw new ReconcileError('tooMany', { max: MAX_BULK });
  const trimmed = note?.trim() || null;
  if (trimmed && trimmed.length > MAX_NOTE_LENGTH) throw new ReconcileError('noteTooLong', { max: MAX_NOTE_LENGTH });
  return trimmed;
}

/**
 * Marks payments reconciled, one or many, recording who, when and the note. Already
 * reconciled ones are skipped (their who and when stay); a deleted payment can only be
 * reconciled to resolve a review, and resolving a review needs a note.
 */
export async function markReconciled(input: {
  actor: AuditActor;
  paymentIds: string[];
  note?: string | null;
}): Promise<BulkResult> {
  const note = checkIds(input.paymentIds, input.note ?? null);
  return withConflictRetry(() =>
    db.$transaction(async (tx) => {
      const payments = await tx.$queryRaw<LockedPayment[]>`
      SELECT p.id, p.debitura_payment_id, p.currency, p.amount_minor, p.is_deleted, p.reconciliation_status, c.reference
      FROM payments p JOIN cases c ON c.id = p.case_id
      WHERE p.id = ANY(${input.paymentIds}::uuid[]) ORDER BY p.id FOR UPDATE OF p`;
      const found = new Set(payments.map((payment) => payment.id));
      const skipped: BulkResult['skipped'] = input.paymentIds
        .filter((id) => !found.has(id))
        .map((paymentId) => ({ paymentId, reason: 'not_found' }));
      const eligible: LockedPayment[] = [];
      for (const payment of payments) {
        if (payment.reconciliation_status === 'reconciled')
          skipped.push({ paymentId: payment.id, reason: 'already_reconciled' });
        else if (payment.is_deleted && payment.reconciliation_status !== 'needs_review')
          skipped.push({ paymentId: payment.id, reason: 'deleted_by_debitura' });
        else eligible.push(payment);
      }
      if (!note && eligible.some((payment) => payment.reconciliation_status === 'needs_review')) {
        throw new ReconcileError('noteRequired');
      }
      if (eligible.length) {
        await tx.$executeRaw`
        UPDATE payments SET reconciliation_status = 'reconciled', reconciled_at = now(),
          reconciled_by = ${input.actor.id}::uuid, reconcile_note = ${note}
        WHERE id = ANY(${eligible.map((payment) => payment.id)}::uuid[])`;
      }
      for (const payment of eligible) {
        await recordAudit(
          {
            actor: input.actor,
            action: 'payment.reconciled',
            targetType: 'payment',
            targetId: payment.id,
            detail: {
              debituraPaymentId: payment.debitura_payment_id,
              caseReference: payment.reference,
              previousStatus: payment.reconciliation_status,
              note,
              bulk: input.paymentIds.length > 1,
            },
          },
          tx,
        );
      }
      return { changed: eligible.length, skipped };
    }, BULK_TRANSACTION),
  );
}

/** Undoes a reconciliation (a mistake): back to matched if a bank line is confirmed, else unreconciled. */
export async function markUnreconciled(input: {
  actor: AuditActor;
  paymentIds: string[];
  note?: string | null;
}): Promise<BulkResult> {
  const note = checkIds(input.paymentIds, input.note ?? null);
  return withConflictRetry(() =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM payments WHERE id = ANY(${input.paymentIds}::uuid[]) ORDER BY id FOR UPDATE`;
      const changed = await tx.$queryRaw<{ id: string; debitura_payment_id: string; reconciliation_status: string }[]>`
      UPDATE payments p SET
        reconciliation_status = CASE WHEN EXISTS (
          SELECT 1 FROM bank_lines bl WHERE bl.matched_payment_id = p.id AND bl.match_status = 'confirmed')
                                     THEN 'matched' ELSE 'unreconciled' END,
        reconciled_at = NULL, reconciled_by = NULL, reconcile_note = ${note}
      WHERE p.id = ANY(${input.paymentIds}::uuid[]) AND p.reconciliation_status = 'reconciled' AND NOT p.is_deleted
      RETURNING p.id, p.debitura_payment_id, p.reconciliation_status`;
      for (const payment of changed) {
        await recordAudit(
          {
            actor: input.actor,
            action: 'payment.unreconciled',
            targetType: 'payment',
            targetId: payment.id,
            detail: { debituraPaymentId: payment.debitura_payment_id, newStatus: payment.reconciliation_status, note },
          },
          tx,
        );
      }
      const changedIds = new Set(changed.map((payment) => payment.id));
      return {
        changed: changed.length,
        skipped: input.paymentIds
          .filter((id) => !changedIds.has(id))
          .map((paymentId) => ({ paymentId, reason: 'not_reconciled' as const })),
      };
    }, BULK_TRANSACTION),
  );
}
