import { isBusinessDay, type AgencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday } from '@/lib/deadlines/business-time';
import { offsetMinutes } from '@/lib/deadlines/zoned-time';

/**
 * When the daily digest goes out: on the agency's business days (lib/deadlines' calendar, so
 * weekends and the country's public holidays are skipped exactly as deadlines skip them), from
 * DIGEST_HOUR o'clock on the agency's wall clock. Later that same day still counts: a worker
 * that was down at seven sends the day's digest late rather than never.
 */

export const DEFAULT_DIGEST_HOUR = 7;

/** DIGEST_HOUR (0 to 23, default 7); a clear error for anything else. */
export function digestHour(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DIGEST_HOUR?.trim();
  if (!raw) return DEFAULT_DIGEST_HOUR;
  const hour = Number(raw);
  if (!/^\d{1,2}$/.test(raw) || hour > 23)
    throw new Error(`DIGEST_HOUR must be a whole hour from 0 to 23, not ${raw}.`);
  return hour;
}

/** The hour (0 to 23) on the agency's wall clock at `now`, DST included. */
export function agencyHour(now: Date, calendar: AgencyCalendar): number {
  return new Date(now.getTime() + offsetMinutes(now, calendar.timeZone) * 60_000).getUTCHours();
}

/** The agency's local date whose digest is due at `now`, or null when none is (too early, not a business day). */
export function digestDateDue(now: Date, calendar: AgencyCalendar, hour: number): string | null {
  const today = agencyToday(now, calendar);
  if (!isBusinessDay(today, calendar.country)) return null;
  return agencyHour(now, calendar) >= hour ? today : null;
}
