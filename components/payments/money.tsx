import { useLocale } from 'next-intl';
import { formatMoney } from '@/lib/money/currency';

/** An amount in its currency, in the reader's language; a dash when either is unknown (a payment known only by its deletion). */
export function Money({
  minor,
  currency,
  className,
}: {
  minor: bigint | null;
  currency: string | null;
  className?: string;
}) {
  const locale = useLocale();
  return (
    <span className={`tabular-nums ${minor !== null && minor < 0n ? 'text-red-700' : ''} ${className ?? ''}`}>
      {formatMoney(minor, currency, locale)}
    </span>
  );
}
