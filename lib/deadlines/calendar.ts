import Holidays from 'date-holidays';

/**
 * The agency's working calendar: business days are Monday to Friday minus the public holidays
 * of the agency's country, counted on the calendar of the agency's time zone. Debitura's
 * deadlines ("2 business days", "about a business day", see docs/debitura.md) are counted on
 * it. Dates without a time are `YYYY-MM-DD` strings: a local date is not an instant.
 */

export type AgencyCalendar = { country: string; timeZone: string };

export const DEFAULT_CALENDAR: AgencyCalendar = { country: 'DK', timeZone: 'Europe/Copenhagen' };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar from CASEDESK_COUNTRY and CASEDESK_TIMEZONE; a clear error when either is unknown. */
export function agencyCalendar(env: Record<string, string | undefined> = process.env): AgencyCalendar {
  const country = (env.CASEDESK_COUNTRY?.trim() || DEFAULT_CALENDAR.country).toUpperCase();
  const timeZone = env.CASEDESK_TIMEZONE?.trim() || DEFAULT_CALENDAR.timeZone;
  if (!isKnownCountry(country)) {
    throw new Error(`CASEDESK_COUNTRY=${country} is not a country the holiday calendar knows (e.g. DK, DE, GB).`);
  }
  if (!isTimeZone(timeZone)) throw new Error(`CASEDESK_TIMEZONE=${timeZone} is not an IANA time zone.`);
  return { country, timeZone };
}

const knownCountries = new Map<string, boolean>();

function isKnownCountry(country: string): boolean {
  let isKnown = knownCountries.get(country);
  if (isKnown === undefined) {
    isKnown = Boolean(new Holidays().getCountries()?.[country]);
    knownCountries.set(country, isKnown);
  }
  return isKnown;
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True for `YYYY-MM-DD` strings that name a real day (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === value;
}

/** The date `days` calendar days after (or before) `date`. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const holidayCache = new Map<string, Set<string>>();

/** The country's public holidays (not observances or bank-only days) in that year, as dates. */
function publicHolidays(country: string, year: number): Set<string> {
  const key = `${country}:${year}`;
  let dates = holidayCache.get(key);
  if (!dates) {
    const holidays = new Holidays(country).getHolidays(year) || [];
    // `date` is the holiday's local date and time ("2026-04-03 00:00:00"): its day is what counts.
    dates = new Set(
      holidays.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)),
    );
    holidayCache.set(key, dates);
  }
  return dates;
}

export function isBusinessDay(date: string, country: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(country, Number(date.slice(0, 4))).has(date);
}

/** The n-th business day after `date` (the day itself never counts; n = 0 gives `date`). */
export function addBusinessDays(date: string, n: number, country: string): string {
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isBusinessDay(day, country)) counted += 1;
  }
  return day;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string, country: string): string {
  return addBusinessDays(date, 1, country);
}
