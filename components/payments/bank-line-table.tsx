import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { confirmMatchAction, rejectMatchAction } from '@/app/(app)/payments/actions';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { BankLineView } from '@/lib/payments/import-queries';
import { ActionButton } from './action-button';
import { Money } from './money';
import { LineStatusBadge } from './status-badge';

const CORRECT_LINK = [
  'inline-flex items-center rounded-md px-2.5 py-1.5 text-sm text-slate-700 underline-offset-2',
  'hover:bg-slate-100 hover:underline',
].join(' ');

/** An import's lines with their suggested or confirmed payment, and what the manager can do. */
export function BankLineTable({ importId, lines }: { importId: string; lines: BankLineView[] }) {
  const t = useTranslations('import.lines');
  const tPayments = useTranslations('payments');
  const format = useFormatter();
  return (
    <Table caption={t('caption')} data-testid="bank-lines">
      <THead>
        <TR>
          <TH>{t('row')}</TH>
          <TH>{t('booked')}</TH>
          <TH className="text-right">{t('amount')}</TH>
          <TH>{t('text')}</TH>
          <TH>{t('match')}</TH>
          <TH>{t('payment')}</TH>
          <TH>{t('actions')}</TH>
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
                {line.reference || <span className="text-slate-500">{t('noText')}</span>}
              </TD>
              <TD>
                <LineStatusBadge status={line.status} />
                {line.score !== null && line.status !== 'confirmed' ? (
                  <div className="text-xs text-slate-500">{t('score', { score: line.score })}</div>
                ) : null}
                {line.confirmedAt ? (
                  <div className="text-xs text-slate-500">
                    {t('confirmedBy', {
                      name: line.confirmedByName ?? tPayments('formerUser'),
                      when: format.dateTime(line.confirmedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    })}
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
                        <> {t('paidOn', { date: format.dateTime(line.payment.date, { dateStyle: 'medium' }) })}</>
                      ) : null}
                    </div>
                    {line.payment.isDeleted ? <div className="text-xs text-red-700">{t('deleted')}</div> : null}
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
                      label={t('confirm')}
                      variant="primary"
                      ariaLabel={t('confirmRow', { row: line.rowNumber })}
                    />
                  ) : null}
                  <Link
                    href={`/payments/imports/${importId}?line=${line.id}#correct`}
                    className={CORRECT_LINK}
                    aria-label={t('chooseRow', { row: line.rowNumber })}
                  >
                    {line.payment ? t('correct') : t('choose')}
                  </Link>
                  {line.status !== 'rejected' ? (
                    <ActionButton
                      action={rejectMatchAction}
                      fields={fields}
                      label={t('notOurs')}
                      variant="ghost"
                      ariaLabel={t('notOursRow', { row: line.rowNumber })}
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
