const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

export function formatUtc(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

/** A point in time, in UTC (the same on every admin's screen and in every log line). */
export function Time({ date, empty = '—' }: { date: Date | null | undefined; empty?: string }) {
  if (!date) return <span className="text-slate-500">{empty}</span>;
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {formatUtc(date)}
    </time>
  );
}
