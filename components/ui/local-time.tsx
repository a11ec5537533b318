'use client';

import { useFormatter, type DateTimeFormatOptions } from 'next-intl';

type Style = 'date' | 'datetime' | 'time';

const OPTIONS: Record<Style, DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

/**
 * A moment in the reader's language and the agency's time zone (both from next-intl's
 * request configuration), identical on the server and after hydration; the exact ISO
 * time is in the tooltip.
 */
export function LocalTime({
  value,
  style = 'datetime',
  className,
}: {
  value: Date | string;
  style?: Style;
  className?: string;
}) {
  const format = useFormatter();
  const date = typeof value === 'string' ? new Date(value) : value;
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={iso} className={className}>
      {format.dateTime(date, OPTIONS[style])}
    </time>
  );
}
