import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { isNamedSql, textWordsSql } from './reference-in-text';

/**
 * Suggesting which payment a bank line pays. A candidate has exactly the line's amount and
 * currency (never converted, never approximate), stands (not deleted), belongs to a live
 * case and is not already matched to another line; its case reference is named in the line's
 * text (reference-in-text.ts, the rule "Register with Debitura" uses too), or its date is
 * within DATE_WINDOW_DAYS of the booking day. The score says how sure:
 *
 *   amount + currency exact   50
 *   case reference in text    35
 *   date proximity            15 on the same day, 2 fewer per day apart, 0 from 8 days
 *
 * Suggestions only: a manager confirms or corrects each one (lib/payments/reconcile.ts).
 */

export const DATE_WINDOW_DAYS = 14;
export const SCORE_AMOUNT = 50;
export const SCORE_REFERENCE = 35;
export const SCORE_DATE_MAX = 15;

export function scoreMatch({ dayDistance, hasReference }: { dayDistance: number; hasReference: boolean }): number {
  const datePoints = Math.max(0, SCORE_DATE_MAX - 2 * Math.abs(dayDistance));
  return SCORE_AMOUNT + (hasReference ? SCORE_REFERENCE : 0) + datePoints;
}

export function isCandidate({ dayDistance, hasReference }: { dayDistance: number; hasReference: boolean }): boolean {
  return hasReference || Math.abs(dayDistance) <= DATE_WINDOW_DAYS;
}

export type CandidatePair = { lineId: string; paymentId: string; score: number; rowNumber: number; paymentDate: Date };

/**
 * One payment per line and one line per payment: the surest pairs first; ties go to the
 * earlier row, then the earlier payment, so the result never depends on query order.
 */
export function pickMatches(pairs: CandidatePair[]): Map<string, { paymentId: string; score: number }> {
  const sorted = [...pairs].sort(
    (a, b) =>
      b.score - a.score ||
      a.rowNumber - b.rowNumber ||
      a.paymentDate.getTime() - b.paymentDate.getTime() ||
      a.paymentId.localeCompare(b.paymentId),
  );
  const byLine = new Map<string, { paymentId: string; score: number }>();
  const takenPayments = new Set<string>();
  for (const pair of sorted) {
    if (byLine.has(pair.lineId) || takenPayments.has(pair.paymentId)) continue;
    byLine.set(pair.lineId, { paymentId: pair.paymentId, score: pair.score });
    takenPayments.add(pair.paymentId);
  }
  return byLine;
}

type Client = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

type CandidateRow = {
  line_id: string;
  payment_id: string;
  row_number: number;
  payment_date: Date;
  day_distance: number;
  has_reference: boolean;
};

/** Candidate pairs for the given lines, filtered and scored as described above. */
async function findCandidates(client: Client, lineIds: string[]): Promise<CandidatePair[]> {
  if (!lineIds.length) return [];
  const rows = await client.$queryRaw<CandidateRow[]>`
    SELECT bl.id AS line_id, p.id AS payment_id, bl.row_number, p.date AS payment_date,
           ((bl.date AT TIME ZONE 'UTC')::date - (p.date AT TIME ZONE 'UTC')::date) AS day_distance,
           ${isNamedSql(Prisma.sql`c.reference`, Prisma.sql`line.words`)} AS has_reference
    FROM bank_lines bl
    CROSS JOIN LATERAL (SELECT ${textWordsSql(Prisma.sql`bl.reference`)} AS words) line
    JOIN payments p ON p.currency = bl.currency AND p.amount_minor = bl.amount_minor
    JOIN cases c ON c.id = p.case_id
    WHERE bl.id = ANY(${lineIds}::uuid[])
      AND NOT p.is_deleted AND p.date IS NOT NULL AND NOT c.is_test
      AND p.reconciliation_status <> 'needs_review'
      AND NOT EXISTS (
        SELECT 1 FROM bank_lines other
        WHERE other.matched_payment_id = p.id AND other.id <> bl.id
          AND other.match_status IN ('suggested', 'confirmed', 'needs_review'))`;
  return rows
    .map((row) => ({ ...row, day_distance: Number(row.day_distance) }))
    .filter((row) => isCandidate({ dayDistance: row.day_distance, hasReference: row.has_reference }))
    .map((row) => ({
      lineId: row.line_id,
      paymentId: row.payment_id,
      rowNumber: row.row_number,
      paymentDate: row.payment_date,
      score: scoreMatch({ dayDistance: row.day_distance, hasReference: row.has_reference }),
    }));
}

/**
 * Suggests matches for lines that have none yet (status `unmatched`), e.g. right after an
 * import, or later when the payments have arrived. Returns how many got a suggestion.
 */
export async function suggestMatches(lineIds: string[], client: Client = db): Promise<number> {
  const open = await client.$queryRaw<{ id: string }[]>`
    SELECT id FROM bank_lines WHERE id = ANY(${lineIds}::uuid[]) AND match_status = 'unmatched'`;
  const matches = [
    ...pickMatches(
      await findCandidates(
        client,
        open.map((row) => row.id),
      ),
    ),
  ];
  if (!matches.length) return 0;
  // One statement for all of them; guarded by status, so a line a manager handled meanwhile
  // keeps the manager's decision.
  return client.$executeRaw`
    UPDATE bank_lines bl SET matched_payment_id = m.payment_id, match_status = 'suggested', match_score = m.score
    FROM unnest(${matches.map(([lineId]) => lineId)}::uuid[], ${matches.map(([, match]) => match.paymentId)}::uuid[],
                ${matches.map(([, match]) => match.score)}::int[]) AS m(line_id, payment_id, score)
    WHERE bl.id = m.line_id AND bl.match_status = 'unmatched'`;
}

/** Runs the matcher again over every line still without a match. */
export async function rematchOpenLines(client: Client = db): Promise<number> {
  const open = await client.$queryRaw<{ id: string }[]>`SELECT id FROM bank_lines WHERE match_status = 'unmatched'`;
  return suggestMatches(
    open.map((row) => row.id),
    client,
  );
}

export type PaymentChoice = {
  paymentId: string;
  debituraPaymentId: string;
  caseReference: string;
  amountMinor: bigint;
  currency: string;
  date: Date;
  score: number | null;
};

/**
 * What a manager can pick when correcting a line's match: standing payments in the line's
 * currency not matched elsewhere, exact-amount ones first, then those whose case reference
 * is in the text, then by date distance.
 */
export async function paymentChoicesForLine(lineId: string, limit = 15): Promise<PaymentChoice[]> {
  const rows = await db.$queryRaw<
    {
      payment_id: string;
      debitura_payment_id: string;
      reference: string;
      amount_minor: bigint;
      currency: string;
      date: Date;
      day_distance: number;
      has_reference: boolean;
      is_exact: boolean;
    }[]
  >`
    SELECT p.id AS payment_id, p.debitura_payment_id, c.reference, p.amount_minor, p.currency, p.date,
           ((bl.date AT TIME ZONE 'UTC')::date - (p.date AT TIME ZONE 'UTC')::date) AS day_distance,
           named.has_reference, (p.amount_minor = bl.amount_minor) AS is_exact
    FROM bank_lines bl
    CROSS JOIN LATERAL (SELECT ${textWordsSql(Prisma.sql`bl.reference`)} AS words) line
    JOIN payments p ON p.currency = bl.currency
    JOIN cases c ON c.id = p.case_id
    CROSS JOIN LATERAL (SELECT ${isNamedSql(Prisma.sql`c.reference`, Prisma.sql`line.words`)} AS has_reference) named
    WHERE bl.id = ${lineId}::uuid AND NOT p.is_deleted AND p.date IS NOT NULL AND p.amount_minor IS NOT NULL AND NOT c.is_test
      AND (p.amount_minor = bl.amount_minor OR named.has_reference
           OR abs((bl.date AT TIME ZONE 'UTC')::date - (p.date AT TIME ZONE 'UTC')::date) <= ${DATE_WINDOW_DAYS})
      AND NOT EXISTS (
        SELECT 1 FROM bank_lines other
        WHERE other.matched_payment_id = p.id AND other.id <> bl.id AND other.match_status IN ('confirmed', 'needs_review'))
    ORDER BY (p.amount_minor = bl.amount_minor) DESC, named.has_reference DESC,
             abs((bl.date AT TIME ZONE 'UTC')::date - (p.date AT TIME ZONE 'UTC')::date), p.id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    paymentId: row.payment_id,
    debituraPaymentId: row.debitura_payment_id,
    caseReference: row.reference,
    amountMinor: row.amount_minor,
    currency: row.currency,
    date: row.date,
    score: row.is_exact ? scoreMatch({ dayDistance: Number(row.day_distance), hasReference: row.has_reference }) : null,
  }));
}
