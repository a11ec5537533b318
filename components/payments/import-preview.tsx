import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatMoney } from '@/lib/money/currency';
import type { BankCsvRow } from '@/lib/payments/bank-csv';

/** The parsed rows as they will be imported, or the reason a row will not be. */
export function PreviewTable({ rows, caption }: { rows: BankCsvRow[]; caption: string }) {
  const t = useTranslations('import');
  const locale = useLocale();
  const format = useFormatter();
  // A booking day, not a moment: shown as that calendar day, whatever the time zone.
  const day = (date: string) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <Table caption={caption} data-testid="import-preview">
      <THead>
        <TR>
          <TH>{t('preview.row')}</TH>
          <TH>{t('preview.date')}</TH>
          <TH className="text-right">{t('preview.amount')}</TH>
          <TH>{t('preview.reference')}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) =>
          row.line ? (
            <TR key={row.rowNumber}>
              <TD className="tabular-nums">{row.rowNumber}</TD>
              <TD className="whitespace-nowrap">{day(row.line.date)}</TD>
              <TD className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(row.line.amountMinor, row.line.currency, locale)}
              </TD>
              <TD className="max-w-md truncate">{row.line.reference}</TD>
            </TR>
          ) : (
            <TR key={row.rowNumber} className="bg-red-50 text-red-800">
              <TD className="tabular-nums">{row.rowNumber}</TD>
              <TD colSpan={3}>{t(`problems.${row.error.code}` as never, row.error.values as never)}</TD>
            </TR>
          ),
        )}
      </TBody>
    </Table>
  );
}
