import type pg from 'pg';
import type { CaseRecord } from './fold';

/** Reading and writing the `cases` row the applier folds events into (raw SQL, under a row lock). */

const COLUMNS = `id, reference, debitura_case_id, creditor_reference, state, state_at, state_event_id,
  close_code, close_comment, closed_at, engagement_phase, is_test, currency, original_amount_minor,
  added_fees_minor, debtor_name, creditor_name, debtor, creditor, fees, date_created, due_date,
  assigned_at, detail_at, detail_status, detail_attempts, detail_next_attempt_at, detail_error, last_activity_at`;

type Row = Record<string, unknown>;

/**
 * Locks the case row for the rest of the transaction, creating it from the reference when no
 * event has named it before (a payment can arrive before the assignment).
 */
export async function lockCase(client: pg.ClientBase, reference: string): Promise<CaseRecord> {
  const select = () => client.query<Row>(`SELECT ${COLUMNS} FROM cases WHERE reference = $1 FOR UPDATE`, [reference]);
  let { rows } = await select();
  if (!rows.length) {
    ({ rows } = await client.query<Row>(
      `INSERT INTO cases (id, reference, updated_at) VALUES (gen_random_uuid(), $1, now())
       ON CONFLICT (reference) DO NOTHING RETURNING ${COLUMNS}`,
      [reference],
    ));
    // Another transaction created it first: wait for its lock like everyone else.
    if (!rows.length) ({ rows } = await select());
  }
  return toRecord(rows[0]);
}

/**
 * Writes the folded registers and recomputes the balance from the payments that stand, in the
 * same statement: paid = their sum (in the case currency once it is known), outstanding =
 * original + added fees − paid.
 */
export async function saveCase(client: pg.ClientBase, record: CaseRecord): Promise<void> {
  const r = record;
  await client.query(
    `UPDATE cases c SET
       debitura_case_id = $2, creditor_reference = $3, state = $4, state_at = $5, state_event_id = $6,
       close_code = $7, close_comment = $8, closed_at = $9, engagement_phase = $10, is_test = $11,
       currency = $12, original_amount_minor = $13, added_fees_minor = $14, debtor_name = $15,
       creditor_name = $16, debtor = $17, creditor = $18, fees = $19, date_created = $20, due_date = $21,
       assigned_at = $22, detail_at = $23, detail_status = $24, detail_attempts = $25,
       detail_next_attempt_at = $26, detail_error = $27, last_activity_at = $28, updated_at = now(),
       paid_minor = p.paid,
       outstanding_minor = $13::bigint + COALESCE($14::bigint, 0) - p.paid
     FROM (${PAID_SUBQUERY}) p
     WHERE c.id = $1`,
    [
      r.id, r.debituraCaseId, r.creditorReference, r.state, r.stateAt, r.stateEventId,
      r.closeCode, r.closeComment, r.closedAt, r.engagementPhase, r.isTest,
      r.currency, r.originalAmountMinor, r.addedFeesMinor, r.debtorName,
      r.creditorName, json(r.debtor), json(r.creditor), json(r.fees), r.dateCreated, r.dueDate,
      r.assignedAt, r.detailAt, r.detailStatus, r.detailAttempts,
      r.detailNextAttemptAt, r.detailError, r.lastActivityAt,
    ],
  );
}

/** $1 = case id, $12 = the case currency (null: count every payment). */
const PAID_SUBQUERY = `SELECT COALESCE(sum(amount_minor), 0)::bigint AS paid FROM payments
  WHERE case_id = $1 AND NOT is_deleted AND amount_minor IS NOT NULL AND ($12::text IS NULL OR currency = $12::text)`;

/** For writers that change only detail columns (the detail fetcher): the balance, from the row's own values. */
export async function recomputeBalance(client: pg.ClientBase, caseId: string): Promise<void> {
  await client.query(
    `UPDATE cases c SET paid_minor = p.paid,
       outstanding_minor = c.original_amount_minor + COALESCE(c.added_fees_minor, 0) - p.paid, updated_at = now()
     FROM (SELECT COALESCE(sum(pay.amount_minor), 0)::bigint AS paid FROM payments pay, cases c2
           WHERE c2.id = $1 AND pay.case_id = $1 AND NOT pay.is_deleted AND pay.amount_minor IS NOT NULL
             AND (c2.currency IS NULL OR pay.currency = c2.currency)) p
     WHERE c.id = $1`,
    [caseId],
  );
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

const bigintOrNull = (value: unknown) => (value === null || value === undefined ? null : BigInt(value as string));

function toRecord(row: Row): CaseRecord {
  return {
    id: row.id as string,
    reference: row.reference as string,
    debituraCaseId: row.debitura_case_id as string | null,
    creditorReference: row.creditor_reference as string | null,
    state: row.state as string | null,
    stateAt: row.state_at as Date | null,
    stateEventId: row.state_event_id as string | null,
    closeCode: row.close_code as string | null,
    closeComment: row.close_comment as string | null,
    closedAt: row.closed_at as Date | null,
    engagementPhase: row.engagement_phase as string | null,
    isTest: row.is_test as boolean,
    currency: row.currency as string | null,
    originalAmountMinor: bigintOrNull(row.original_amount_minor),
    addedFeesMinor: bigintOrNull(row.added_fees_minor),
    debtorName: row.debtor_name as string | null,
    creditorName: row.creditor_name as string | null,
    debtor: row.debtor as Record<string, unknown> | null,
    creditor: row.creditor as Record<string, unknown> | null,
    fees: row.fees as Record<string, number> | null,
    dateCreated: row.date_created as Date | null,
    dueDate: row.due_date as Date | null,
    assignedAt: row.assigned_at as Date | null,
    detailAt: row.detail_at as Date | null,
    detailStatus: row.detail_status as string,
    detailAttempts: row.detail_attempts as number,
    detailNextAttemptAt: row.detail_next_attempt_at as Date | null,
    detailError: row.detail_error as string | null,
    lastActivityAt: row.last_activity_at as Date | null,
  };
}
