import { listCases, type CaseListItem } from '@/lib/cases/case-list';
import { MAX_PAGE_SIZE, type CaseListQuery } from '@/lib/cases/filters';
import type { Viewer } from '@/lib/cases/visibility';
import { minorToDecimal, toCsv, type CsvColumn } from './csv';

/**
 * The filtered case list as CSV, through the case list's own query (lib/cases/case-list.ts),
 * so the export holds exactly the cases, filters, order and role visibility of the list.
 */

export const MAX_CASE_EXPORT_ROWS = 50_000;

const money = (value: bigint | null, currency: string | null) =>
  value !== null && currency ? minorToDecimal(value, currency) : null;

export const CASE_CSV_COLUMNS: CsvColumn<CaseListItem>[] = [
  { header: 'reference', value: (row) => row.reference },
  { header: 'creditor_reference', value: (row) => row.creditorReference },
  { header: 'debtor', value: (row) => row.debtorName },
  { header: 'creditor', value: (row) => row.creditorName },
  { header: 'state', value: (row) => row.state },
  { header: 'close_code', value: (row) => row.closeCode },
  { header: 'engagement_phase', value: (row) => row.engagementPhase },
  { header: 'is_test', value: (row) => row.isTest },
  { header: 'currency', value: (row) => row.currency },
  { header: 'original_amount', value: (row) => money(row.originalAmountMinor, row.currency) },
  { header: 'paid', value: (row) => money(row.paidMinor, row.currency) },
  { header: 'outstanding', value: (row) => money(row.outstandingMinor, row.currency) },
  { header: 'assigned_at', value: (row) => row.assignedAt },
  { header: 'last_activity_at', value: (row) => row.lastActivityAt },
  { header: 'assignee', value: (row) => row.assignee?.name ?? null },
];

export async function exportCasesCsv(
  viewer: Viewer,
  query: CaseListQuery,
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
    csv: toCsv(CASE_CSV_COLUMNS, kept),
    rows: kept.length,
    isTruncated: Boolean(cursor) || rows.length > MAX_CASE_EXPORT_ROWS,
  };
}
