import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { BankCsvRow } from '@/lib/payments/bank-csv';
import { formatMinor } from '@/lib/money/currency';

/** The parsed rows as they will be imported, or the reason a row will not be. */
export function PreviewTable({ rows, caption }: { rows: BankCsvRow[]; caption: string }) {
  return (
    <Table caption={caption} data-testid="import-preview">
      <THead>
        <TR>
          <TH>Row</TH>
          <TH>Date</TH>
          <TH className="text-right">Amount</TH>
          <TH>Reference</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) =>
          row.line ? (
            <TR key={row.rowNumber}>
              <TD className="tabular-nums">{row.rowNumber}</TD>
              <TD className="whitespace-nowrap">{row.line.date}</TD>
              <TD className="text-right whitespace-nowrap tabular-nums">
                {formatMinor(row.line.amountMinor, row.line.currency)}
              </TD>
              <TD className="max-w-md truncate">{row.line.reference}</TD>
            </TR>
          ) : (
            <TR key={row.rowNumber} className="bg-red-50 text-red-800">
              <TD className="tabular-nums">{row.rowNumber}</TD>
              <TD colSpan={3}>{row.error}</TD>
            </TR>
          ),
        )}
      </TBody>
    </Table>
  );
}
