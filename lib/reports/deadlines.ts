import { agencyCalendar } from '@/lib/deadlines/calendar';
import { businessDeadline, businessHoursBetween } from '@/lib/deadlines/business-time';
import { addMonths } from '@/lib/deadlines/months';
import { ACCEPT_CASE_BUSINESS_DAYS, CHAT_REPLY_BUSINESS_DAYS, MONTHLY_UPDATE_MONTHS } from '@/lib/deadlines/sla';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { countOverdueByAssignee } from '@/lib/work/queue';
import { isAgencyAnswerSql, isSentProgressNoteSql } from '@/lib/work/queue-rules';

/**
 * The agency's own view of Debitura's SLA score (docs/debitura.md, "SLA rules and partner
 * scoring"), per collector and for the whole agency, over the last 30 days of live cases:
 * - replies: each time a chat started waiting for the agency (a message after its last answer),
 *   answered within 2 business days or not; still waiting and not yet due does not count yet;
 *   the median time to the answer in business hours (lib/deadlines counts them);
 * - overdue now: the work queue's overdue items (lib/work/queue.ts);
 * - monthly updates: progress notes sent, on time when within a month of the one before (or of
 *   the start of collection);
 * - acceptances: new cases accepted, on time when within a business day of the assignment.
 * Each figure goes to the case's collector today (a case handed over takes its history along).
 */

export const DEADLINE_WINDOW_DAYS = 30;

export type OnTime = { counted: number; onTime: number };

export type DeadlineFigures = {
  /** A collector's id; `null` for the unassigned cases and for the agency row. */
  userId: string | null;
  name: string | null;
  email: string | null;
  replies: OnTime;
  medianReplyBusinessHours: number | null;
  overdueNow: number;
  monthlyUpdates: OnTime;
  acceptances: OnTime;
};

export type DeadlineReport = { collectors: DeadlineFigures[]; unassigned: DeadlineFigures; agency: DeadlineFigures };

type Tally = { replies: OnTime; replyHours: number[]; overdueNow: number; monthlyUpdates: OnTime; acceptances: OnTime };

const emptyTally = (): Tally => ({
  replies: { counted: 0, onTime: 0 },
  replyHours: [],
  overdueNow: 0,
  monthlyUpdates: { counted: 0, onTime: 0 },
  acceptances: { counted: 0, onTime: 0 },
});

const count = (tally: OnTime, isOnTime: boolean) => {
  tally.counted += 1;
  if (isOnTime) tally.onTime += 1;
};

export async function deadlineReport(now = new Date()): Promise<DeadlineReport> {
  const calendar = agencyCalendar();
  const since = new Date(now.getTime() - DEADLINE_WINDOW_DAYS * 86_400_000);
  const [waits, notes, accepts, overdue, people] = await Promise.all([
    readReplyWaits(since, now),
    readProgressNotes(since, now),
    readAcceptances(since, now),
    countOverdueByAssignee(now),
    db.user.findMany({
      where: { OR: [{ role: 'collector', disabledAt: null }, { assignedCases: { some: {} } }] },
      select: { id: true, name: true, email: true, role: true },
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
    }),
  ]);

  const tallies = new Map<string | null, Tally>();
  const tallyOf = (assigneeId: string | null) => {
    let tally = tallies.get(assigneeId);
    if (!tally) tallies.set(assigneeId, (tally = emptyTally()));
    return tally;
  };
  for (const wait of waits) {
    const dueAt = businessDeadline(wait.since, CHAT_REPLY_BUSINESS_DAYS, calendar);
    const tally = tallyOf(wait.assignee_id);
    if (wait.answered_at) {
      count(tally.replies, wait.answered_at <= dueAt);
      tally.replyHours.push(businessHoursBetween(wait.since, wait.answered_at, calendar));
    } else if (now > dueAt) {
      count(tally.replies, false);
    }
  }
  for (const note of notes) {
    count(tallyOf(note.assignee_id).monthlyUpdates, note.sent_at <= addMonths(note.previous, MONTHLY_UPDATE_MONTHS));
  }
  for (const accept of accepts) {
    const dueAt = businessDeadline(accept.assigned_at, ACCEPT_CASE_BUSINESS_DAYS, calendar);
    count(tallyOf(accept.assignee_id).acceptances, accept.sent_at <= dueAt);
  }
  for (const [assigneeId, overdueNow] of overdue) tallyOf(assigneeId).overdueNow = overdueNow;

  const figures = (userId: string | null, name: string | null, email: string | null, tally: Tally) => ({
    userId,
    name,
    email,
    replies: tally.replies,
    medianReplyBusinessHours: median(tally.replyHours),
    overdueNow: tally.overdueNow,
    monthlyUpdates: tally.monthlyUpdates,
    acceptances: tally.acceptances,
  });
  const shown = people.filter((person) => person.role === 'collector' || tallies.has(person.id));
  const agency = emptyTally();
  for (const tally of tallies.values()) {
    for (const key of ['replies', 'monthlyUpdates', 'acceptances'] as const) {
      agency[key].counted += tally[key].counted;
      agency[key].onTime += tally[key].onTime;
    }
    agency.replyHours.push(...tally.replyHours);
    agency.overdueNow += tally.overdueNow;
  }
  return {
    collectors: shown.map((person) => figures(person.id, person.name, person.email, tallyOf(person.id))),
    unassigned: figures(null, null, null, tallyOf(null)),
    agency: figures(null, null, null, agency),
  };
}

/** The middle value (the mean of the two middle ones for an even count), to a tenth; null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

/**
 * Each time a live case's chat started waiting for the agency within the window: an inbound
 * message that does not answer, right after an answer (or first in the thread), with the
 * first answer after it.
 */
function readReplyWaits(since: Date, now: Date) {
  return db.$queryRaw<{ assignee_id: string | null; since: Date; answered_at: Date | null }[]>`
    WITH thread AS (
      SELECT m.case_id, m.at, m.direction, ${isAgencyAnswerSql(Prisma.raw('m'))} AS answers,
             lag(${isAgencyAnswerSql(Prisma.raw('m'))}) OVER (PARTITION BY m.case_id ORDER BY m.at, m.id) AS after_answer
      FROM chat_messages m
      WHERE m.case_id IN (SELECT r.case_id FROM chat_messages r WHERE r.at >= ${since} AND r.at <= ${now})
    )
    SELECT c.assignee_id, t.at AS since,
           (SELECT min(a.at) FROM chat_messages a
            WHERE a.case_id = t.case_id AND a.at > t.at AND a.at <= ${now} AND ${isAgencyAnswerSql(Prisma.raw('a'))})
             AS answered_at
    FROM thread t JOIN cases c ON c.id = t.case_id AND NOT c.is_test
    WHERE t.direction = 'inbound' AND NOT t.answers AND (t.after_answer IS NULL OR t.after_answer)
      AND t.at >= ${since} AND t.at <= ${now}`;
}

/** Progress notes sent to Debitura within the window, with the note before (or the start of collection). */
function readProgressNotes(since: Date, now: Date) {
  return db.$queryRaw<{ assignee_id: string | null; sent_at: Date; previous: Date }[]>`
    SELECT n.assignee_id, n.sent_at, n.previous FROM (
      SELECT c.assignee_id, COALESCE(o.sent_at, o.confirmed_at) AS sent_at,
             COALESCE(lag(COALESCE(o.sent_at, o.confirmed_at)) OVER (PARTITION BY o.case_id
                        ORDER BY COALESCE(o.sent_at, o.confirmed_at)),
                      c.state_at, c.assigned_at) AS previous
      FROM outbound_actions o JOIN cases c ON c.id = o.case_id AND NOT c.is_test
      WHERE ${isSentProgressNoteSql(Prisma.raw('o'))}
    ) n
    WHERE n.sent_at >= ${since} AND n.sent_at <= ${now} AND n.previous IS NOT NULL`;
}

/** New cases accepted within the window (the first acceptance sent for each), with their assignment time. */
function readAcceptances(since: Date, now: Date) {
  return db.$queryRaw<{ assignee_id: string | null; assigned_at: Date; sent_at: Date }[]>`
    SELECT c.assignee_id, c.assigned_at, min(COALESCE(o.sent_at, o.confirmed_at)) AS sent_at
    FROM outbound_actions o JOIN cases c ON c.id = o.case_id AND NOT c.is_test
    WHERE o.kind = 'accept' AND o.status IN ('sent', 'confirmed') AND c.assigned_at IS NOT NULL
    GROUP BY c.id, c.assignee_id, c.assigned_at
    HAVING min(COALESCE(o.sent_at, o.confirmed_at)) BETWEEN ${since} AND ${now}`;
}
