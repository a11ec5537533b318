import { formatMinor } from '@/lib/money/currency';

/** An amount in its currency, or a dash when either is unknown (a payment known only by its deletion). */
export function Money({
  minor,
  currency,
  className,
}: {
  minor: bigint | null;
  currency: string | null;
  className?: string;
}) {
  if (minor === null || !currency) return <span className={className}>—</span>;
  return (
    <span className={`tabular-nums ${minor < 0n ? 'text-red-700' : ''} ${className ?? ''}`}>
      {formatMinor(minor, currency)}
    </span>
  );
}
