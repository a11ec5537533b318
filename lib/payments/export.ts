import { minorToDecimal, toCsv, type CsvColumn } from '@/lib/csv/csv';
import type { Translate } from '@/lib/i18n/reader-language';
import { MAX_PAGE_SIZE, type PaymentQuery } from './filters';
import { listPayments, type PaymentRow } from './queries';

/** The filtered payments as CSV: the same filter and order as the list on screen, every page. */

export const MAX_EXPORT_ROWS = 100_000;

const money = (row: PaymentRow) =>
  row.amountMinor !== null && row.currency ? minorToDecimal(row.amountMinor, row.currency) : null;

/** Each column by its key; its header is `csv.payments.<key>` in the reader's language. */
const PAYMENT_CSV_COLUMNS: { key: string; value: CsvColumn<PaymentRow>['value'] }[] = [
  { key: 'payment_id', value: (row) => row.debituraPaymentId },
  { key: 'case_reference', value: (row) => row.caseReference },
  { key: 'date', value: (row) => row.date },
  { key: 'amount', value: money },
  { key: 'currency', value: (row) => row.currency },
  { key: 'amount_minor', value: (row) => row.amountMinor },
  { key: 'recipient', value: (row) => row.recipient },
  { key: 'method', value: (row) => row.method },
  { key: 'deleted', value: (row) => row.isDeleted },
  { key: 'deleted_at', value: (row) => row.deletedAt },
  { key: 'reconciliation_status', value: (row) => row.status },
  { key: 'reconciled_at', value: (row) => row.reconciledAt },
  { key: 'reconciled_by', value: (row) => row.reconciledByName },
  { key: 'reconcile_note', value: (row) => row.reconcileNote },
  { key: 'bank_line_date', value: (row) => row.bankLine?.date },
  { key: 'bank_line_reference', value: (row) => row.bankLine?.reference },
  { key: 'collector', value: (row) => row.assigneeName },
];

export async function exportPaymentsCsv(
  query: PaymentQuery,
  t: Translate,
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
  const columns = PAYMENT_CSV_COLUMNS.map(({ key, value }) => ({ header: t(`csv.payments.${key}`), value }));
  return { csv: toCsv(columns, kept), rows: kept.length, isTruncated };
}
