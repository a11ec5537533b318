import { currencyExponent } from '@/lib/money/currency';
import { ALL_IN_GROUP, type Cell, type ReportTable } from './tables';

/**
 * What each report's chart plots, derived from its table so chart and numbers agree. Plain
 * numbers (the chart library needs them); money is converted to major units here for
 * plotting only, never for arithmetic. One money chart per currency: amounts in different
 * currencies never share an axis.
 */

export type BarChartSpec = {
  kind: 'bar';
  title: string;
  data: { name: string; value: number }[];
  valueLabel: string;
  currency?: string;
};
export type LineChartSpec = {
  kind: 'lines';
  title: string;
  data: Record<string, string | number>[];
  series: string[];
  valueLabel: string;
};
export type ChartSpec = BarChartSpec | LineChartSpec;

function money(cell: Cell | undefined): number {
  if (!cell || typeof cell !== 'object' || !('minor' in cell)) return 0;
  return Number(cell.minor) / 10 ** currencyExponent(cell.currency);
}

const text = (cell: Cell | undefined): string => {
  if (typeof cell === 'string') return cell;
  if (cell && typeof cell === 'object' && 'label' in cell) return cell.label;
  return String(cell ?? '');
};
const code = (cell: Cell | undefined) => (cell && typeof cell === 'object' && 'code' in cell ? cell.code : null);

/** The chart titles, in the reader's language (the `reports.chart` catalog). */
export type ChartLabels = {
  closedPerGroup: string;
  casesPerState: string;
  openByAge: string;
  recoveryRate: string;
  collectedIn: (currency: string) => string;
  cases: string;
};
const count = (cell: Cell | undefined) => (typeof cell === 'number' ? cell : 0);

function sumBy(rows: Record<string, Cell>[], key: string, value: string): { name: string; value: number }[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(text(row[key]), (sums.get(text(row[key])) ?? 0) + count(row[value]));
  return [...sums].map(([name, total]) => ({ name, value: total }));
}

export function chartsFor(table: ReportTable, labels: ChartLabels): ChartSpec[] {
  const { rows } = table;
  switch (table.key) {
    case 'close-codes':
      return [
        {
          kind: 'bar',
          title: labels.closedPerGroup,
          valueLabel: labels.cases,
          data: rows
            .filter((row) => code(row.code) === ALL_IN_GROUP)
            .map((row) => ({ name: text(row.group), value: count(row.cases) })),
        },
      ];
    case 'states':
      return [
        {
          kind: 'bar',
          title: labels.casesPerState,
          valueLabel: labels.cases,
          data: rows.map((row) => ({ name: text(row.state), value: count(row.cases) })),
        },
      ];
    case 'ageing':
      return [
        {
          kind: 'bar',
          title: labels.openByAge,
          valueLabel: labels.cases,
          data: sumBy(rows, 'bucket', 'cases'),
        },
      ];
    case 'recovery': {
      const series = [...new Set(rows.map((row) => text(row.currency)))].sort();
      const byMonth = new Map<string, Record<string, string | number>>();
      for (const row of rows) {
        const month = text(row.month);
        const point = byMonth.get(month) ?? { month };
        const rate = row.rate && typeof row.rate === 'object' && 'percent' in row.rate ? row.rate.percent : null;
        if (rate !== null) point[text(row.currency)] = Number(rate);
        byMonth.set(month, point);
      }
      return [
        {
          kind: 'lines',
          title: labels.recoveryRate,
          valueLabel: '%',
          series,
          data: [...byMonth.values()],
        },
      ];
    }
    case 'collected': {
      const currencies = [...new Set(rows.map((row) => text(row.currency)))].sort();
      return currencies.map((currency) => ({
        kind: 'bar',
        title: labels.collectedIn(currency),
        valueLabel: currency,
        currency,
        data: rows
          .filter((row) => row.currency === currency)
          .map((row) => ({ name: text(row.month), value: money(row.collected) })),
      }));
    }
    case 'deadlines':
      // Many measures per person, each with its own scale: the table is the clearer view.
      return [];
  }
}
