import { useTranslations } from 'next-intl';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatCell, type ReportTable as Report } from '@/lib/reports/tables';

/** A report's numbers, exactly the rows its CSV export writes. */
export function ReportTable({ report, locale }: { report: Report; locale: string }) {
  const t = useTranslations('reports');
  if (!report.rows.length) return <p className="text-sm text-slate-600">{t('noData')}</p>;
  return (
    <Table caption={report.title} data-testid={`report-table-${report.key}`}>
      <THead>
        <TR>
          {report.columns.map((column) => (
            <TH key={column.key} className={column.isNumeric ? 'text-right' : undefined}>
              {column.label}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {report.rows.map((row, index) => (
          <TR key={index}>
            {report.columns.map((column) => (
              <TD
                key={column.key}
                className={column.isNumeric ? 'text-right whitespace-nowrap tabular-nums' : undefined}
              >
                {formatCell(row[column.key] ?? null, locale)}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
