import Link from 'next/link';
import { confirmMatchAction, rejectMatchAction } from '@/app/(app)/payments/actions';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { BankLineView } from '@/lib/payments/import-queries';
import { ActionButton } from './action-button';
import { Money } from './money';
import { LineStatusBadge } from './status-badge';

/** An import's lines with their suggested or confirmed payment, and what the manager can do. */
export function BankLineTable({ importId, lines }: { importId: string; lines: BankLineView[] }) {
  return (
    <Table caption="Bank statement lines and their matches" data-testid="bank-lines">
      <THead>
        <TR>
          <TH>Row</TH>
          <TH>Booked</TH>
          <TH className="text-right">Amount</TH>
          <TH>Text</TH>
          <TH>Match</TH>
          <TH>Payment</TH>
          <TH>Actions</TH>
        </TR>
      </THead>
      <TBody>
        {lines.map((line) => {
          const canConfirm =
            line.payment && !line.payment.isDeleted && (line.status === 'suggested' || line.status === 'needs_review');
          const fields = { lineId: line.id, importId };
          return (
            <TR key={line.id} data-row={line.rowNumber}>
              <TD className="tabular-nums">{line.rowNumber}</TD>
              <TD className="whitespace-nowrap">
                <LocalTime value={line.date} style="date" />
              </TD>
              <TD className="text-right whitespace-nowrap">
                <Money minor={line.amountMinor} currency={line.currency} />
              </TD>
              <TD className="max-w-64 break-words">
                {line.reference || <span className="text-slate-500">(no text)</span>}
              </TD>
              <TD>
                <LineStatusBadge status={line.status} />
                {line.score !== null && line.status !== 'confirmed' ? (
                  <div className="text-xs text-slate-500">score {line.score}/100</div>
                ) : null}
                {line.confirmedAt ? (
                  <div className="text-xs text-slate-500">
                    by {line.confirmedByName ?? 'a former user'}, <LocalTime value={line.confirmedAt} />
                  </div>
                ) : null}
              </TD>
              <TD className="text-sm">
                {line.payment ? (
                  <>
                    <Link
                      href={`/payments?case=${encodeURIComponent(line.payment.caseReference)}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      {line.payment.caseReference}
                    </Link>{' '}
                    <span className="text-xs text-slate-500">{line.payment.debituraPaymentId}</span>
                    <div className={line.payment.isDeleted ? 'line-through' : undefined}>
                      <Money minor={line.payment.amountMinor} currency={line.payment.currency} />
                      {line.payment.date ? (
                        <>
                          {' '}
                          on <LocalTime value={line.payment.date} style="date" />
                        </>
                      ) : null}
                    </div>
                    {line.payment.isDeleted ? (
                      <div className="text-xs text-red-700">
                        Deleted by Debitura: check what happened to this money.
                      </div>
                    ) : null}
                  </>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </TD>
              <TD>
                <div className="flex flex-wrap gap-1">
                  {canConfirm ? (
                    <ActionButton
                      action={confirmMatchAction}
                      fields={fields}
                      label="Confirm"
                      variant="primary"
                      ariaLabel={`Confirm the match of row ${line.rowNumber}`}
                    />
                  ) : null}
                  <Link
                    href={`/payments/imports/${importId}?line=${line.id}#correct`}
                    className="inline-flex items-center rounded-md px-2.5 py-1.5 text-sm text-slate-700 underline-offset-2 hover:bg-slate-100 hover:underline"
                    aria-label={`Choose another payment for row ${line.rowNumber}`}
                  >
                    {line.payment ? 'Correct…' : 'Choose…'}
                  </Link>
                  {line.status !== 'rejected' ? (
                    <ActionButton
                      action={rejectMatchAction}
                      fields={fields}
                      label="Not ours"
                      variant="ghost"
                      ariaLabel={`Row ${line.rowNumber} pays none of our payments`}
                    />
                  ) : null}
                </div>
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
