import { useFormatter } from 'next-intl';

/**
 * A point in time, in UTC (the same on every admin's screen and in every log line), written
 * the reader's way.
 */
export function Time({ date, empty = '—' }: { date: Date | null | undefined; empty?: string }) {
  const format = useFormatter();
  if (!date) return <span className="text-slate-500">{empty}</span>;
  const text = format.dateTime(date, {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'UTC',
  });
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {text} UTC
    </time>
  );
}
