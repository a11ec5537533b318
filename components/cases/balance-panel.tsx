import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { computeBalance, type BalanceStatus } from '@/lib/cases/balance';
import { formatMoney } from '@/lib/cases/format';

const STATUS: Record<BalanceStatus, { label: string; tone: Tone }> = {
  unknown: { label: 'Amounts not known yet', tone: 'slate' },
  unpaid: { label: 'Nothing paid yet', tone: 'slate' },
  partial: { label: 'Partly paid', tone: 'amber' },
  paid: { label: 'Paid in full', tone: 'green' },
  overpaid: { label: 'Overpaid', tone: 'violet' },
};

const FEE_LABELS: Record<string, string> = {
  interestFees: 'Interest',
  reminderFees: 'Reminder fees',
  collectionFees: 'Collection fees',
};

type Props = {
  currency: string | null;
  originalMinor: bigint | null;
  feesMinor: bigint | null;
  paidMinor: bigint;
  outstandingMinor: bigint | null;
  fees: unknown;
  locale: string;
};

/** Original, fees, paid, outstanding in the case currency; part- and over-payment at a glance. */
export function BalancePanel({ currency, originalMinor, feesMinor, paidMinor, outstandingMinor, fees, locale }: Props) {
  const balance = computeBalance(originalMinor, feesMinor, paidMinor);
  const money = (minor: bigint | null) => formatMoney(minor, currency, locale);
  const feeParts =
    fees && typeof fees === 'object'
      ? Object.entries(fees as Record<string, unknown>).filter(([, value]) => typeof value === 'number' && value !== 0)
      : [];
  const status = STATUS[balance.status];
  return (
    <Card title="Balance" id="balance-heading" actions={<Badge tone={status.tone}>{status.label}</Badge>}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="balance">
        <Amount label="Original amount" value={money(originalMinor)} />
        <Amount
          label="Fees"
          value={money(feesMinor ?? (originalMinor === null ? null : 0n))}
          hint={
            feeParts.length
              ? feeParts
                  .map(
                    ([key, value]) =>
                      `${FEE_LABELS[key] ?? key} ${formatMoney(BigInt(value as number), currency ?? 'EUR', locale)}`,
                  )
                  .join(' · ')
              : undefined
          }
        />
        <Amount label="Paid" value={money(paidMinor)} />
        <Amount
          label={balance.status === 'overpaid' ? 'Overpaid by' : 'Outstanding'}
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
      {balance.percentPaid !== null ? (
        <div className="mt-4">
          <div
            className="h-2 overflow-hidden rounded-full bg-slate-100"
            role="progressbar"
            aria-label="Share of the amount due that is paid"
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
            {balance.percentPaid}% of {money(balance.dueMinor)} due is paid
            {balance.status === 'overpaid' ? `, and ${money(balance.overpaidMinor)} more than due` : ''}.
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
