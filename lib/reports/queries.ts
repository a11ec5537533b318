import { CLOSE_CODES } from '@/lib/cases/close-codes';
import { ENDED_STATES } from '@/lib/cases/lifecycle';
import { db } from '@/lib/db';
import { rangeInstants, type ReportFilter } from './filters';

/**
 * The outcome reports, each one SQL aggregation. Money stays BIGINT minor units per
 * currency; rates are computed in SQL as exact numerics and come back as text. Months and
 * days are UTC. Callers check `reports:read` first. No `server-only`: tests call these.
 *
 * Which date each report's range applies to:
 *   close codes        the day the case closed
 *   recovery rate      the day the case was assigned (the month of assignment)
 *   collected          the payment date
 *   cases per state    the day the case was assigned
 *   ageing             none: every open case today (the range would hide the old ones)
 */

export type CloseCodeRow = { group: string; code: string | null; cases: number };

/** Closed cases per close code, and per group (code null), groups from lib/cases/close-codes.ts. */
export async function closeCodeDistribution(filter: ReportFilter): Promise<CloseCodeRow[]> {
  const { start, end } = rangeInstants(filter);
  const rows = await db.$queryRaw<{ grp: string; code: string | null; cases: bigint }[]>`
    WITH codes(code, grp) AS (SELECT * FROM unnest(${CLOSE_CODES.map((c) => c.code)}::text[], ${CLOSE_CODES.map((c) => c.group)}::text[]))
    SELECT COALESCE(codes.grp, 'other') AS grp, c.close_code AS code, count(*) AS cases
    FROM cases c LEFT JOIN codes ON codes.code = c.close_code
    WHERE c.is_test = ${filter.isTest} AND c.close_code IS NOT NULL
      AND c.closed_at >= ${start}::timestamptz AND c.closed_at < ${end}::timestamptz
    GROUP BY GROUPING SETS ((COALESCE(codes.grp, 'other'), c.close_code), (COALESCE(codes.grp, 'other')))
    ORDER BY grp, code NULLS FIRST`;
  return rows.map((row) => ({ group: row.grp, code: row.code, cases: Number(row.cases) }));
}

export type RecoveryRow = {
  month: string;
  currency: string;
  cases: number;
  placedMinor: bigint;
  collectedMinor: bigint;
  ratePercent: string | null;
};

/**
 * Recovery rate by month of assignment, per currency: collected (the payments that stand,
 * in the case currency) ÷ placed (the original claim). Fees collected can push it past 100%.
 * Cases whose amount or currency is not known yet are left out.
 */
export async function recoveryByAssignmentMonth(filter: ReportFilter): Promise<RecoveryRow[]> {
  const { start, end } = rangeInstants(filter);
  const rows = await db.$queryRaw<
    { month: string; currency: string; cases: bigint; placed: bigint; collected: bigint; rate: string | null }[]
  >`
    SELECT to_char(date_trunc('month', c.assigned_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, c.currency,
           count(*) AS cases, sum(c.original_amount_minor)::bigint AS placed, sum(c.paid_minor)::bigint AS collected,
           round(sum(c.paid_minor)::numeric * 100 / NULLIF(sum(c.original_amount_minor), 0), 1)::text AS rate
    FROM cases c
    WHERE c.is_test = ${filter.isTest} AND c.currency IS NOT NULL AND c.original_amount_minor IS NOT NULL
      AND c.assigned_at >= ${start}::timestamptz AND c.assigned_at < ${end}::timestamptz
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((row) => ({
    month: row.month,
    currency: row.currency,
    cases: Number(row.cases),
    placedMinor: row.placed,
    collectedMinor: row.collected,
    ratePercent: row.rate,
  }));
}

export type CollectedRow = { month: string; currency: string; payments: number; collectedMinor: bigint };

/** Money collected per month (payment date) per currency; deleted payments do not count. */
export async function collectedPerMonth(filter: ReportFilter): Promise<CollectedRow[]> {
  const { start, end } = rangeInstants(filter);
  const rows = await db.$queryRaw<{ month: string; currency: string; payments: bigint; collected: bigint }[]>`
    SELECT to_char(date_trunc('month', p.date AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, p.currency,
           count(*) AS payments, sum(p.amount_minor)::bigint AS collected
    FROM payments p JOIN cases c ON c.id = p.case_id
    WHERE c.is_test = ${filter.isTest} AND NOT p.is_deleted AND p.amount_minor IS NOT NULL AND p.currency IS NOT NULL
      AND p.date >= ${start}::timestamptz AND p.date < ${end}::timestamptz
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((row) => ({
    month: row.month,
    currency: row.currency,
    payments: Number(row.payments),
    collectedMinor: row.collected,
  }));
}

export type StateRow = { state: string | null; cases: number };

/** Cases assigned in the range, by their current lifecycle state. */
export async function casesPerState(filter: ReportFilter): Promise<StateRow[]> {
  const { start, end } = rangeInstants(filter);
  const rows = await db.$queryRaw<{ state: string | null; cases: bigint }[]>`
    SELECT c.state, count(*) AS cases FROM cases c
    WHERE c.is_test = ${filter.isTest} AND c.assigned_at >= ${start}::timestamptz AND c.assigned_at < ${end}::timestamptz
    GROUP BY c.state ORDER BY count(*) DESC, c.state`;
  return rows.map((row) => ({ state: row.state, cases: Number(row.cases) }));
}

export const AGE_BUCKETS = ['0–30', '31–60', '61–90', '90+'] as const;

export type AgeingRow = { bucket: string; currency: string | null; cases: number; outstandingMinor: bigint };

/** Open cases today by days since assignment, per currency (outstanding never mixes currencies). */
export async function ageingOfOpenCases(filter: Pick<ReportFilter, 'isTest'>): Promise<AgeingRow[]> {
  const rows = await db.$queryRaw<{ bucket: string; currency: string | null; cases: bigint; outstanding: bigint }[]>`
    SELECT bucket, c.currency, count(*) AS cases, COALESCE(sum(c.outstanding_minor), 0)::bigint AS outstanding
    FROM cases c
    CROSS JOIN LATERAL (SELECT CASE
        WHEN c.assigned_at IS NULL THEN 'unknown'
        WHEN now() - c.assigned_at < interval '31 days' THEN '0–30'
        WHEN now() - c.assigned_at < interval '61 days' THEN '31–60'
        WHEN now() - c.assigned_at < interval '91 days' THEN '61–90'
        ELSE '90+' END AS bucket) b
    WHERE c.is_test = ${filter.isTest} AND (c.state IS NULL OR c.state <> ALL(${[...ENDED_STATES]}::text[]))
    GROUP BY bucket, c.currency
    ORDER BY array_position(ARRAY['0–30', '31–60', '61–90', '90+', 'unknown'], bucket), c.currency NULLS LAST`;
  return rows.map((row) => ({
    bucket: row.bucket,
    currency: row.currency,
    cases: Number(row.cases),
    outstandingMinor: row.outstanding,
  }));
}
