import { useLocale, useTranslations } from 'next-intl';
import { confirmMatchAction } from '@/app/(app)/payments/actions';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatMoney } from '@/lib/money/currency';
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
  const t = useTranslations('import.correct');
  const locale = useLocale();
  return (
    <section
      id="correct"
      aria-labelledby="correct-heading"
      className="space-y-3 rounded-lg border-2 border-slate-900 bg-white p-4"
    >
      <h2 id="correct-heading" className="font-semibold">
        {t('heading', {
          row: line.rowNumber,
          text: line.reference,
          amount: formatMoney(line.amountMinor, line.currency, locale),
        })}
      </h2>
      {choices.length ? (
        <Table caption={t('caption', { row: line.rowNumber })}>
          <THead>
            <TR>
              <TH>{t('case')}</TH>
              <TH>{t('payment')}</TH>
              <TH className="text-right">{t('amount')}</TH>
              <TH>{t('date')}</TH>
              <TH>{t('score')}</TH>
              <TH>
                <span className="sr-only">{t('choose')}</span>
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
                    <span className="text-amber-800">{t('amountDiffers')}</span>
                  ) : (
                    t('scoreValue', { score: choice.score })
                  )}
                </TD>
                <TD>
                  <ActionButton
                    action={confirmMatchAction}
                    fields={{ lineId: line.id, importId, paymentId: choice.paymentId }}
                    label={choice.paymentId === line.payment?.id ? t('confirm') : t('use')}
                    ariaLabel={t('useRow', {
                      row: line.rowNumber,
                      payment: choice.debituraPaymentId,
                      reference: choice.caseReference,
                    })}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : (
        <p className="text-sm text-slate-600">{t('none', { currency: line.currency })}</p>
      )}
    </section>
  );
}
