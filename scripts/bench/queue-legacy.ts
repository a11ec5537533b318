import { caseVisibility, type Viewer } from '@/lib/cases/visibility';
import { ENDED_STATES, EXCLUSIVE_PERIOD_MONTHS, exclusivePeriodEnd } from '@/lib/cases/lifecycle';
import { agencyCalendar, nextBusinessDay, type AgencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday, businessDeadline, endOfAgencyDay } from '@/lib/deadlines/business-time';
import { addMonths } from '@/lib/deadlines/months';
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
import { paidTowardsPromiseSql, promiseBrokenFrom } from '@/lib/work/promises';
import { dateText } from '@/lib/work/dates';
import type { QueueItem, QueueKind } from '@/lib/work/queue';

const isAgencyAnswerSql = (alias: Prisma.Sql) =>
  Prisma.sql`((${alias}.direction = 'outbound' AND ${alias}.status IS DISTINCT FROM 'failed')
    OR regexp_replace(lower(COALESCE(${alias}.author_role, '')), '[^a-z]', '', 'g') = 'collectionpartner')`;
// The baseline had no progress notes yet.
const lastProgressNoteSql = (caseAlias: Prisma.Sql) => (void caseAlias, Prisma.sql`NULL::timestamptz`);

/**
 * BENCH BASELINE ONLY, not used by the app: lib/work/queue.ts as it was at commit 9e63dbb,
 * before the deadlines moved into SQL (every candidate read into the app, its deadline
 * computed in JavaScript, sorted there). `npm run bench -- --only queue --legacy` times it in
 * the same run as the current queue. Its rules are frozen here on purpose; do not reuse them.
 */

type Queue = { items: QueueItem[]; dueTodayCount: number; overdueCount: number };

type Candidate = {
  kind: QueueKind;
  reference: string;
  debtor_name: string | null;
  at: Date | null;
  item_id: string | null;
  due_date: Date | null;
  text: string | null;
  amount_minor: bigint | null;
  paid_minor: bigint | null;
  currency: string | null;
};

/** The queue of `subject` (what they see: collectors their own and unassigned cases, managers all). */
export async function getLegacyQueue(subject: Viewer, now = new Date()): Promise<Queue> {
  const calendar = agencyCalendar();
  const candidates = await readCandidates(subject, now, calendar);
  const items = candidates
    .map((row) => toItem(row, now, calendar))
    .filter((entry) => entry !== null)
    .sort((a, b) => a.sortKey - b.sortKey || a.item.reference.localeCompare(b.item.reference))
    .map(({ item }) => item);
  const endOfToday = endOfAgencyDay(agencyToday(now, calendar), calendar).getTime();
  return {
    items,
    dueTodayCount: items.filter((item) => Date.parse(item.dueAt) <= endOfToday).length,
    overdueCount: items.filter((item) => item.overdue).length,
  };
}

async function readCandidates(subject: Viewer, now: Date, calendar: AgencyCalendar): Promise<Candidate[]> {
  const visibility = caseVisibility(subject);
  const conditions = [
    Prisma.sql`NOT c.is_test`,
    Prisma.sql`c.state IS NOT NULL AND c.state NOT IN (${Prisma.join([...ENDED_STATES])})`,
    ...visibility,
  ];
  const today = agencyToday(now, calendar);
  const monthlyHorizon = new Date(now.getTime() + MONTHLY_UPDATE_LEAD_DAYS * 86_400_000);
  const exclusiveHorizon = new Date(now.getTime() + EXCLUSIVE_PERIOD_WARNING_DAYS * 86_400_000);
  const answered = isAgencyAnswerSql(Prisma.raw('a'));
  const activeSince = Prisma.sql`COALESCE(vc.state_at, vc.assigned_at)`;

  return db.$queryRaw<Candidate[]>`
    WITH vc AS MATERIALIZED (
      SELECT c.id, c.reference, c.debtor_name, c.state, c.state_at, c.assigned_at
      FROM cases c WHERE ${Prisma.join(conditions, ' AND ')}
    )
    SELECT 'accept_case' AS kind, vc.reference, vc.debtor_name, vc.assigned_at AS at, NULL::uuid AS item_id,
           NULL::date AS due_date, NULL AS text, NULL::bigint AS amount_minor, NULL::bigint AS paid_minor, NULL AS currency
    FROM vc WHERE vc.state = 'PendingVerification'
    UNION ALL
    SELECT 'monthly_update', vc.reference, vc.debtor_name, n.base, NULL, NULL, NULL, NULL, NULL, NULL
    FROM vc CROSS JOIN LATERAL (SELECT COALESCE(${lastProgressNoteSql(Prisma.raw('vc'))}, ${activeSince}) AS base) n
    WHERE vc.state = 'Active'
      AND n.base + make_interval(months => ${MONTHLY_UPDATE_MONTHS}::int) <= ${monthlyHorizon}
    UNION ALL
    SELECT 'exclusive_period_ending', vc.reference, vc.debtor_name, ${activeSince}, NULL, NULL, NULL, NULL, NULL, NULL
    FROM vc
    WHERE vc.state = 'Active' AND ${activeSince} + make_interval(months => ${EXCLUSIVE_PERIOD_MONTHS}::int) BETWEEN ${now} AND ${exclusiveHorizon}
    UNION ALL
    SELECT 'chat_reply', vc.reference, vc.debtor_name, q.at, NULL, NULL, left(q.message, 200), NULL, NULL, NULL
    FROM vc
    CROSS JOIN LATERAL (
      SELECT m.at, m.message FROM chat_messages m
      WHERE m.case_id = vc.id AND m.direction = 'inbound'
        AND m.at > COALESCE((SELECT a.at FROM chat_messages a WHERE a.case_id = vc.id AND ${answered}
                             ORDER BY a.at DESC LIMIT 1), '-infinity')
        AND NOT ${isAgencyAnswerSql(Prisma.raw('m'))}
      ORDER BY m.at LIMIT 1
    ) AS q
    UNION ALL
    SELECT 'follow_up', vc.reference, vc.debtor_name, f.created_at, f.id, f.due_date, f.note, NULL, NULL, NULL
    FROM follow_ups f JOIN vc ON vc.id = f.case_id
    WHERE f.status = 'open'
    UNION ALL
    SELECT 'promise_broken', vc.reference, vc.debtor_name, pp.created_at, pp.id, pp.due_date, pp.note, pp.amount_minor,
           t.paid, pp.currency
    FROM payment_promises pp JOIN vc ON vc.id = pp.case_id
    CROSS JOIN LATERAL (SELECT ${paidTowardsPromiseSql(Prisma.raw('pp'), calendar.timeZone)} AS paid) t
    WHERE pp.cancelled_at IS NULL AND pp.due_date < ${today}::date AND t.paid < pp.amount_minor`;
}

function toItem(row: Candidate, now: Date, calendar: AgencyCalendar): { item: QueueItem; sortKey: number } | null {
  const base = {
    reference: row.reference,
    debtorName: row.debtor_name,
    itemId: row.item_id,
    text: row.text,
    amountMinor: null,
    paidMinor: null,
    currency: null,
    creditPercent: null,
  };
  let dueAt: Date;
  let title: string;
  let extra: Partial<QueueItem> = {};
  switch (row.kind) {
    case 'chat_reply':
      dueAt = businessDeadline(row.at!, CHAT_REPLY_BUSINESS_DAYS, calendar);
      title = 'Answer the chat message';
      break;
    case 'accept_case':
      dueAt = businessDeadline(row.at ?? now, ACCEPT_CASE_BUSINESS_DAYS, calendar);
      title = 'Accept or decline the new case';
      break;
    case 'monthly_update': {
      dueAt = addMonths(row.at ?? now, MONTHLY_UPDATE_MONTHS);
      const creditPercent = monthlyUpdateCreditPercent(dueAt, now);
      extra = { creditPercent };
      title = `Send the monthly progress update (${creditPercent} % of the credit still to be had)`;
      break;
    }
    case 'exclusive_period_ending':
      dueAt = exclusivePeriodEnd(row.at!);
      title = 'The exclusive period ends';
      break;
    case 'follow_up': {
      const dueDate = dateText(row.due_date!);
      dueAt = endOfAgencyDay(dueDate, calendar);
      title = `Follow up: ${row.text ?? ''}`.trim();
      break;
    }
    case 'promise_broken': {
      const dueDate = dateText(row.due_date!);
      if (now < promiseBrokenFrom(dueDate, calendar)) return null;
      dueAt = endOfAgencyDay(nextBusinessDay(dueDate, calendar.country), calendar);
      const amount = formatMinor(row.amount_minor!, row.currency!);
      extra = { amountMinor: Number(row.amount_minor), paidMinor: Number(row.paid_minor), currency: row.currency };
      title = `Promise of ${amount} by ${dueDate} was not kept`;
      break;
    }
  }
  const item: QueueItem = {
    kind: row.kind,
    ...base,
    ...extra,
    dueAt: toZonedIso(dueAt, calendar.timeZone),
    overdue: now > dueAt,
    title,
  };
  return { item, sortKey: dueAt.getTime() };
}
