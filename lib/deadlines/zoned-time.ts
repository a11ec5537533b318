/**
 * Instants and the agency's wall clock, with only Intl: which local date an instant falls on,
 * when a local day starts and ends (23 or 25 hours long on DST changes), and an instant written
 * as ISO 8601 with the zone's offset at that moment ("2026-12-01T23:59:59.999+01:00").
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

const QUARTER_HOUR_MS = 900_000;
const DAY_MS = 86_400_000;
const offsetCache = new Map<string, number>();

function offsetAt(ms: number, timeZone: string): number {
  const clock = wallClock(new Date(ms), timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - ms) / 60_000);
}

function remembered(key: string, compute: () => number): number {
  let value = offsetCache.get(key);
  if (value === undefined) {
    value = compute();
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, value);
  }
  return value;
}

/**
 * The zone's offset from UTC at `instant`, in minutes (Copenhagen in winter: 60). Asking Intl
 * is slow and a queue asks thousands of times, so offsets are remembered: per UTC day when the
 * day starts and ends on the same offset (no zone changes twice in a day), else per quarter
 * hour (every zone's offsets and changes fall on quarter hours).
 */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const day = Math.floor(ms / DAY_MS);
  const dayStart = remembered(`${timeZone}|d${day}`, () => offsetAt(day * DAY_MS, timeZone));
  const nextDayStart = remembered(`${timeZone}|d${day + 1}`, () => offsetAt((day + 1) * DAY_MS, timeZone));
  if (dayStart === nextDayStart) return dayStart;
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  return remembered(`${timeZone}|q${quarter}`, () => offsetAt(quarter * QUARTER_HOUR_MS, timeZone));
}

/** The local date (`YYYY-MM-DD`) of `instant` in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** The instant the local date begins in the zone (its first millisecond). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // Two passes: the offset at the guess may differ from the offset at the answer near a DST change.
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(second);
}

const dayEnds = new Map<string, number>();

/** The last millisecond of the local date in the zone: a deadline "by the end of that day". */
export function endOfLocalDay(date: string, timeZone: string): Date {
  // Remembered: a queue asks for the same few days thousands of times.
  const key = `${timeZone}|${date}`;
  let end = dayEnds.get(key);
  if (end === undefined) {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    end = startOfLocalDay(next.toISOString().slice(0, 10), timeZone).getTime() - 1;
    if (dayEnds.size > 10_000) dayEnds.clear();
    dayEnds.set(key, end);
  }
  return new Date(end);
}

/** ISO 8601 with the zone's offset at that instant, to the millisecond. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

const pad = (value: number) => String(value).padStart(2, '0');
