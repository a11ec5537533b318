import { listCases, type CaseListItem } from '@/lib/cases/case-list';
import { MAX_PAGE_SIZE, type CaseListQuery } from '@/lib/cases/filters';
import type { Viewer } from '@/lib/cases/visibility';
import { minorToDecimal, toCsv, type CsvColumn } from './csv';
import type { Translate } from '@/lib/i18n/reader-language';

/**
 * The filtered case list as CSV, through the case list's own query (lib/cases/case-list.ts),
 * so the export holds exactly the cases, filters, order and role visibility of the list.
 */

export const MAX_CASE_EXPORT_ROWS = 50_000;

const money = (value: bigint | null, currency: string | null) =>
  value !== null && currency ? minorToDecimal(value, currency) : null;

/** Each column by its key; its header is `csv.cases.<key>` in the reader's language. */
const CASE_CSV_COLUMNS: { key: string; value: CsvColumn<CaseListItem>['value'] }[] = [
  { key: 'reference', value: (row) => row.reference },
  { key: 'creditor_reference', value: (row) => row.creditorReference },
  { key: 'debtor', value: (row) => row.debtorName },
  { key: 'creditor', value: (row) => row.creditorName },
  { key: 'state', value: (row) => row.state },
  { key: 'close_code', value: (row) => row.closeCode },
  { key: 'engagement_phase', value: (row) => row.engagementPhase },
  { key: 'is_test', value: (row) => row.isTest },
  { key: 'currency', value: (row) => row.currency },
  { key: 'original_amount', value: (row) => money(row.originalAmountMinor, row.currency) },
  { key: 'paid', value: (row) => money(row.paidMinor, row.currency) },
  { key: 'outstanding', value: (row) => money(row.outstandingMinor, row.currency) },
  { key: 'assigned_at', value: (row) => row.assignedAt },
  { key: 'last_activity_at', value: (row) => row.lastActivityAt },
  { key: 'assignee', value: (row) => row.assignee?.name ?? null },
];

export async function exportCasesCsv(
  viewer: Viewer,
  query: CaseListQuery,
  t: Translate,
): Promise<{ csv: string; rows: number; isTruncated: boolean }> {
  const rows: CaseListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCases(viewer, { ...query, limit: MAX_PAGE_SIZE, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_CASE_EXPORT_ROWS);
  const kept = rows.slice(0, MAX_CASE_EXPORT_ROWS);
  return {
    csv: toCsv(
      CASE_CSV_COLUMNS.map(({ key, value }) => ({ header: t(`csv.cases.${key}`), value })),
      kept,
    ),
    rows: kept.length,
    isTruncated: Boolean(cursor) || rows.length > MAX_CASE_EXPORT_ROWS,
  };
}
