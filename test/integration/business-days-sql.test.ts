import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  endOfLocalDaySql,
  joinBusinessDayAfter,
  localDateSql,
  startOfLocalDaySql,
  syncBusinessDays,
} from '@/lib/deadlines/business-day-table';
import { businessDeadline } from '@/lib/deadlines/business-time';
import { nextBusinessDay, type AgencyCalendar } from '@/lib/deadlines/calendar';
import { startOfLocalDay } from '@/lib/deadlines/zoned-time';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The queue computes its deadlines in SQL from the business_days table; lib/deadlines (with
 * its own unit tests) is the definition. Here both compute the same deadlines for instants
 * every 5 hours 17 minutes over twenty months: both DST changes of two years, Easter, German
 * Unity Day, Christmas and year ends, Friday evenings, in four calendars.
 */

const CALENDARS: AgencyCalendar[] = [
  { country: 'DK', timeZone: 'Europe/Copenhagen' },
  { country: 'DE', timeZone: 'Europe/Berlin' },
  { country: 'GB', timeZone: 'Europe/London' },
  { country: 'US', timeZone: 'America/New_York' },
];
const FROM = Date.parse('2025-09-01T00:00:00Z');
const TO = Date.parse('2027-05-01T00:00:00Z');
const STEP = (5 * 60 + 17) * 60_000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  for (const calendar of CALENDARS) await syncBusinessDays(calendar, '2028-12-31');
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

const instants = (): Date[] => {
  const all: Date[] = [];
  for (let at = FROM; at < TO; at += STEP) all.push(new Date(at));
  return all;
};

/** `n` business days after each instant, computed in SQL the way lib/work/queue.ts does. */
async function sqlDeadlines(calendar: AgencyCalendar, at: Date[], n: number): Promise<(string | null)[]> {
  const rows = await db.$queryRaw<{ i: bigint; due: Date | null }[]>`
    SELECT x.i, ${endOfLocalDaySql(Prisma.sql`deadline.date`, calendar)} AS due
    FROM unnest(${at.map((instant) => instant.toISOString())}::timestamptz[]) WITH ORDINALITY AS x(at, i)
    ${joinBusinessDayAfter(localDateSql(Prisma.sql`x.at`, calendar), Prisma.sql`${n}::int`, calendar, 'deadline')}
    ORDER BY x.i`;
  return rows.map((row) => row.due?.toISOString() ?? null);
}

describe('deadlines in SQL agree with lib/deadlines', () => {
  for (const calendar of CALENDARS) {
    for (const n of [1, 2, 5]) {
      it(`${calendar.country} (${calendar.timeZone}), ${n} business day(s)`, async () => {
        const at = instants();
        expect(at.length).toBeGreaterThan(2_500);
        const expected = at.map((instant) => businessDeadline(instant, n, calendar).toISOString());
        const actual = await sqlDeadlines(calendar, at, n);
        const differences = at
          .map((instant, i) => ({ at: instant.toISOString(), expected: expected[i], actual: actual[i] }))
          .filter((row) => row.expected !== row.actual);
        expect(differences.slice(0, 5)).toEqual([]);
      });
    }
  }

  it('puts known cases where lib/deadlines puts them (Friday evening, Easter, DST)', async () => {
    const dk = CALENDARS[0];
    const cases = [
      ['2026-11-27T19:30:00Z', 2, '2026-12-01T22:59:59.999Z'], // Friday evening -> end of Tuesday
      ['2026-04-01T10:00:00Z', 2, '2026-04-08T21:59:59.999Z'], // across Danish Easter
      ['2026-03-27T15:00:00Z', 1, '2026-03-30T21:59:59.999Z'], // across the spring change
      ['2026-10-23T15:00:00Z', 1, '2026-10-26T22:59:59.999Z'], // across the autumn change
      ['2026-11-26T23:30:00Z', 1, '2026-11-30T22:59:59.999Z'], // already Friday in Copenhagen
    ] as const;
    for (const [at, n, due] of cases) {
      expect(await sqlDeadlines(dk, [new Date(at)], n)).toEqual([due]);
    }
  });

  it('starts the next business day where promises turn broken', async () => {
    for (const calendar of CALENDARS) {
      const dates = ['2025-10-02', '2026-04-02', '2026-03-27', '2026-10-23', '2026-12-24', '2026-12-31'];
      const rows = await db.$queryRaw<{ starts: Date }[]>`
        SELECT ${startOfLocalDaySql(Prisma.sql`next.date`, calendar)} AS starts
        FROM unnest(${dates}::date[]) WITH ORDINALITY AS x(d, i)
        ${joinBusinessDayAfter(Prisma.sql`x.d`, Prisma.sql`1`, calendar, 'next')}
        ORDER BY x.i`;
      expect(rows.map((row) => row.starts.toISOString())).toEqual(
        dates.map((date) => startOfLocalDay(nextBusinessDay(date, calendar.country), calendar.timeZone).toISOString()),
      );
    }
  });

  it('rewrites the table only when the calendar it holds differs', async () => {
    const dk = CALENDARS[0];
    const goodFriday = "SELECT is_business_day FROM business_days WHERE country = 'DK' AND date = '2026-04-03'";
    expect(await syncBusinessDays(dk, '2028-12-31')).toBe(false);
    await database.pool.query("DELETE FROM business_days WHERE country = 'DK' AND date = '2026-04-03'");
    expect((await database.pool.query(goodFriday)).rows).toEqual([]);
    await database.pool.query("UPDATE business_day_calendars SET fingerprint = 'stale' WHERE country = 'DK'");
    expect(await syncBusinessDays(dk, '2028-12-31')).toBe(true);
    expect((await database.pool.query(goodFriday)).rows).toEqual([{ is_business_day: false }]);
  });
});
