import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { caseVisibility, type Viewer } from '@/lib/cases/visibility';
import { agencyCalendar, type AgencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday, endOfAgencyDay } from '@/lib/deadlines/business-time';
import { monthlyUpdateCreditPercent } from '@/lib/deadlines/sla';
import { toZonedIso } from '@/lib/deadlines/zoned-time';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { formatMinor } from '@/lib/money/currency';
import { dateText } from './dates';
import { READ_REFRESH_CASES, refreshWorkItems, visibleWindows, WORK_ITEM_KINDS, type WorkItemKind } from './work-items';

/**
 * A collector's work queue: everything due on their cases (and the unassigned ones, as the
 * case list shows them), soonest deadline first. Read from the stored items (work-items.ts),
 * brought up to date first: per kind, the items in that kind's window of due_at, counted and
 * cut to the soonest in index order, so a queue of tens of thousands of items costs index
 * ranges, not a derivation per request.
 */

export type QueueKind = WorkItemKind;

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
  await refreshWorkItems({ now, maxCases: READ_REFRESH_CASES });
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
 * One statement over `work_items w`: per kind (and, for a collector, per range: their own, the
 * unassigned), the items in the kind's visible window: counted, and the soonest `limit` of each
 * range read in index order and merged; the debtor's name is read for those only.
 */
export function queueSql(subject: Viewer, now: Date, calendar: AgencyCalendar, limit: number): Prisma.Sql {
  const ranges = subjectRanges(subject);
  const endOfToday = endOfAgencyDay(agencyToday(now, calendar), calendar);
  const columns = Prisma.sql`w.kind, w.case_id, w.reference, w.due_at, w.item_id, w.due_date, w.text, w.amount_minor,
    w.paid_minor, w.currency`;
  const order = Prisma.sql`due_at, reference, kind, item_id`;
  const branches = visibleRangesSql(ranges, now, calendar);
  return Prisma.sql`
    WITH totals AS (
      SELECT count(*) AS total, count(*) FILTER (WHERE due_at < ${now}) AS overdue_count,
             count(*) FILTER (WHERE due_at <= ${endOfToday}) AS due_today_count
      FROM (${Prisma.join(
        branches.map((where) => Prisma.sql`SELECT w.due_at FROM work_items w WHERE ${where}`),
        ' UNION ALL ',
      )}) v
    ),
    soonest AS (
      SELECT * FROM (${Prisma.join(
        branches.map(
          (where) => Prisma.sql`(SELECT ${columns} FROM work_items w WHERE ${where} ORDER BY ${order} LIMIT ${limit})`,
        ),
        ' UNION ALL ',
      )}) v
      ORDER BY ${order} LIMIT ${limit}
    )
    SELECT s.kind, s.reference, c.debtor_name, s.due_at, s.item_id, s.due_date, s.text, s.amount_minor, s.paid_minor,
           s.currency, t.total, t.overdue_count, t.due_today_count
    FROM totals t LEFT JOIN (soonest s JOIN cases c ON c.id = s.case_id) ON true
    ORDER BY s.due_at, s.reference, s.kind, s.item_id`;
}

/** Overdue items now on every live case, per assignee (null: unassigned), for the reports. */
export async function countOverdueByAssignee(now = new Date()): Promise<Map<string | null, number>> {
  await refreshWorkItems({ now, maxCases: READ_REFRESH_CASES });
  const branches = visibleRangesSql([Prisma.sql`true`], now, agencyCalendar());
  const rows = await db.$queryRaw<{ assignee_id: string | null; overdue: bigint }[]>`
    SELECT assignee_id, count(*) AS overdue
    FROM (${Prisma.join(
      branches.map((where) => Prisma.sql`SELECT w.assignee_id FROM work_items w WHERE ${where} AND w.due_at < ${now}`),
      ' UNION ALL ',
    )}) v
    GROUP BY assignee_id`;
  return new Map(rows.map((row) => [row.assignee_id, Number(row.overdue)]));
}

/**
 * Whose items, as conditions on `work_items w`, each an index range: a collector's two (their
 * own cases, the unassigned), one for those who see every case. The rows carry their case's
 * assignee_id, so the case visibility rule applies to them as it is.
 */
function subjectRanges(subject: Viewer): Prisma.Sql[] {
  const visibility = caseVisibility(subject, Prisma.raw('w'));
  if (visibility.length === 0) return [Prisma.sql`true`];
  return [Prisma.sql`w.assignee_id = ${subject.id}::uuid`, Prisma.sql`w.assignee_id IS NULL`].map((range) =>
    Prisma.join([range, ...visibility], ' AND '),
  );
}

/** Each range crossed with each kind's visible window of due_at (work-items.ts): the conditions to read. */
function visibleRangesSql(ranges: Prisma.Sql[], now: Date, calendar: AgencyCalendar): Prisma.Sql[] {
  const windows = visibleWindows(now, calendar);
  return ranges.flatMap((range) =>
    WORK_ITEM_KINDS.map((kind) => {
      const { from, to } = windows[kind];
      const conditions = [range, Prisma.sql`w.kind = ${kind}`];
      if (from) conditions.push(Prisma.sql`w.due_at >= ${from}`);
      if (to) conditions.push(Prisma.sql`w.due_at <= ${to}`);
      return Prisma.join(conditions, ' AND ');
    }),
  );
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
