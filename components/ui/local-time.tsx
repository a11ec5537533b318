'use client';

import { useSyncExternalStore } from 'react';

type Style = 'date' | 'datetime' | 'time';

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

const subscribe = () => () => {};

/**
 * A time in the reader's own locale and time zone. The server cannot know either, so it
 * renders UTC and the browser swaps in local time right after hydration (no mismatch:
 * useSyncExternalStore's server snapshot is what hydration compares against).
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
  const iso = typeof value === 'string' ? value : value.toISOString();
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, OPTIONS[style]).format(new Date(iso)),
    () =>
      `${new Intl.DateTimeFormat('en-GB', { ...OPTIONS[style], timeZone: 'UTC' }).format(new Date(iso))}${style === 'date' ? '' : ' UTC'}`,
  );
  return (
    <time dateTime={iso} title={iso} className={className}>
      {text}
    </time>
  );
}
