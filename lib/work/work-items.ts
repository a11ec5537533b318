import { ENDED_STATES, EXCLUSIVE_PERIOD_MONTHS } from '@/lib/cases/lifecycle';
import {
  addMonthsSql,
  endOfLocalDaySql,
  ensureBusinessDays,
  joinBusinessDayAfter,
  localDateSql,
} from '@/lib/deadlines/business-day-table';
import { agencyToday, endOfAgencyDay } from '@/lib/deadlines/business-time';
import { agencyCalendar, type AgencyCalendar } from '@/lib/deadlines/calendar';
import {
  ACCEPT_CASE_BUSINESS_DAYS,
  CHAT_REPLY_BUSINESS_DAYS,
  EXCLUSIVE_PERIOD_WARNING_DAYS,
  MONTHLY_UPDATE_LEAD_DAYS,
  MONTHLY_UPDATE_MONTHS,
} from '@/lib/deadlines/sla';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Job } from '@/lib/jobs/runner';
import { paidTowardsPromiseSql } from './promises';

/**
 * The work queue's items, stored (`work_items`, migration 20261130171000_work_items): every
 * open case's things to do with their deadlines. Triggers mark a case stale when something the
 * items depend on changes; this module derives the stale cases' items again, in SQL that
 * computes business-day deadlines from the business_days table (lib/deadlines' calendar). The
 * rules of what is due when live here: the derivation (which items a case has, and by when)
 * and the read-time windows (which of them show at a given moment).
 *
 * Why stored: a collector sees ~30,000 items on a 100,000-case database in the worst case, and
 * deriving them per request cost ~350 ms at p95; stored, a page is an index walk to the soonest
 * and counts are index ranges (BENCHMARKS.md, "Work queue").
 */

export const WORK_ITEM_KINDS = [
  'chat_reply',
  'accept_case',
  'monthly_update',
  'follow_up',
  'promise_broken',
  'exclusive_period_ending',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/** Bump when the derivation below changes what it stores: every case is derived again. */
const DERIVATION_VERSION = 1;
/** Cases derived per transaction: small enough to keep locks short, large enough to batch. */
const BATCH_SIZE = 500;
/** The advisory lock every refresh holds shared for its transaction (see waitForRunningRefreshes). */
const REFRESH_LOCK = Prisma.sql`hashtext('work_items_refresh')`;

/**
 * The window of `due_at` in which a kind's stored item shows at `now`: a monthly update from
 * a week before it is due, an exclusive period in the 30 days before it ends, a broken promise
 * from the start of the business day it is due (the one after the promised date). Kinds not
 * named show always. Windows on due_at, so every read is an index range.
 */
export function visibleWindows(now: Date, calendar: AgencyCalendar): Record<WorkItemKind, { from?: Date; to?: Date }> {
  const endOfToday = endOfAgencyDay(agencyToday(now, calendar), calendar);
  return {
    chat_reply: {},
    accept_case: {},
    follow_up: {},
    monthly_update: { to: new Date(now.getTime() + MONTHLY_UPDATE_LEAD_DAYS * 86_400_000) },
    exclusive_period_ending: { from: now, to: new Date(now.getTime() + EXCLUSIVE_PERIOD_WARNING_DAYS * 86_400_000) },
    promise_broken: { to: endOfToday },
  };
}

/**
 * Derives the items of the cases in `ids` (an SQL uuid[]) as rows for `work_items`: nothing
 * for test cases and cases that are over. Each kind gives either its due_at or the local day
 * its business days count from and how many.
 */
function derivedItemsSql(ids: Prisma.Sql, calendar: AgencyCalendar): Prisma.Sql {
  const activeSince = Prisma.sql`COALESCE(oc.state_at, oc.assigned_at)`;
  const localDay = (at: Prisma.Sql) => localDateSql(at, calendar);
  const endOfDay = (date: Prisma.Sql) => endOfLocalDaySql(date, calendar);
  return Prisma.sql`
    WITH oc AS MATERIALIZED (
      SELECT c.id, c.reference, c.assignee_id, c.state, c.state_at, c.assigned_at, c.created_at,
             f.awaiting_reply_since, f.awaiting_reply_message, f.last_progress_note_at
      FROM cases c LEFT JOIN case_work_facts f ON f.case_id = c.id
      WHERE c.id = ANY(${ids}) AND NOT c.is_test
        AND c.state IS NOT NULL AND c.state NOT IN (${Prisma.join([...ENDED_STATES])})
    ),
    candidates AS (
      -- Counted from the assignment (or, without one, from when Casedesk learned of the case).
      SELECT 'accept_case' AS kind, oc.id AS case_id, NULL::uuid AS item_id, NULL::date AS due_date, NULL AS text,
             NULL::bigint AS amount_minor, NULL::bigint AS paid_minor, NULL AS currency,
             ${localDay(Prisma.sql`COALESCE(oc.assigned_at, oc.created_at)`)} AS from_day,
             ${ACCEPT_CASE_BUSINESS_DAYS}::int AS business_days, NULL::timestamptz AS fixed_due
      FROM oc WHERE oc.state = 'PendingVerification'
      UNION ALL
      SELECT 'monthly_update', oc.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             ${addMonthsSql(Prisma.sql`COALESCE(oc.last_progress_note_at, ${activeSince})`, MONTHLY_UPDATE_MONTHS)}
      FROM oc WHERE oc.state = 'Active' AND ${activeSince} IS NOT NULL
      UNION ALL
      SELECT 'exclusive_period_ending', oc.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             ${addMonthsSql(activeSince, EXCLUSIVE_PERIOD_MONTHS)}
      FROM oc WHERE oc.state = 'Active' AND ${activeSince} IS NOT NULL
      UNION ALL
      SELECT 'chat_reply', oc.id, NULL, NULL, oc.awaiting_reply_message, NULL, NULL, NULL,
             ${localDay(Prisma.sql`oc.awaiting_reply_since`)}, ${CHAT_REPLY_BUSINESS_DAYS}::int, NULL
      FROM oc WHERE oc.awaiting_reply_since IS NOT NULL
      UNION ALL
      SELECT 'follow_up', oc.id, f.id, f.due_date, f.note, NULL, NULL, NULL, NULL, NULL, ${endOfDay(Prisma.sql`f.due_date`)}
      FROM follow_ups f JOIN oc ON oc.id = f.case_id
      WHERE f.status = 'open'
      UNION ALL
      -- Unmet promises; one is broken from the next business day after its date, due by that day's end.
      SELECT 'promise_broken', oc.id, pp.id, pp.due_date, pp.note, pp.amount_minor, t.paid, pp.currency, pp.due_date,
             1, NULL
      FROM payment_promises pp JOIN oc ON oc.id = pp.case_id
      CROSS JOIN LATERAL (SELECT ${paidTowardsPromiseSql(Prisma.raw('pp'), calendar.timeZone)} AS paid) t
      WHERE pp.cancelled_at IS NULL AND t.paid < pp.amount_minor
    )
    SELECT cd.case_id, oc.assignee_id, cd.kind, oc.reference,
           -- A day outside the business_days table (before 1990, years ahead) falls back to its own end.
           COALESCE(cd.fixed_due, ${endOfDay(Prisma.sql`deadline.date`)}, ${endOfDay(Prisma.sql`cd.from_day`)}),
           cd.item_id, cd.due_date, cd.text, cd.amount_minor, cd.paid_minor, cd.currency
    FROM candidates cd JOIN oc ON oc.id = cd.case_id
    ${joinBusinessDayAfter(Prisma.sql`cd.from_day`, Prisma.sql`cd.business_days`, calendar, 'deadline')}`;
}

/**
 * Derives one batch of stale cases again (their case_work_facts, then their items), in one
 * transaction. Marks are taken with SKIP LOCKED: a mark still locked belongs to a writer that
 * has not committed, whose change this transaction could not see, so it is left for later.
 * Returns how many cases it derived.
 */
async function refreshBatch(calendar: AgencyCalendar, size = BATCH_SIZE, newestFirst = false): Promise<number> {
  const order = newestFirst ? Prisma.sql`ORDER BY marked_at DESC` : Prisma.empty;
  return db.$transaction(async (tx) => {
    // Shared: refreshes run side by side; a read waits for them all (waitForRunningRefreshes).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${REFRESH_LOCK})`;
    const taken = await tx.$queryRaw<{ case_id: string }[]>`
      DELETE FROM work_items_stale WHERE case_id IN (
        SELECT case_id FROM work_items_stale ${order} LIMIT ${size} FOR UPDATE SKIP LOCKED)
      RETURNING case_id`;
    if (taken.length === 0) return 0;
    const ids = Prisma.sql`${taken.map((row) => row.case_id)}::uuid[]`;
    await tx.$executeRaw`SELECT refresh_case_work_facts(${ids})`;
    await tx.$executeRaw`DELETE FROM work_items WHERE case_id = ANY(${ids})`;
    await tx.$executeRaw`
      INSERT INTO work_items (case_id, assignee_id, kind, reference, due_at, item_id, due_date, text, amount_minor,
                              paid_minor, currency)
      ${derivedItemsSql(ids, calendar)}`;
    return taken.length;
  });
}

/** The calendar and derivation the stored items must have been made with. */
async function currentBasis(calendar: AgencyCalendar): Promise<string> {
  const rows = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT fingerprint FROM business_day_calendars WHERE country = ${calendar.country}`;
  return [DERIVATION_VERSION, calendar.country, calendar.timeZone, rows[0]?.fingerprint ?? ''].join('|');
}

/**
 * Makes every case stale when the stored items were derived with another calendar (another
 * country or time zone, a rewritten business_days table) or an older derivation. Several
 * processes take turns on an advisory lock; all but the first find the basis current.
 */
async function ensureBasis(calendar: AgencyCalendar): Promise<void> {
  const basis = await currentBasis(calendar);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('work_items_basis'))`;
    const stored = await tx.$queryRaw<{ basis: string }[]>`SELECT basis FROM work_items_basis WHERE id = 1`;
    if (stored[0]?.basis === basis) return;
    await tx.$executeRaw`INSERT INTO work_items_stale (case_id) SELECT id FROM cases ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      INSERT INTO work_items_basis (id, basis, updated_at) VALUES (1, ${basis}, now())
      ON CONFLICT (id) DO UPDATE SET basis = excluded.basis, updated_at = excluded.updated_at`;
  });
}

const globalForItems = globalThis as unknown as { casedeskWorkItemsBasis?: Map<string, Promise<void>> };

/**
 * The business_days table and the stored items' basis in step with this process's calendar:
 * checked once per process and business_days range (a new year within reach rewrites the
 * table, which changes the basis); a failed check is tried again by the next caller.
 */
async function ensureCalendar(calendar: AgencyCalendar, now: Date): Promise<void> {
  await ensureBusinessDays(calendar, now);
  const checked = (globalForItems.casedeskWorkItemsBasis ??= new Map());
  const key = `${calendar.country}|${calendar.timeZone}|${now.getUTCFullYear()}`;
  let pending = checked.get(key);
  if (!pending) {
    pending = ensureBasis(calendar).catch((error: unknown) => {
      checked.delete(key);
      throw error;
    });
    checked.set(key, pending);
  }
  await pending;
}

/** How many stale cases a queue read derives before it reads (see refreshWorkItems). */
export const READ_REFRESH_CASES = 200;

/**
 * Brings the stored items up to date: stale cases derived again, newest marks first, up to
 * `maxCases` (all by default). Queue reads call it with READ_REFRESH_CASES first, so what a
 * user just did shows at once; a backlog larger than that (every case after the migration, a
 * change of calendar, a webhook burst) is the background job's, so no page waits a minute for
 * it. Cheap when nothing is stale (one index probe).
 */
export async function refreshWorkItems(options: { now?: Date; maxCases?: number } = {}): Promise<number> {
  const calendar = agencyCalendar();
  await ensureCalendar(calendar, options.now ?? new Date());
  const maxCases = options.maxCases ?? Infinity;
  let refreshed = 0;
  while (refreshed < maxCases) {
    const [{ any }] = await db.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM work_items_stale) AS any`;
    if (!any) break;
    const count = await refreshBatch(calendar, Math.min(BATCH_SIZE, maxCases - refreshed), true);
    if (count === 0) {
      // The marks left are locked. A writer's: its change is not committed, so nobody has been
      // told of it yet, and a later refresh takes it. Another refresh's (the job's): it may be
      // deriving the very change this read must show, so wait until it has committed.
      await waitForRunningRefreshes();
      break;
    }
    refreshed += count;
  }
  return refreshed;
}

async function waitForRunningRefreshes(): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
  });
}

/** Keeps the stored items fresh in the background (a webhook burst marks many cases at once). */
export const workItemsJob: Job = {
  name: 'work-items',
  intervalMs: 5_000,
  run: async () => {
    const calendar = agencyCalendar();
    await ensureCalendar(calendar, new Date());
    return (await refreshBatch(calendar)) === BATCH_SIZE;
  },
};
