import { agencyCalendar } from '@/lib/deadlines/calendar';

let cached: string | undefined;

/**
 * The agency's time zone (CASEDESK_TIMEZONE, read and checked by the agency calendar):
 * dates and times on every page and in emails are shown in it, whoever reads them, so a
 * deadline reads the same for the whole team. Read once per process.
 */
export function agencyTimeZone(): string {
  cached ??= agencyCalendar().timeZone;
  return cached;
}
