import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { addDays, isBusinessDay, type AgencyCalendar } from './calendar';
import { localDate } from './zoned-time';

/**
 * The agency's business days as a table (`business_days`), so SQL can compute deadlines the
 * way lib/deadlines does: a date's `ordinal` counts the business days on or before it, and
 * "the N-th business day after D" is the business day whose ordinal is D's + N. The rows are
 * generated here from `isBusinessDay`, never written by hand, so the holiday rules stay in
 * one place; a process rewrites them when its calendar differs from what the table holds (a
 * new year within reach, an update of the holiday library).
 */

/** Deadlines are read for events since this date (older ones would need the table to start earlier). */
export const FIRST_DATE = '1990-01-01';
/** Far enough ahead for any deadline counted from today (follow-up dates beyond it need no business days). */
const YEARS_AHEAD = 5;

export type BusinessDayRows = { dates: string[]; isBusinessDay: boolean[]; ordinals: number[] };

/** The rows for `country` from FIRST_DATE to `lastDate`, as lib/deadlines counts them. */
export function businessDayRows(country: string, lastDate: string): BusinessDayRows {
  const rows: BusinessDayRows = { dates: [], isBusinessDay: [], ordinals: [] };
  let ordinal = 0;
  for (let day = FIRST_DATE; day <= lastDate; day = addDays(day, 1)) {
    const isBusiness = isBusinessDay(day, country);
    if (isBusiness) ordinal += 1;
    rows.dates.push(day);
    rows.isBusinessDay.push(isBusiness);
    rows.ordinals.push(ordinal);
  }
  return rows;
}

function fingerprintOf(rows: BusinessDayRows): string {
  const bits = rows.isBusinessDay.map((isBusiness) => (isBusiness ? '1' : '0')).join('');
  return createHash('sha256')
    .update(`${rows.dates[0]}|${rows.dates.at(-1)}|${bits}`)
    .digest('hex');
}

/** The last date the table must reach: the end of the year YEARS_AHEAD from now. */
export function requiredLastDate(now: Date, calendar: AgencyCalendar): string {
  return `${Number(localDate(now, calendar.timeZone).slice(0, 4)) + YEARS_AHEAD}-12-31`;
}

/**
 * Makes the table hold this code's calendar for `calendar.country` through `lastDate`.
 * Safe with several processes: they take turns on an advisory lock, and the fingerprint
 * check makes all but the first a no-op. Returns whether it rewrote the rows.
 */
export async function syncBusinessDays(calendar: AgencyCalendar, lastDate: string): Promise<boolean> {
  const rows = businessDayRows(calendar.country, lastDate);
  const fingerprint = fingerprintOf(rows);
  const isCurrent = async (client: Pick<Prisma.TransactionClient, '$queryRaw'>) => {
    const found = await client.$queryRaw<{ fingerprint: string }[]>`
      SELECT fingerprint FROM business_day_calendars WHERE country = ${calendar.country}`;
    return found[0]?.fingerprint === fingerprint;
  };
  if (await isCurrent(db)) return false;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('business_days'), hashtext(${calendar.country}))`;
      if (await isCurrent(tx)) return false;
      await tx.$executeRaw`DELETE FROM business_days WHERE country = ${calendar.country}`;
      await tx.$executeRaw`
        INSERT INTO business_days (country, date, is_business_day, ordinal)
        SELECT ${calendar.country}, d, b, o
        FROM unnest(${rows.dates}::date[], ${rows.isBusinessDay}::boolean[], ${rows.ordinals}::int[]) AS r(d, b, o)`;
      await tx.$executeRaw`
        INSERT INTO business_day_calendars (country, first_date, last_date, fingerprint, updated_at)
        VALUES (${calendar.country}, ${FIRST_DATE}::date, ${lastDate}::date, ${fingerprint}, now())
        ON CONFLICT (country) DO UPDATE
          SET first_date = excluded.first_date, last_date = excluded.last_date,
              fingerprint = excluded.fingerprint, updated_at = excluded.updated_at`;
      return true;
    },
    { timeout: 60_000 },
  );
}

const globalForTable = globalThis as unknown as { casedeskBusinessDays?: Map<string, Promise<unknown>> };

/**
 * Once per process and calendar year: the table is in step with this code before the first
 * query that reads it (a failed attempt is tried again by the next caller).
 */
export function ensureBusinessDays(calendar: AgencyCalendar, now = new Date()): Promise<unknown> {
  const lastDate = requiredLastDate(now, calendar);
  const done = (globalForTable.casedeskBusinessDays ??= new Map());
  const key = `${calendar.country}|${lastDate}`;
  let pending = done.get(key);
  if (!pending) {
    pending = syncBusinessDays(calendar, lastDate).catch((error: unknown) => {
      done.delete(key);
      throw error;
    });
    done.set(key, pending);
  }
  return pending;
}

/** The local date of instant `at` (SQL timestamptz) in the agency's time zone, as SQL. */
export function localDateSql(at: Prisma.Sql, calendar: AgencyCalendar): Prisma.Sql {
  return Prisma.sql`(${at} AT TIME ZONE ${calendar.timeZone})::date`;
}

/** The first instant of local date `date` (SQL date) in the agency's time zone. */
export function startOfLocalDaySql(date: Prisma.Sql, calendar: AgencyCalendar): Prisma.Sql {
  return Prisma.sql`(${date}::timestamp AT TIME ZONE ${calendar.timeZone})`;
}

/** The last millisecond of local date `date`: a deadline "by the end of that day", as lib/deadlines has it. */
export function endOfLocalDaySql(date: Prisma.Sql, calendar: AgencyCalendar): Prisma.Sql {
  return Prisma.sql`((${date} + 1)::timestamp AT TIME ZONE ${calendar.timeZone} - interval '1 millisecond')`;
}

/**
 * Two LEFT JOINs that put, for each row, the business day `businessDays` (1 or more) after
 * local date `fromDay` (both SQL over the row) at `<alias>.date`: null where `fromDay` is
 * null or outside the table. Joins rather than a subquery per row, so a queue of thousands
 * of items is two hash joins.
 */
export function joinBusinessDayAfter(
  fromDay: Prisma.Sql,
  businessDays: Prisma.Sql,
  calendar: AgencyCalendar,
  alias: string,
): Prisma.Sql {
  const from = Prisma.raw(`${alias}_from`);
  const to = Prisma.raw(alias);
  return Prisma.sql`
    LEFT JOIN business_days ${from} ON ${from}.country = ${calendar.country} AND ${from}.date = ${fromDay}
    LEFT JOIN business_days ${to} ON ${to}.country = ${calendar.country} AND ${to}.is_business_day
      AND ${to}.ordinal = ${from}.ordinal + ${businessDays}`;
}

/** `instant` plus calendar months, clamped to the month's end, in UTC as lib/deadlines/months.ts does. */
export function addMonthsSql(instant: Prisma.Sql, months: number): Prisma.Sql {
  return Prisma.sql`((${instant} AT TIME ZONE 'UTC') + make_interval(months => ${months}::int)) AT TIME ZONE 'UTC'`;
}
