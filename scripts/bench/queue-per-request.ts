import { caseVisibility, type Viewer } from '@/lib/cases/visibility';
import { ENDED_STATES, EXCLUSIVE_PERIOD_MONTHS } from '@/lib/cases/lifecycle';
import {
  addMonthsSql,
  endOfLocalDaySql,
  ensureBusinessDays,
  joinBusinessDayAfter,
  localDateSql,
  startOfLocalDaySql,
} from '@/lib/deadlines/business-day-table';
import { agencyCalendar, type AgencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday, endOfAgencyDay } from '@/lib/deadlines/business-time';
import {
  ACCEPT_CASE_BUSINESS_DAYS,
  CHAT_REPLY_BUSINESS_DAYS,
  EXCLUSIVE_PERIOD_WARNING_DAYS,
  MONTHLY_UPDATE_LEAD_DAYS,
  MONTHLY_UPDATE_MONTHS,
} from '@/lib/deadlines/sla';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { paidTowardsPromiseSql } from '@/lib/work/promises';

/**
 * BENCH BASELINE ONLY, not used by the app: lib/work/queue.ts's statement as it was at commit
 * 7cf064e, before the items were stored (every request derived each visible case's items and
 * deadlines in one SQL statement, then counted and sorted them). `npm run bench -- queue
 * --legacy` times it in the same run as the stored items. It reads case_work_facts, which the
 * refresh of work items keeps. Frozen here on purpose; do not reuse it.
 */

type Row = { kind: string | null; total: bigint };

/** The old statement's answer: the whole queue's size and how many items it returned. */
export async function getPerRequestQueue(subject: Viewer, limit = 200): Promise<{ total: number; items: number }> {
  const now = new Date();
  const calendar = agencyCalendar();
  await ensureBusinessDays(calendar, now);
  const rows = await db.$queryRaw<Row[]>(queueSql(subject, now, calendar, limit));
  return { total: Number(rows[0]?.total ?? 0), items: rows.filter((row) => row.kind !== null).length };
}

function queueSql(subject: Viewer, now: Date, calendar: AgencyCalendar, limit: number): Prisma.Sql {
  const visibility = caseVisibility(subject);
  const openCases = (range: Prisma.Sql) => openCasesSql(range, visibility);
  // A collector's cases (their own, the unassigned) as two ranges of the assignee index, read
  // from the index alone; the visibility rule still decides what is in them.
  const visibleOpenCases = visibility.length
    ? Prisma.sql`${openCases(Prisma.sql`c.assignee_id = ${subject.id}::uuid`)}
      UNION ALL ${openCases(Prisma.sql`c.assignee_id IS NULL`)}`
    : openCases(Prisma.sql`true`);
  const endOfToday = endOfAgencyDay(agencyToday(now, calendar), calendar);
  return Prisma.sql`
    ${datedItemsSql(visibleOpenCases, now, calendar)},
    totals AS (
      SELECT count(*) AS total, count(*) FILTER (WHERE due_at < ${now}) AS overdue_count,
             count(*) FILTER (WHERE due_at <= ${endOfToday}) AS due_today_count
      FROM dated
    ),
    soonest AS (SELECT * FROM dated ORDER BY due_at, reference, kind, item_id LIMIT ${limit})
    SELECT s.kind, s.reference, c.debtor_name, s.due_at, s.item_id, s.due_date, s.text, s.amount_minor, s.paid_minor,
           s.currency, t.total, t.overdue_count, t.due_today_count
    FROM totals t LEFT JOIN (soonest s JOIN cases c ON c.id = s.case_id) ON true
    ORDER BY s.due_at, s.reference, s.kind, s.item_id`;
}

/** Live cases that are not over, within `range` and the viewer's `visibility` (SQL over `cases c`). */
function openCasesSql(range: Prisma.Sql, visibility: Prisma.Sql[]): Prisma.Sql {
  const conditions = [
    range,
    Prisma.sql`NOT c.is_test`,
    Prisma.sql`c.state IS NOT NULL AND c.state NOT IN (${Prisma.join([...ENDED_STATES])})`,
    ...visibility,
  ];
  return Prisma.sql`SELECT c.id, c.reference, c.state, c.state_at, c.assigned_at FROM cases c
    WHERE ${Prisma.join(conditions, ' AND ')}`;
}

/** `WITH ... dated AS (...)`: every item on the cases `visibleOpenCases` selects, with its `due_at`. */
function datedItemsSql(visibleOpenCases: Prisma.Sql, now: Date, calendar: AgencyCalendar): Prisma.Sql {
  const today = agencyToday(now, calendar);
  const monthlyHorizon = new Date(now.getTime() + MONTHLY_UPDATE_LEAD_DAYS * 86_400_000);
  const exclusiveHorizon = new Date(now.getTime() + EXCLUSIVE_PERIOD_WARNING_DAYS * 86_400_000);
  const activeSince = Prisma.sql`COALESCE(vc.state_at, vc.assigned_at)`;
  const localDay = (at: Prisma.Sql) => localDateSql(at, calendar);
  const endOfDay = (date: Prisma.Sql) => endOfLocalDaySql(date, calendar);
  const monthlyDue = addMonthsSql(Prisma.sql`n.base`, MONTHLY_UPDATE_MONTHS);
  const exclusiveDue = addMonthsSql(activeSince, EXCLUSIVE_PERIOD_MONTHS);
  // Each kind gives either its due_at or the local day its business days count from and how many.
  return Prisma.sql`
    WITH vc AS MATERIALIZED (
      SELECT c.id, c.reference, c.state, c.state_at, c.assigned_at, f.awaiting_reply_since, f.awaiting_reply_message,
             f.last_progress_note_at
      FROM (${visibleOpenCases}) c LEFT JOIN case_work_facts f ON f.case_id = c.id
    ),
    candidates AS (
      SELECT 'accept_case' AS kind, vc.id AS case_id, vc.reference, NULL::uuid AS item_id, NULL::date AS due_date,
             NULL AS text, NULL::bigint AS amount_minor, NULL::bigint AS paid_minor, NULL AS currency,
             ${localDay(Prisma.sql`COALESCE(vc.assigned_at, ${now})`)} AS from_day,
             ${ACCEPT_CASE_BUSINESS_DAYS}::int AS business_days, NULL::timestamptz AS fixed_due
      FROM vc WHERE vc.state = 'PendingVerification'
      UNION ALL
      SELECT 'monthly_update', vc.id, vc.reference, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${monthlyDue}
      FROM vc CROSS JOIN LATERAL (SELECT COALESCE(vc.last_progress_note_at, ${activeSince}) AS base) n
      WHERE vc.state = 'Active' AND ${monthlyDue} <= ${monthlyHorizon}
      UNION ALL
      SELECT 'exclusive_period_ending', vc.id, vc.reference, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             ${exclusiveDue}
      FROM vc
      WHERE vc.state = 'Active' AND ${exclusiveDue} BETWEEN ${now} AND ${exclusiveHorizon}
      UNION ALL
      SELECT 'chat_reply', vc.id, vc.reference, NULL, NULL, vc.awaiting_reply_message, NULL, NULL, NULL,
             ${localDay(Prisma.sql`vc.awaiting_reply_since`)}, ${CHAT_REPLY_BUSINESS_DAYS}::int, NULL
      FROM vc WHERE vc.awaiting_reply_since IS NOT NULL
      UNION ALL
      SELECT 'follow_up', vc.id, vc.reference, f.id, f.due_date, f.note, NULL, NULL, NULL, NULL, NULL,
             ${endOfDay(Prisma.sql`f.due_date`)}
      FROM follow_ups f JOIN vc ON vc.id = f.case_id
      WHERE f.status = 'open'
      UNION ALL
      -- Broken from the start of the next business day after its date; due by the end of that day.
      SELECT 'promise_broken', vc.id, vc.reference, pp.id, pp.due_date, pp.note, pp.amount_minor, t.paid,
             pp.currency, pp.due_date, 1, NULL
      FROM payment_promises pp JOIN vc ON vc.id = pp.case_id
      CROSS JOIN LATERAL (SELECT ${paidTowardsPromiseSql(Prisma.raw('pp'), calendar.timeZone)} AS paid) t
      WHERE pp.cancelled_at IS NULL AND pp.due_date < ${today}::date AND t.paid < pp.amount_minor
    ),
    dated AS MATERIALIZED (
      SELECT cd.kind, cd.case_id, cd.reference, cd.item_id, cd.due_date, cd.text, cd.amount_minor, cd.paid_minor,
             cd.currency,
             -- A day outside the business_days table (before 1990, years ahead) falls back to its own end.
             COALESCE(cd.fixed_due, ${endOfDay(Prisma.sql`deadline.date`)}, ${endOfDay(Prisma.sql`cd.from_day`)}) AS due_at
      FROM candidates cd
      ${joinBusinessDayAfter(Prisma.sql`cd.from_day`, Prisma.sql`cd.business_days`, calendar, 'deadline')}
      WHERE cd.kind <> 'promise_broken' OR ${now} >= ${startOfLocalDaySql(Prisma.sql`deadline.date`, calendar)}
    )`;
}
