import { minorToDecimal, toCsv, type CsvColumn } from '@/lib/csv/csv';
import { MAX_PAGE_SIZE, type PaymentQuery } from './filters';
import { listPayments, type PaymentRow } from './queries';

/** The filtered payments as CSV: the same filter and order as the list on screen, every page. */

export const MAX_EXPORT_ROWS = 100_000;

const money = (row: PaymentRow) =>
  row.amountMinor !== null && row.currency ? minorToDecimal(row.amountMinor, row.currency) : null;

export const PAYMENT_CSV_COLUMNS: CsvColumn<PaymentRow>[] = [
  { header: 'payment_id', value: (row) => row.debituraPaymentId },
  { header: 'case_reference', value: (row) => row.caseReference },
  { header: 'date', value: (row) => row.date },
  { header: 'amount', value: money },
  { header: 'currency', value: (row) => row.currency },
  { header: 'amount_minor', value: (row) => row.amountMinor },
  { header: 'recipient', value: (row) => row.recipient },
  { header: 'method', value: (row) => row.method },
  { header: 'deleted', value: (row) => row.isDeleted },
  { header: 'deleted_at', value: (row) => row.deletedAt },
  { header: 'reconciliation_status', value: (row) => row.status },
  { header: 'reconciled_at', value: (row) => row.reconciledAt },
  { header: 'reconciled_by', value: (row) => row.reconciledByName },
  { header: 'reconcile_note', value: (row) => row.reconcileNote },
  { header: 'bank_line_date', value: (row) => row.bankLine?.date },
  { header: 'bank_line_reference', value: (row) => row.bankLine?.reference },
  { header: 'collector', value: (row) => row.assigneeName },
];

export async function exportPaymentsCsv(
  query: PaymentQuery,
): Promise<{ csv: string; rows: number; isTruncated: boolean }> {
  const rows: PaymentRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPayments({ ...query, limit: MAX_PAGE_SIZE, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_EXPORT_ROWS);
  const isTruncated = rows.length > MAX_EXPORT_ROWS || Boolean(cursor);
  const kept = rows.slice(0, MAX_EXPORT_ROWS);
  return { csv: toCsv(PAYMENT_CSV_COLUMNS, kept), rows: kept.length, isTruncated };
}
