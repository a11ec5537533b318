import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { computeBalance, type BalanceStatus } from '@/lib/cases/balance';
import { formatMoney } from '@/lib/cases/format';

/** Each status's colour; its name (`case.balance.status.*`) is always shown beside it. */
const STATUS_TONE: Record<BalanceStatus, Tone> = {
  unknown: 'slate',
  unpaid: 'slate',
  partial: 'amber',
  paid: 'green',
  overpaid: 'violet',
};

const KNOWN_FEES = ['interestFees', 'reminderFees', 'collectionFees'] as const;
const isKnownFee = (key: string): key is (typeof KNOWN_FEES)[number] => (KNOWN_FEES as readonly string[]).includes(key);

type Props = {
  currency: string | null;
  originalMinor: bigint | null;
  feesMinor: bigint | null;
  paidMinor: bigint;
  outstandingMinor: bigint | null;
  fees: unknown;
  locale: string;
  /** Payments sent to Debitura (or about to be) that its webhook has not confirmed yet: shown apart, counted nowhere. */
  unconfirmedMinor?: bigint;
};

/** Original, fees, paid, outstanding in the case currency; part- and over-payment at a glance. */
export function BalancePanel({
  currency,
  originalMinor,
  feesMinor,
  paidMinor,
  outstandingMinor,
  fees,
  locale,
  unconfirmedMinor = 0n,
}: Props) {
  const t = useTranslations('case.balance');
  const sending = useTranslations('actions.balance');
  const balance = computeBalance(originalMinor, feesMinor, paidMinor);
  const money = (minor: bigint | null) => formatMoney(minor, currency, locale);
  const feeParts =
    fees && typeof fees === 'object'
      ? Object.entries(fees as Record<string, unknown>).filter(([, value]) => typeof value === 'number' && value !== 0)
      : [];
  const feeLabel = (key: string) => (isKnownFee(key) ? t(`fee.${key}`) : key);
  return (
    <Card
      title={t('title')}
      id="balance-heading"
      actions={<Badge tone={STATUS_TONE[balance.status]}>{t(`status.${balance.status}`)}</Badge>}
    >
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="balance">
        <Amount label={t('original')} value={money(originalMinor)} />
        <Amount
          label={t('fees')}
          value={money(feesMinor ?? (originalMinor === null ? null : 0n))}
          hint={
            feeParts.length
              ? feeParts
                  .map(([key, value]) =>
                    t('feePart', {
                      fee: feeLabel(key),
                      amount: formatMoney(BigInt(value as number), currency, locale),
                    }),
                  )
                  .join(' · ')
              : undefined
          }
        />
        <Amount label={t('paid')} value={money(paidMinor)} />
        <Amount
          label={balance.status === 'overpaid' ? t('overpaidBy') : t('outstanding')}
          value={
            balance.status === 'overpaid'
              ? money(balance.overpaidMinor)
              : money(outstandingMinor ?? balance.remainingMinor)
          }
          isEmphasised
          tone={
            balance.status === 'overpaid' ? 'text-violet-800' : balance.status === 'paid' ? 'text-green-800' : undefined
          }
        />
      </dl>
      {unconfirmedMinor > 0n ? (
        <p className="mt-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="unconfirmed-payments">
          {sending('unconfirmed', { amount: money(unconfirmedMinor) })}
        </p>
      ) : null}
      {balance.percentPaid !== null ? (
        <div className="mt-4">
          <div
            className="h-2 overflow-hidden rounded-full bg-slate-100"
            role="progressbar"
            aria-label={t('progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={balance.percentPaid}
          >
            <div
              className={cn('h-full rounded-full', balance.status === 'overpaid' ? 'bg-violet-600' : 'bg-green-600')}
              style={{ width: `${balance.percentPaid}%` }}
            />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {balance.status === 'overpaid'
              ? t('progressOverpaid', {
                  percent: balance.percentPaid,
                  due: money(balance.dueMinor),
                  over: money(balance.overpaidMinor),
                })
              : t('progress', { percent: balance.percentPaid, due: money(balance.dueMinor) })}
          </p>
        </div>
      ) : null}
    </Card>
  );
}

function Amount({
  label,
  value,
  hint,
  isEmphasised,
  tone,
}: {
  label: string;
  value: string;
  hint?: string;
  isEmphasised?: boolean;
  tone?: string;
}) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cn('tabular-nums', isEmphasised ? 'text-lg font-semibold' : 'font-medium', tone)}>{value}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}
