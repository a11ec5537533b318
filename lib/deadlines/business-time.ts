import { addBusinessDays, addDays, isBusinessDay, type AgencyCalendar } from './calendar';
import { endOfLocalDay, localDate, startOfLocalDay } from './zoned-time';

/**
 * Deadlines in business days: "due N business days after the event" falls at the end of the
 * N-th business day after the local date of the event, in the agency's time zone. A message
 * on Friday evening is due 2 business days later at the end of Tuesday, whatever the hour.
 */
export function businessDeadline(event: Date, businessDays: number, calendar: AgencyCalendar): Date {
  const eventDay = localDate(event, calendar.timeZone);
  const key = `${calendar.country}|${calendar.timeZone}|${businessDays}|${eventDay}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    deadline = endOfLocalDay(addBusinessDays(eventDay, businessDays, calendar.country), calendar.timeZone).getTime();
    if (deadlines.size > 10_000) deadlines.clear();
    deadlines.set(key, deadline);
  }
  return new Date(deadline);
}

/** Deadlines by event day: a queue computes the same few thousand again and again. */
const deadlines = new Map<string, number>();

/** The end of a local date (a follow-up's or a promise's day) in the agency's time zone. */
export function endOfAgencyDay(date: string, calendar: AgencyCalendar): Date {
  return endOfLocalDay(date, calendar.timeZone);
}

/** Today's local date for the agency. */
export function agencyToday(now: Date, calendar: AgencyCalendar): string {
  return localDate(now, calendar.timeZone);
}

/**
 * Hours between two instants that fall on business days (each business day counts whole, as
 * Debitura's "48 business hours" equal 2 business days). Real elapsed hours, so a business day
 * that changes DST counts its 23 or 25.
 */
export function businessHoursBetween(from: Date, to: Date, calendar: AgencyCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  const lastDay = localDate(to, calendar.timeZone);
  for (let day = localDate(from, calendar.timeZone); day <= lastDay; day = addDays(day, 1)) {
    if (!isBusinessDay(day, calendar.country)) continue;
    const start = Math.max(startOfLocalDay(day, calendar.timeZone).getTime(), from.getTime());
    const end = Math.min(startOfLocalDay(addDays(day, 1), calendar.timeZone).getTime(), to.getTime());
    if (end > start) total += end - start;
  }
  return total / 3_600_000;
}
