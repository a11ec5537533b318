import { confirmMatchAction } from '@/app/(app)/payments/actions';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { BankLineView } from '@/lib/payments/import-queries';
import type { PaymentChoice } from '@/lib/payments/matching';
import { ActionButton } from './action-button';
import { Money } from './money';

/** The correction panel for one line: the payments it could pay, best first. */
export function CorrectMatch({
  importId,
  line,
  choices,
}: {
  importId: string;
  line: BankLineView;
  choices: PaymentChoice[];
}) {
  return (
    <section
      id="correct"
      aria-labelledby="correct-heading"
      className="space-y-3 rounded-lg border-2 border-slate-900 bg-white p-4"
    >
      <h2 id="correct-heading" className="font-semibold">
        Choose the payment for row {line.rowNumber}: <Money minor={line.amountMinor} currency={line.currency} /> “
        {line.reference}”
      </h2>
      {choices.length ? (
        <Table caption={`Payments row ${line.rowNumber} could pay`}>
          <THead>
            <TR>
              <TH>Case</TH>
              <TH>Payment</TH>
              <TH className="text-right">Amount</TH>
              <TH>Date</TH>
              <TH>Score</TH>
              <TH>
                <span className="sr-only">Choose</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {choices.map((choice) => (
              <TR key={choice.paymentId}>
                <TD className="font-medium">{choice.caseReference}</TD>
                <TD className="text-xs">{choice.debituraPaymentId}</TD>
                <TD className="text-right">
                  <Money minor={choice.amountMinor} currency={choice.currency} />
                </TD>
                <TD>
                  <LocalTime value={choice.date} style="date" />
                </TD>
                <TD>
                  {choice.score === null ? (
                    <span className="text-amber-800">amount differs</span>
                  ) : (
                    `${choice.score}/100`
                  )}
                </TD>
                <TD>
                  <ActionButton
                    action={confirmMatchAction}
                    fields={{ lineId: line.id, importId, paymentId: choice.paymentId }}
                    label={choice.paymentId === line.payment?.id ? 'Confirm' : 'Use this payment'}
                    ariaLabel={`Match row ${line.rowNumber} to payment ${choice.debituraPaymentId} of case ${choice.caseReference}`}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <p className="text-sm text-slate-600">
          No standing payment in {line.currency} fits this line (same amount, its case reference in the text, or within
          two weeks). If the payment has not arrived from Debitura yet, come back later and run the matcher again.
        </p>
      )}
    </section>
  );
}
