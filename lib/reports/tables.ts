import { CLOSE_CODE_GROUPS, type CloseCodeGroup } from '@/lib/cases/close-codes';
import { closeCodeGroupLabel, closeCodeLabel, lifecycleLabel, type VocabularyTranslator } from '@/lib/i18n/vocabulary';
import { minorToDecimal, toCsv } from '@/lib/csv/csv';
import { formatMoney } from '@/lib/money/currency';
import { deadlineReport, type DeadlineFigures, type OnTime } from './deadlines';
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

export const REPORT_KEYS = ['deadlines', 'close-codes', 'recovery', 'collected', 'states', 'ageing'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

export function isReportKey(value: unknown): value is ReportKey {
  return typeof value === 'string' && (REPORT_KEYS as readonly string[]).includes(value);
}

/** Vocabulary (state, close code...): the page shows `label`, the CSV writes the stable `code`. */
export type CodedCell = { code: string; label: string };
export type Cell =
  string | number | null | CodedCell | { minor: bigint; currency: string } | { percent: string | null };
export type Column = { key: string; label: string; isNumeric?: boolean };
export type ReportTable = {
  key: ReportKey;
  title: string;
  note: string;
  columns: Column[];
  rows: Record<string, Cell>[];
};

/**
 * The words of a report in the reader's language: the `reports` catalog (see
 * lib/reports/labels.ts) and, for Debitura's words, the one `vocabulary` catalog.
 */
export type ReportLabels = {
  title: (key: ReportKey) => string;
  note: (key: ReportKey) => string;
  column: (key: string) => string;
  allInGroup: string;
  notAssignedYet: string;
  currencyNotKnown: string;
  wholeAgency: string;
  unassigned: string;
  vocabulary: VocabularyTranslator;
};

function groupLabel(vocabulary: VocabularyTranslator, group: string): string {
  return (CLOSE_CODE_GROUPS as readonly string[]).includes(group)
    ? closeCodeGroupLabel(vocabulary, group as CloseCodeGroup)
    : group;
}

function share(part: number, whole: number): { percent: string | null } {
  return { percent: whole ? ((part * 100) / whole).toFixed(1) : null };
}

const onTimeShare = (tally: OnTime) => share(tally.onTime, tally.counted);

/** The deadline figures' columns: counted, on time and its share, per measure. */
const DEADLINE_COLUMNS = [
  'collector',
  'repliesCounted',
  'repliesOnTime',
  'repliesRate',
  'medianReplyHours',
  'overdueNow',
  'updatesCounted',
  'updatesOnTime',
  'updatesRate',
  'acceptancesCounted',
  'acceptancesOnTime',
  'acceptancesRate',
] as const;

function deadlineRow(figures: DeadlineFigures, collector: CodedCell): Record<string, Cell> {
  return {
    collector,
    repliesCounted: figures.replies.counted,
    repliesOnTime: figures.replies.onTime,
    repliesRate: onTimeShare(figures.replies),
    medianReplyHours: figures.medianReplyBusinessHours,
    overdueNow: figures.overdueNow,
    updatesCounted: figures.monthlyUpdates.counted,
    updatesOnTime: figures.monthlyUpdates.onTime,
    updatesRate: onTimeShare(figures.monthlyUpdates),
    acceptancesCounted: figures.acceptances.counted,
    acceptancesOnTime: figures.acceptances.onTime,
    acceptancesRate: onTimeShare(figures.acceptances),
  };
}

/** A column holding a share in percent: the CSV header says so. */
const isPercentColumn = (key: string) => key === 'share' || key === 'rate' || key.endsWith('Rate');

export const ALL_IN_GROUP = '*';

export async function buildReport(key: ReportKey, filter: ReportFilter, labels: ReportLabels): Promise<ReportTable> {
  const column = (columnKey: string, labelKey = columnKey, isNumeric = false): Column => ({
    key: columnKey,
    label: labels.column(labelKey),
    ...(isNumeric ? { isNumeric } : {}),
  });
  const head = { key, title: labels.title(key), note: labels.note(key) };
  switch (key) {
    case 'deadlines': {
      // Its own window (the last 30 days, and now): the page's range does not apply.
      const report = await deadlineReport();
      const hasUnassigned =
        report.unassigned.replies.counted + report.unassigned.overdueNow + report.unassigned.acceptances.counted > 0;
      return {
        ...head,
        columns: DEADLINE_COLUMNS.map((columnKey) => column(columnKey, columnKey, columnKey !== 'collector')),
        rows: [
          ...report.collectors.map((figures) =>
            deadlineRow(figures, { code: figures.email ?? '', label: figures.name || figures.email || '' }),
          ),
          ...(hasUnassigned ? [deadlineRow(report.unassigned, { code: 'unassigned', label: labels.unassigned })] : []),
          deadlineRow(report.agency, { code: ALL_IN_GROUP, label: labels.wholeAgency }),
        ],
      };
    }
    case 'close-codes': {
      const rows = await closeCodeDistribution(filter);
      const total = rows.filter((row) => row.code === null).reduce((sum, row) => sum + row.cases, 0);
      return {
        ...head,
        columns: [column('group'), column('code'), column('cases', 'cases', true), column('share', 'share', true)],
        rows: rows.map((row) => ({
          group: { code: row.group, label: groupLabel(labels.vocabulary, row.group) },
          code:
            row.code === null
              ? { code: ALL_IN_GROUP, label: labels.allInGroup }
              : { code: row.code, label: closeCodeLabel(labels.vocabulary, row.code) },
          cases: row.cases,
          share: share(row.cases, total),
        })),
      };
    }
    case 'recovery': {
      const rows = await recoveryByAssignmentMonth(filter);
      return {
        ...head,
        columns: [
          column('month', 'monthAssigned'),
          column('currency'),
          column('cases', 'cases', true),
          column('placed', 'placed', true),
          column('collected', 'collected', true),
          column('rate', 'rate', true),
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
        ...head,
        columns: [
          column('month'),
          column('currency'),
          column('payments', 'payments', true),
          column('collected', 'collected', true),
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
        ...head,
        columns: [column('state'), column('cases', 'cases', true), column('share', 'share', true)],
        rows: rows.map((row) => ({
          state: { code: row.state ?? '', label: lifecycleLabel(labels.vocabulary, row.state) },
          cases: row.cases,
          share: share(row.cases, total),
        })),
      };
    }
    case 'ageing': {
      const rows = await ageingOfOpenCases(filter);
      return {
        ...head,
        columns: [
          column('bucket'),
          column('currency'),
          column('cases', 'cases', true),
          column('outstanding', 'outstanding', true),
        ],
        rows: rows.map((row) => ({
          bucket: row.bucket === 'unknown' ? { code: 'unknown', label: labels.notAssignedYet } : row.bucket,
          currency: row.currency ?? { code: '', label: labels.currencyNotKnown },
          cases: row.cases,
          outstanding: row.currency ? { minor: row.outstandingMinor, currency: row.currency } : null,
        })),
      };
    }
  }
}

/** A cell as the page shows it, in the reader's language (`locale`). */
export function formatCell(cell: Cell, locale: string): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return cell.toLocaleString(locale);
  if ('label' in cell) return cell.label;
  if ('percent' in cell) {
    if (cell.percent === null) return '—';
    const format = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    // The percent string is exact to one decimal; Intl takes the ratio as a decimal string, no float maths.
    return format.format(`${cell.percent}E-2` as unknown as number);
  }
  return formatMoney(cell.minor, cell.currency, locale);
}

/** A cell as the CSV writes it: codes, plain decimals with a point, nothing localised. */
function csvCell(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('code' in cell) return cell.code;
  if ('percent' in cell) return cell.percent;
  return minorToDecimal(cell.minor, cell.currency);
}

/** The report as CSV, its headers in the reader's language (`percentHeader` marks the share columns). */
export function reportCsv(table: ReportTable, percentHeader: (label: string) => string = (label) => `${label} (%)`) {
  const columns = table.columns.map((column) => ({
    header: isPercentColumn(column.key) ? percentHeader(column.label) : column.label,
    value: (row: Record<string, Cell>) => csvCell(row[column.key] ?? null),
  }));
  return toCsv(columns, table.rows);
}
