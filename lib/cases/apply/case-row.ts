import type pg from 'pg';
import { compareIds, type CaseRecord } from './fold';

/**
 * Reading and writing the `cases` rows the applier folds events into: raw SQL, under row
 * locks, a whole batch of cases per statement.
 */

type Column = { name: string; type: string; key: keyof CaseRecord; json?: boolean };

/** The columns the applier owns (everything but assignment, timestamps and the balance). */
const COLUMNS: Column[] = [
  { name: 'debitura_case_id', type: 'text', key: 'debituraCaseId' },
  { name: 'creditor_reference', type: 'text', key: 'creditorReference' },
  { name: 'state', type: 'text', key: 'state' },
  { name: 'state_at', type: 'timestamptz', key: 'stateAt' },
  { name: 'state_event_id', type: 'text', key: 'stateEventId' },
  { name: 'close_code', type: 'text', key: 'closeCode' },
  { name: 'close_comment', type: 'text', key: 'closeComment' },
  { name: 'closed_at', type: 'timestamptz', key: 'closedAt' },
  { name: 'engagement_phase', type: 'text', key: 'engagementPhase' },
  { name: 'is_test', type: 'boolean', key: 'isTest' },
  { name: 'currency', type: 'text', key: 'currency' },
  { name: 'original_amount_minor', type: 'bigint', key: 'originalAmountMinor' },
  { name: 'added_fees_minor', type: 'bigint', key: 'addedFeesMinor' },
  { name: 'debtor_name', type: 'text', key: 'debtorName' },
  { name: 'creditor_name', type: 'text', key: 'creditorName' },
  { name: 'debtor', type: 'jsonb', key: 'debtor', json: true },
  { name: 'creditor', type: 'jsonb', key: 'creditor', json: true },
  { name: 'fees', type: 'jsonb', key: 'fees', json: true },
  { name: 'date_created', type: 'timestamptz', key: 'dateCreated' },
  { name: 'due_date', type: 'timestamptz', key: 'dueDate' },
  { name: 'assigned_at', type: 'timestamptz', key: 'assignedAt' },
  { name: 'detail_at', type: 'timestamptz', key: 'detailAt' },
  { name: 'detail_status', type: 'text', key: 'detailStatus' },
  { name: 'detail_attempts', type: 'int', key: 'detailAttempts' },
  { name: 'detail_next_attempt_at', type: 'timestamptz', key: 'detailNextAttemptAt' },
  { name: 'detail_error', type: 'text', key: 'detailError' },
  { name: 'last_activity_at', type: 'timestamptz', key: 'lastActivityAt' },
];

const SELECTED = ['id', 'reference', ...COLUMNS.map((column) => column.name)].join(', ');

/**
 * Locks the cases of a batch for the rest of the transaction, creating those no event has
 * named before (a payment can arrive before the assignment). Always in byte order of the
 * reference, so two batches sharing cases wait for each other instead of deadlocking.
 */
export async function lockCases(
  client: pg.ClientBase,
  references: readonly string[],
): Promise<Map<string, CaseRecord>> {
  const sorted = [...new Set(references)].sort(compareIds);
  await client.query(
    `INSERT INTO cases (id, reference, updated_at) SELECT gen_random_uuid(), r, now() FROM unnest($1::text[]) WITH ORDINALITY AS t(r, n)
     ORDER BY n ON CONFLICT (reference) DO NOTHING`,
    [sorted],
  );
  const { rows } = await client.query<Record<string, unknown>>(
    `SELECT ${SELECTED} FROM cases WHERE reference = ANY($1::text[]) ORDER BY reference COLLATE "C" FOR UPDATE`,
    [sorted],
  );
  return new Map(rows.map((row) => [row.reference as string, toRecord(row)]));
}

/**
 * Writes the folded registers of each case and recomputes its balance from the payments
 * that stand, in one statement: paid = their sum (in the case currency once it is known),
 * outstanding = original + added fees − paid.
 */
export async function saveCases(client: pg.ClientBase, records: readonly CaseRecord[]): Promise<void> {
  if (!records.length) return;
  const values = [
    records.map((record) => record.id),
    ...COLUMNS.map((column) => records.map((record) => toParameter(record, column))),
  ];
  const names = ['id', ...COLUMNS.map((column) => column.name)];
  await client.query(
    `UPDATE cases c SET ${COLUMNS.map((column) => `${column.name} = v.${column.name}`).join(', ')},
       updated_at = now(), paid_minor = p.paid,
       outstanding_minor = v.original_amount_minor + COALESCE(v.added_fees_minor, 0) - p.paid
     FROM unnest(${names.map((_, index) => `$${index + 1}::${index === 0 ? 'uuid' : COLUMNS[index - 1].type}[]`).join(', ')})
       AS v(${names.join(', ')})
     CROSS JOIN LATERAL (${paidFor('v.id', 'v.currency')}) p
     WHERE c.id = v.id`,
    values,
  );
}

/**
 * The balance of case $1 from the row's own values and the payments that stand, for writers
 * that change only detail columns (the detail fetcher) or one payment (a correction sent to
 * Debitura, lib/payments/correction.ts).
 */
export const RECOMPUTE_BALANCE_SQL = `UPDATE cases c
  SET paid_minor = p.paid, outstanding_minor = c.original_amount_minor + COALESCE(c.added_fees_minor, 0) - p.paid,
    updated_at = now()
  FROM cases c2 CROSS JOIN LATERAL (${paidFor('c2.id', 'c2.currency')}) p
  WHERE c.id = $1 AND c2.id = $1`;

export async function recomputeBalance(client: pg.ClientBase, caseId: string): Promise<void> {
  await client.query(RECOMPUTE_BALANCE_SQL, [caseId]);
}

function paidFor(caseId: string, currency: string): string {
  return `SELECT COALESCE(sum(pay.amount_minor), 0)::bigint AS paid FROM payments pay
    WHERE pay.case_id = ${caseId} AND NOT pay.is_deleted AND pay.amount_minor IS NOT NULL
      AND (${currency} IS NULL OR pay.currency = ${currency})`;
}

function toParameter(record: CaseRecord, column: Column): unknown {
  const value = record[column.key];
  if (value === null || value === undefined) return null;
  return column.json ? JSON.stringify(value) : value;
}

function toRecord(row: Record<string, unknown>): CaseRecord {
  const record: Record<string, unknown> = { id: row.id, reference: row.reference };
  for (const column of COLUMNS) {
    const value = row[column.name];
    record[column.key] = column.type === 'bigint' && value !== null ? BigInt(value as string) : value;
  }
  return record as CaseRecord;
}
