import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PaymentEntry } from '@/lib/cases/case-detail';
import { paymentCursor } from './cursor';
import type { PaymentFilter, PaymentQuery } from './filters';

/**
 * Reads for /payments and its CSV export. Callers check `payments:reconcile` first (the page
 * with requirePermission, the export with authenticateApiRequest). No `server-only`: the
 * integration tests call these directly.
 */

/** A payment as the case page shows it, plus its reconciliation and case. */
export type PaymentRow = PaymentEntry & {
  status: string;
  reconciledAt: Date | null;
  reconciledByName: string | null;
  reconcileNote: string | null;
  caseId: string;
  caseReference: string;
  assigneeName: string | null;
  bankLine: { date: Date; reference: string; status: string } | null;
};

export function dayStart(day: string): string {
  return `${day}T00:00:00Z`;
}

export function nextDayStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** The filter as SQL over `payments p JOIN cases c`. */
export function paymentConditions(filter: PaymentFilter): Prisma.Sql {
  const conditions = [Prisma.sql`c.is_test = ${filter.isTest}`];
  if (filter.status) conditions.push(Prisma.sql`p.reconciliation_status = ${filter.status}`);
  if (filter.recipient) conditions.push(Prisma.sql`p.recipient = ${filter.recipient}`);
  if (filter.currency) conditions.push(Prisma.sql`p.currency = ${filter.currency}`);
  if (filter.from) conditions.push(Prisma.sql`p.date >= ${dayStart(filter.from)}::timestamptz`);
  if (filter.to) conditions.push(Prisma.sql`p.date < ${nextDayStart(filter.to)}::timestamptz`);
  if (filter.collector === 'unassigned') conditions.push(Prisma.sql`c.assignee_id IS NULL`);
  else if (filter.collector) conditions.push(Prisma.sql`c.assignee_id = ${filter.collector}::uuid`);
  if (filter.case) conditions.push(Prisma.sql`c.reference = ${filter.case}`);
  if (filter.deleted === 'exclude') conditions.push(Prisma.sql`NOT p.is_deleted`);
  if (filter.deleted === 'only') conditions.push(Prisma.sql`p.is_deleted`);
  return Prisma.join(conditions, ' AND ');
}

type Row = {
  id: string;
  debitura_payment_id: string;
  amount_minor: bigint | null;
  currency: string | null;
  date: Date | null;
  recipient: string | null;
  method: string | null;
  is_deleted: boolean;
  deleted_at: Date | null;
  reconciliation_status: string;
  reconciled_at: Date | null;
  reconciled_by_name: string | null;
  reconcile_note: string | null;
  case_id: string;
  reference: string;
  assignee_name: string | null;
  line_date: Date | null;
  line_reference: string | null;
  line_status: string | null;
};

/**
 * One page, newest payment first, by keyset on (date, id); payments without a date (a
 * deletion that arrived before its creation) come last. A bad cursor starts from the top.
 *
 * The page's ids are found first (the (date, id) index serves the order and the seek), and
 * only those rows are then joined to their reconciler, collector and bank line. The dateless
 * tail is read only when the dated payments run out.
 */
export async function listPayments(query: PaymentQuery): Promise<{ items: PaymentRow[]; nextCursor: string | null }> {
  const cursor = paymentCursor.decode(query.cursor);
  const take = query.limit + 1;
  const where = paymentConditions(query);
  let ids: { id: string; segment: number }[] = [];
  if (cursor?.date !== null) {
    const after = cursor
      ? Prisma.sql`AND (p.date, p.id) < (${cursor.date}::timestamptz, ${cursor.id}::uuid)`
      : Prisma.empty;
    ids = await db.$queryRaw<{ id: string; segment: number }[]>`
      SELECT p.id, 0 AS segment FROM payments p JOIN cases c ON c.id = p.case_id
      WHERE ${where} AND p.date IS NOT NULL ${after}
      ORDER BY p.date DESC, p.id DESC LIMIT ${take}`;
  }
  if (ids.length < take) {
    const after = cursor?.date === null ? Prisma.sql`AND p.id < ${cursor.id}::uuid` : Prisma.empty;
    const tail = await db.$queryRaw<{ id: string; segment: number }[]>`
      SELECT p.id, 1 AS segment FROM payments p JOIN cases c ON c.id = p.case_id
      WHERE ${where} AND p.date IS NULL ${after}
      ORDER BY p.id DESC LIMIT ${take - ids.length}`;
    ids = ids.concat(tail);
  }
  if (!ids.length) return { items: [], nextCursor: null };

  const rows = await db.$queryRaw<Row[]>`
    SELECT p.id, p.debitura_payment_id, p.amount_minor, p.currency, p.date, p.recipient, p.method, p.is_deleted, p.deleted_at,
           p.reconciliation_status, p.reconciled_at, r.name AS reconciled_by_name, p.reconcile_note,
           c.id AS case_id, c.reference, a.name AS assignee_name,
           bl.date AS line_date, bl.reference AS line_reference, bl.match_status AS line_status
    FROM payments p
    JOIN cases c ON c.id = p.case_id
    LEFT JOIN users r ON r.id = p.reconciled_by
    LEFT JOIN users a ON a.id = c.assignee_id
    LEFT JOIN LATERAL (
      SELECT date, reference, match_status FROM bank_lines
      WHERE matched_payment_id = p.id AND match_status IN ('confirmed', 'needs_review')
      ORDER BY confirmed_at DESC NULLS LAST LIMIT 1) bl ON true
    WHERE p.id = ANY(${ids.map((row) => row.id)}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = ids.flatMap((row) => byId.get(row.id) ?? []);
  const page = paymentCursor.page(ordered, query.limit, (row) => ({ date: row.date, id: row.id }));
  return { items: page.rows.map(toPaymentRow), nextCursor: page.nextCursor };
}

function toPaymentRow(row: Row): PaymentRow {
  return {
    id: row.id,
    debituraPaymentId: row.debitura_payment_id,
    amountMinor: row.amount_minor,
    currency: row.currency,
    date: row.date,
    recipient: row.recipient,
    method: row.method,
    isDeleted: row.is_deleted,
    deletedAt: row.deleted_at,
    status: row.reconciliation_status,
    reconciledAt: row.reconciled_at,
    reconciledByName: row.reconciled_by_name,
    reconcileNote: row.reconcile_note,
    caseId: row.case_id,
    caseReference: row.reference,
    assigneeName: row.assignee_name,
    bankLine: row.line_date
      ? { date: row.line_date, reference: row.line_reference ?? '', status: row.line_status ?? '' }
      : null,
  };
}

export type CurrencyTotal = {
  currency: string;
  count: number;
  standingMinor: bigint;
  reconciledMinor: bigint;
  unreconciledMinor: bigint;
  deletedCount: number;
};

/** Totals of the filtered payments, one row per currency: amounts in different currencies are never added up. */
export async function paymentTotals(filter: PaymentFilter): Promise<CurrencyTotal[]> {
  const rows = await db.$queryRaw<
    { currency: string | null; count: bigint; standing: bigint; reconciled: bigint; deleted: bigint }[]
  >`
    SELECT p.currency, count(*) AS count,
           COALESCE(sum(p.amount_minor) FILTER (WHERE NOT p.is_deleted), 0)::bigint AS standing,
           COALESCE(sum(p.amount_minor) FILTER (WHERE NOT p.is_deleted AND p.reconciliation_status = 'reconciled'), 0)::bigint AS reconciled,
           count(*) FILTER (WHERE p.is_deleted) AS deleted
    FROM payments p JOIN cases c ON c.id = p.case_id
    WHERE ${paymentConditions(filter)}
    GROUP BY p.currency ORDER BY p.currency NULLS LAST`;
  return rows.map((row) => ({
    currency: row.currency ?? '—',
    count: Number(row.count),
    standingMinor: row.standing,
    reconciledMinor: row.reconciled,
    unreconciledMinor: row.standing - row.reconciled,
    deletedCount: Number(row.deleted),
  }));
}

export type CaseBalance = {
  caseId: string;
  reference: string;
  currency: string | null;
  dueMinor: bigint | null;
  paidMinor: bigint;
  outstandingMinor: bigint | null;
  isOverpaid: boolean;
  isPartiallyPaid: boolean;
};

export const CASE_BALANCE_LIMIT = 100;

/**
 * Paid versus outstanding for the cases that have payments in the filter. Over-payments come
 * first, then partial payments; the flag counts cover every such case, the rows the first 100.
 */
export async function caseBalances(
  filter: PaymentFilter,
): Promise<{ rows: CaseBalance[]; total: number; overpaid: number; partial: number }> {
  // One pass: the cases with a payment in the filter, the flag counts over all of them as
  // window aggregates, and the first rows.
  const rows = await db.$queryRaw<
    {
      id: string;
      reference: string;
      currency: string | null;
      original_amount_minor: bigint | null;
      added_fees_minor: bigint | null;
      paid_minor: bigint;
      outstanding_minor: bigint | null;
      total: bigint;
      overpaid: bigint;
      partial: bigint;
    }[]
  >`
    WITH matched AS (SELECT DISTINCT p.case_id FROM payments p JOIN cases c ON c.id = p.case_id WHERE ${paymentConditions(filter)})
    SELECT c.id, c.reference, c.currency, c.original_amount_minor, c.added_fees_minor, c.paid_minor, c.outstanding_minor,
           count(*) OVER () AS total,
           count(*) FILTER (WHERE c.outstanding_minor < 0) OVER () AS overpaid,
           count(*) FILTER (WHERE c.paid_minor > 0 AND c.outstanding_minor > 0) OVER () AS partial
    FROM cases c JOIN matched m ON m.case_id = c.id
    ORDER BY (c.outstanding_minor < 0) DESC NULLS LAST, (c.paid_minor > 0 AND c.outstanding_minor > 0) DESC NULLS LAST, c.reference
    LIMIT ${CASE_BALANCE_LIMIT}`;
  const first = rows[0];
  return {
    total: Number(first?.total ?? 0),
    overpaid: Number(first?.overpaid ?? 0),
    partial: Number(first?.partial ?? 0),
    rows: rows.map((row) => ({
      caseId: row.id,
      reference: row.reference,
      currency: row.currency,
      dueMinor: row.original_amount_minor === null ? null : row.original_amount_minor + (row.added_fees_minor ?? 0n),
      paidMinor: row.paid_minor,
      outstandingMinor: row.outstanding_minor,
      isOverpaid: row.outstanding_minor !== null && row.outstanding_minor < 0n,
      isPartiallyPaid: row.paid_minor > 0n && row.outstanding_minor !== null && row.outstanding_minor > 0n,
    })),
  };
}
