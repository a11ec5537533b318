import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
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
  monthlyUpdateCreditPercent,
} from '@/lib/deadlines/sla';
import { toZonedIso } from '@/lib/deadlines/zoned-time';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { formatMinor } from '@/lib/money/currency';
import { paidTowardsPromiseSql } from './promises';
import { dateText } from './dates';

/**
 * A collector's work queue: everything due on their cases (and the unassigned ones, as the
 * case list shows them), soonest deadline first. One SQL statement finds the items over the
 * visible open cases, computes each deadline (business days from the business_days table,
 * the copy of lib/deadlines' calendar), counts them and returns the soonest: a queue of tens
 * of thousands of items costs the database a sort, not the app a loop.
 */

export const QUEUE_KINDS = [
  'chat_reply',
  'accept_case',
  'monthly_update',
  'follow_up',
  'promise_broken',
  'exclusive_period_ending',
] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export type QueueItem = {
  kind: QueueKind;
  reference: string;
  /** ISO 8601 with the agency's offset. */
  dueAt: string;
  overdue: boolean;
  /** English, for scripts; pages word it themselves from the fields below. */
  title: string;
  debtorName: string | null;
  /** The follow-up's or promise's id (to act on it); null for the other kinds. */
  itemId: string | null;
  /** follow_up: its note; chat_reply: the start of the message. */
  text: string | null;
  /** promise_broken: promised amount, paid so far, currency. */
  amountMinor: number | null;
  paidMinor: number | null;
  currency: string | null;
  /** monthly_update: the share of Debitura's credit still to be had. */
  creditPercent: number | null;
};

/** `items`: the soonest `limit`; `total` and the counts: the whole queue. */
export type Queue = { items: QueueItem[]; total: number; dueTodayCount: number; overdueCount: number };

type Row = {
  kind: QueueKind;
  reference: string;
  debtor_name: string | null;
  due_at: Date;
  item_id: string | null;
  due_date: Date | null;
  text: string | null;
  amount_minor: bigint | null;
  paid_minor: bigint | null;
  currency: string | null;
  total: bigint;
  overdue_count: bigint;
  due_today_count: bigint;
};

/** Whose queue: a person (by email, for managers) or the viewer's own. */
export async function resolveQueueSubject(viewer: Viewer, email: string | null): Promise<Viewer> {
  if (!email) return viewer;
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true },
  });
  if (user?.id === viewer.id) return viewer;
  if (!can(viewer, 'cases:read-all')) throw new ForbiddenError("Only managers can see another person's queue.");
  if (!user) throw new NotFoundError(`No user with the email ${email}.`);
  return user;
}

/** The page's and the API's default: the soonest items (counts always cover the whole queue). */
export const QUEUE_DEFAULT_LIMIT = 200;
export const QUEUE_MAX_LIMIT = 5_000;

/**
 * The queue of `subject` (what they see: collectors their own and unassigned cases, managers
 * all): its `limit` soonest items, and counts over all of it.
 */
export async function getQueue(subject: Viewer, options: { now?: Date; limit?: number } = {}): Promise<Queue> {
  const now = options.now ?? new Date();
  const limit = Math.max(0, Math.min(options.limit ?? QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT));
  const calendar = agencyCalendar();
  await ensureBusinessDays(calendar, now);
  const rows = await db.$queryRaw<Row[]>(queueSql(subject, now, calendar, limit));
  // Always at least one row: the totals, with the item's columns null when there are no items.
  const counts = rows[0];
  return {
    items: rows.filter((row) => row.kind !== null).map((row) => toItem(row, now, calendar)),
    total: Number(counts?.total ?? 0),
    dueTodayCount: Number(counts?.due_today_count ?? 0),
    overdueCount: Number(counts?.overdue_count ?? 0),
  };
}

/**
 * One statement: the candidates of every kind over the visible open cases, each with its
 * `due_at` (business-day deadlines from the business_days table, see
 * lib/deadlines/business-day-table.ts), counted and cut to the soonest `limit` in SQL; the
 * debtor's name is read for those only.
 */
export function queueSql(subject: Viewer, now: Date, calendar: AgencyCalendar, limit: number): Prisma.Sql {
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

/** Overdue items now on every live case, per assignee (null: unassigned), for the reports. */
export async function countOverdueByAssignee(now = new Date()): Promise<Map<string | null, number>> {
  const calendar = agencyCalendar();
  await ensureBusinessDays(calendar, now);
  const rows = await db.$queryRaw<{ assignee_id: string | null; overdue: bigint }[]>`
    ${datedItemsSql(openCasesSql(Prisma.sql`true`, []), now, calendar)}
    SELECT c.assignee_id, count(*) AS overdue FROM dated d JOIN cases c ON c.id = d.case_id
    WHERE d.due_at < ${now} GROUP BY c.assignee_id`;
  return new Map(rows.map((row) => [row.assignee_id, Number(row.overdue)]));
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

function toItem(row: Row, now: Date, calendar: AgencyCalendar): QueueItem {
  const dueAt = row.due_at;
  const base = {
    kind: row.kind,
    reference: row.reference,
    debtorName: row.debtor_name,
    itemId: row.item_id,
    text: row.text,
    amountMinor: null,
    paidMinor: null,
    currency: null,
    creditPercent: null,
    dueAt: toZonedIso(dueAt, calendar.timeZone),
    overdue: now > dueAt,
  };
  switch (row.kind) {
    case 'chat_reply':
      return { ...base, title: 'Answer the chat message' };
    case 'accept_case':
      return { ...base, title: 'Accept or decline the new case' };
    case 'monthly_update': {
      const creditPercent = monthlyUpdateCreditPercent(dueAt, now);
      const title = `Send the monthly progress update (${creditPercent} % of the credit still to be had)`;
      return { ...base, creditPercent, title };
    }
    case 'exclusive_period_ending':
      return { ...base, title: 'The exclusive period ends' };
    case 'follow_up':
      return { ...base, title: `Follow up: ${row.text ?? ''}`.trim() };
    case 'promise_broken': {
      const dueDate = dateText(row.due_date!);
      const amount = formatMinor(row.amount_minor!, row.currency!);
      return {
        ...base,
        amountMinor: Number(row.amount_minor),
        paidMinor: Number(row.paid_minor),
        currency: row.currency,
        title: `Promise of ${amount} by ${dueDate} was not kept`,
      };
    }
  }
}
