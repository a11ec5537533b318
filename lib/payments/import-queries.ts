import { db } from '@/lib/db';

/** Reads for the bank statement pages. Callers check `payments:reconcile` first. */

export type ImportSummary = {
  id: string;
  fileName: string | null;
  importedAt: Date;
  importedByName: string | null;
  rowCount: number;
  lineCount: number;
  duplicateLineCount: number;
  skippedRowCount: number;
  open: number;
};

type ImportRow = {
  id: string;
  file_name: string | null;
  imported_at: Date;
  imported_by_name: string | null;
  row_count: number;
  line_count: number;
  duplicate_line_count: number;
  skipped_row_count: number;
  open: bigint;
};

function toSummary(row: ImportRow): ImportSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    importedAt: row.imported_at,
    importedByName: row.imported_by_name,
    rowCount: row.row_count,
    lineCount: row.line_count,
    duplicateLineCount: row.duplicate_line_count,
    skippedRowCount: row.skipped_row_count,
    open: Number(row.open),
  };
}

const IMPORT_COLUMNS = `i.id, i.file_name, i.imported_at, u.name AS imported_by_name, i.row_count, i.line_count,
  i.duplicate_line_count, i.skipped_row_count,
  (SELECT count(*) FROM bank_lines bl WHERE bl.import_id = i.id AND bl.match_status IN ('unmatched', 'suggested', 'needs_review')) AS open`;

export async function listImports(limit = 20): Promise<ImportSummary[]> {
  const rows = await db.$queryRawUnsafe<ImportRow[]>(
    `SELECT ${IMPORT_COLUMNS} FROM bank_statement_imports i LEFT JOIN users u ON u.id = i.imported_by
     ORDER BY i.imported_at DESC LIMIT $1`,
    limit,
  );
  return rows.map(toSummary);
}

export async function getImport(id: string): Promise<ImportSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await db.$queryRawUnsafe<ImportRow[]>(
    `SELECT ${IMPORT_COLUMNS} FROM bank_statement_imports i LEFT JOIN users u ON u.id = i.imported_by WHERE i.id = $1::uuid`,
    id,
  );
  return rows[0] ? toSummary(rows[0]) : null;
}

export type BankLineView = {
  id: string;
  rowNumber: number;
  date: Date;
  amountMinor: bigint;
  currency: string;
  reference: string;
  status: string;
  score: number | null;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  payment: {
    id: string;
    debituraPaymentId: string;
    caseReference: string;
    amountMinor: bigint | null;
    currency: string | null;
    date: Date | null;
    isDeleted: boolean;
    status: string;
  } | null;
};

/** The lines of one import with the payment each is matched (or suggested) to; open ones first. */
export async function listImportLines(importId: string): Promise<BankLineView[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      row_number: number;
      date: Date;
      amount_minor: bigint;
      currency: string;
      reference: string;
      match_status: string;
      match_score: number | null;
      confirmed_at: Date | null;
      confirmed_by_name: string | null;
      payment_id: string | null;
      debitura_payment_id: string | null;
      case_reference: string | null;
      payment_amount: bigint | null;
      payment_currency: string | null;
      payment_date: Date | null;
      is_deleted: boolean | null;
      reconciliation_status: string | null;
    }[]
  >`
    SELECT bl.id, bl.row_number, bl.date, bl.amount_minor, bl.currency, bl.reference, bl.match_status, bl.match_score,
           bl.confirmed_at, u.name AS confirmed_by_name, p.id AS payment_id, p.debitura_payment_id, c.reference AS case_reference,
           p.amount_minor AS payment_amount, p.currency AS payment_currency, p.date AS payment_date, p.is_deleted, p.reconciliation_status
    FROM bank_lines bl
    LEFT JOIN payments p ON p.id = bl.matched_payment_id
    LEFT JOIN cases c ON c.id = p.case_id
    LEFT JOIN users u ON u.id = bl.confirmed_by
    WHERE bl.import_id = ${importId}::uuid
    ORDER BY CASE bl.match_status WHEN 'needs_review' THEN 0 WHEN 'suggested' THEN 1 WHEN 'unmatched' THEN 2 ELSE 3 END, bl.row_number`;
  return rows.map((row) => ({
    id: row.id,
    rowNumber: row.row_number,
    date: row.date,
    amountMinor: row.amount_minor,
    currency: row.currency,
    reference: row.reference,
    status: row.match_status,
    score: row.match_score,
    confirmedAt: row.confirmed_at,
    confirmedByName: row.confirmed_by_name,
    payment: row.payment_id
      ? {
          id: row.payment_id,
          debituraPaymentId: row.debitura_payment_id ?? '',
          caseReference: row.case_reference ?? '',
          amountMinor: row.payment_amount,
          currency: row.payment_currency,
          date: row.payment_date,
          isDeleted: row.is_deleted ?? false,
          status: row.reconciliation_status ?? '',
        }
      : null,
  }));
}

/** Per-currency totals of an import's lines (a statement may hold several currencies). */
export async function importTotals(
  importId: string,
): Promise<{ currency: string; lines: number; amountMinor: bigint; confirmedMinor: bigint }[]> {
  const rows = await db.$queryRaw<{ currency: string; lines: bigint; amount: bigint; confirmed: bigint }[]>`
    SELECT currency, count(*) AS lines, sum(amount_minor)::bigint AS amount,
           COALESCE(sum(amount_minor) FILTER (WHERE match_status = 'confirmed'), 0)::bigint AS confirmed
    FROM bank_lines WHERE import_id = ${importId}::uuid GROUP BY currency ORDER BY currency`;
  return rows.map((row) => ({
    currency: row.currency,
    lines: Number(row.lines),
    amountMinor: row.amount,
    confirmedMinor: row.confirmed,
  }));
}
