import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { registerBankLinesAction } from '@/app/(app)/payments/actions';
import { Badge, type Tone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { RegistrableLine } from '@/lib/payments/bank-register';
import { ActionButton } from './action-button';
import { Money } from './money';
import { RefreshWhile } from './refresh-while';
import { REGISTER_FORM_ID, RegisterBar } from './register-bar';

type Stage = 'notInDebitura' | 'sending' | 'awaitingConfirmation' | 'reconciled' | 'notRegistered';

const TONES: Record<Stage, Tone> = {
  notInDebitura: 'slate',
  sending: 'amber',
  awaitingConfirmation: 'blue',
  reconciled: 'green',
  notRegistered: 'red',
};

function stageOf(line: RegistrableLine): Stage {
  if (line.matchStatus === 'confirmed') return 'reconciled';
  switch (line.registration?.status) {
    case undefined:
      return 'notInDebitura';
    case 'pending':
      return 'sending';
    case 'failed':
      return 'notRegistered';
    default:
      return 'awaitingConfirmation';
  }
}

/**
 * Bank lines that paid the agency for a case but match no Debitura payment: each can be
 * registered with Debitura (one button per row, or the selected rows at once), and shows its
 * way from "sending" to "reconciled" (the page refreshes itself while any is on its way).
 */
export function RegisterLines({ lines }: { lines: RegistrableLine[] }) {
  const t = useTranslations('payments.register');
  if (!lines.length) return <p className="text-sm text-slate-600">{t('none')}</p>;
  const isWaiting = lines.some((line) => ['sending', 'awaitingConfirmation'].includes(stageOf(line)));
  return (
    <div className="space-y-3">
      <RefreshWhile isActive={isWaiting} />
      <RegisterBar action={registerBankLinesAction} />
      <Table caption={t('caption')} data-testid="register-lines">
        <THead>
          <TR>
            <TH>
              <span className="sr-only">{t('select')}</span>
            </TH>
            <TH>{t('booked')}</TH>
            <TH className="text-right">{t('amount')}</TH>
            <TH>{t('text')}</TH>
            <TH>{t('case')}</TH>
            <TH>{t('state')}</TH>
            <TH>{t('actions')}</TH>
          </TR>
        </THead>
        <TBody>
          {lines.map((line) => {
            const stage = stageOf(line);
            return (
              <TR key={line.id} data-line={line.id}>
                <TD>
                  {line.canRegister ? (
                    <input
                      type="checkbox"
                      name="lineId"
                      value={line.id}
                      form={REGISTER_FORM_ID}
                      className="size-4"
                      aria-label={t('selectLine', { row: line.rowNumber, reference: line.caseReference })}
                    />
                  ) : null}
                </TD>
                <TD className="whitespace-nowrap">
                  <LocalTime value={line.date} style="date" />
                </TD>
                <TD className="text-right whitespace-nowrap">
                  <Money minor={line.amountMinor} currency={line.currency} />
                </TD>
                <TD className="max-w-64 break-words">{line.text}</TD>
                <TD>
                  <Link
                    href={`/cases/${encodeURIComponent(line.caseReference)}`}
                    className="font-medium underline-offset-2 hover:underline"
                  >
                    {line.caseReference}
                  </Link>
                </TD>
                <TD>
                  <span role="status">
                    <Badge tone={TONES[stage]}>{t(`stage.${stage}`)}</Badge>
                  </span>
                  {stage === 'notRegistered' && line.registration?.error ? (
                    <div className="text-xs text-red-700">{line.registration.error}</div>
                  ) : null}
                </TD>
                <TD>
                  {line.canRegister ? (
                    <ActionButton
                      action={registerBankLinesAction}
                      fields={{ lineId: line.id }}
                      label={t('registerOne')}
                      variant="primary"
                      ariaLabel={t('registerRow', { row: line.rowNumber, reference: line.caseReference })}
                    />
                  ) : null}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
