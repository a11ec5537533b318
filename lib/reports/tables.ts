import { CLOSE_CODE_GROUPS, type CloseCodeGroup } from '@/lib/cases/close-codes';
import { closeCodeGroupLabel, closeCodeLabel, englishVocabulary as t, lifecycleLabel } from '@/lib/i18n/vocabulary';
import { minorToDecimal, toCsv } from '@/lib/csv/csv';
import { formatMinor } from '@/lib/money/currency';
import type { ReportFilter } from './filters';
import {
  ageingOfOpenCases,
  casesPerState,
  closeCodeDistribution,
  collectedPerMonth,
  recoveryByAssignmentMonth,
} from './queries';

/**
 * Each report as one table: the page shows it beside its chart, the export writes it as CSV,
 * so the numbers on screen and in the file are the same rows. Money cells carry minor units
 * and their currency; they become text only here, at the edge.
 */

export const REPORT_KEYS = ['close-codes', 'recovery', 'collected', 'states', 'ageing'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

export function isReportKey(value: unknown): value is ReportKey {
  return typeof value === 'string' && (REPORT_KEYS as readonly string[]).includes(value);
}

export type Cell = string | number | null | { minor: bigint; currency: string } | { percent: string | null };
export type Column = { key: string; label: string; isNumeric?: boolean };
export type ReportTable = {
  key: ReportKey;
  title: string;
  note: string;
  columns: Column[];
  rows: Record<string, Cell>[];
};

function groupLabel(group: string): string {
  return (CLOSE_CODE_GROUPS as readonly string[]).includes(group)
    ? closeCodeGroupLabel(t, group as CloseCodeGroup)
    : group;
}

function share(part: number, whole: number): { percent: string | null } {
  return { percent: whole ? ((part * 100) / whole).toFixed(1) : null };
}

export async function buildReport(key: ReportKey, filter: ReportFilter): Promise<ReportTable> {
  switch (key) {
    case 'close-codes': {
      const rows = await closeCodeDistribution(filter);
      const total = rows.filter((row) => row.code === null).reduce((sum, row) => sum + row.cases, 0);
      return {
        key,
        title: 'Close codes',
        note: 'Cases closed in the range, by close code and group.',
        columns: [
          { key: 'group', label: 'Group' },
          { key: 'code', label: 'Close code' },
          { key: 'cases', label: 'Cases', isNumeric: true },
          { key: 'share', label: 'Share', isNumeric: true },
        ],
        rows: rows.map((row) => ({
          group: groupLabel(row.group),
          code: row.code === null ? 'All in group' : closeCodeLabel(t, row.code),
          cases: row.cases,
          share: share(row.cases, total),
        })),
      };
    }
    case 'recovery': {
      const rows = await recoveryByAssignmentMonth(filter);
      return {
        key,
        title: 'Recovery rate by month of assignment',
        note: 'Collected ÷ placed for the cases assigned each month, per currency. Collected fees can take it past 100%.',
        columns: [
          { key: 'month', label: 'Month assigned' },
          { key: 'currency', label: 'Currency' },
          { key: 'cases', label: 'Cases', isNumeric: true },
          { key: 'placed', label: 'Placed', isNumeric: true },
          { key: 'collected', label: 'Collected', isNumeric: true },
          { key: 'rate', label: 'Recovery rate', isNumeric: true },
        ],
        rows: rows.map((row) => ({
          month: row.month,
          currency: row.currency,
          cases: row.cases,
          placed: { minor: row.placedMinor, currency: row.currency },
          collected: { minor: row.collectedMinor, currency: row.currency },
          rate: { percent: row.ratePercent },
        })),
      };
    }
    case 'collected': {
      const rows = await collectedPerMonth(filter);
      return {
        key,
        title: 'Collected per month',
        note: 'Payments that stand (not deleted), by payment date, per currency.',
        columns: [
          { key: 'month', label: 'Month' },
          { key: 'currency', label: 'Currency' },
          { key: 'payments', label: 'Payments', isNumeric: true },
          { key: 'collected', label: 'Collected', isNumeric: true },
        ],
        rows: rows.map((row) => ({
          month: row.month,
          currency: row.currency,
          payments: row.payments,
          collected: { minor: row.collectedMinor, currency: row.currency },
        })),
      };
    }
    case 'states': {
      const rows = await casesPerState(filter);
      const total = rows.reduce((sum, row) => sum + row.cases, 0);
      return {
        key,
        title: 'Cases per state',
        note: 'Cases assigned in the range, by their state today.',
        columns: [
          { key: 'state', label: 'State' },
          { key: 'cases', label: 'Cases', isNumeric: true },
          { key: 'share', label: 'Share', isNumeric: true },
        ],
        rows: rows.map((row) => ({
          state: lifecycleLabel(t, row.state),
          cases: row.cases,
          share: share(row.cases, total),
        })),
      };
    }
    case 'ageing': {
      const rows = await ageingOfOpenCases(filter);
      return {
        key,
        title: 'Ageing of open cases',
        note: 'Every open case today, by days since assignment (the date range does not apply), outstanding per currency.',
        columns: [
          { key: 'bucket', label: 'Days since assignment' },
          { key: 'currency', label: 'Currency' },
          { key: 'cases', label: 'Cases', isNumeric: true },
          { key: 'outstanding', label: 'Outstanding', isNumeric: true },
        ],
        rows: rows.map((row) => ({
          bucket: row.bucket === 'unknown' ? 'Not assigned yet' : row.bucket,
          currency: row.currency ?? 'not known yet',
          cases: row.cases,
          outstanding: row.currency ? { minor: row.outstandingMinor, currency: row.currency } : null,
        })),
      };
    }
  }
}

export function formatCell(cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return cell.toLocaleString('en-GB');
  if ('percent' in cell) return cell.percent === null ? '—' : `${cell.percent}%`;
  return formatMinor(cell.minor, cell.currency);
}

function csvCell(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('percent' in cell) return cell.percent;
  return minorToDecimal(cell.minor, cell.currency);
}

export function reportCsv(table: ReportTable): string {
  const columns = table.columns.map((column) => ({
    header: column.label + (column.key === 'share' || column.key === 'rate' ? ' (%)' : ''),
    value: (row: Record<string, Cell>) => csvCell(row[column.key] ?? null),
  }));
  return toCsv(columns, table.rows);
}
