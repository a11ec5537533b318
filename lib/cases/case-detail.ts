import { ForbiddenError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { canViewCase, type Viewer } from './visibility';

/**
 * Everything the case page shows except the chat (lib/chat/thread.ts, refreshed live):
 * the case, its timeline in event order with each event's raw webhook body, and its
 * payments. No `server-only`, so the benchmark can time it from a script.
 */

export type TimelineEntry = {
  id: string;
  eventId: string | null;
  type: string;
  at: Date;
  fromState: string | null;
  toState: string | null;
  detail: unknown;
  actorName: string | null;
  /** The webhook body exactly as Debitura sent it; null for manual entries. */
  rawBody: string | null;
};

export type PaymentEntry = {
  id: string;
  debituraPaymentId: string;
  amountMinor: bigint | null;
  currency: string | null;
  date: Date | null;
  recipient: string | null;
  method: string | null;
  isDeleted: boolean;
  deletedAt: Date | null;
};

export type CaseRecord = {
  id: string;
  reference: string;
  debituraCaseId: string | null;
  creditorReference: string | null;
  state: string | null;
  stateAt: Date | null;
  closeCode: string | null;
  closeComment: string | null;
  closedAt: Date | null;
  engagementPhase: string | null;
  isTest: boolean;
  currency: string | null;
  originalAmountMinor: bigint | null;
  addedFeesMinor: bigint | null;
  paidMinor: bigint;
  outstandingMinor: bigint | null;
  debtorName: string | null;
  creditorName: string | null;
  debtor: unknown;
  creditor: unknown;
  fees: unknown;
  dateCreated: Date | null;
  dueDate: Date | null;
  assignedAt: Date | null;
  lastActivityAt: Date | null;
  detailStatus: string;
  detailError: string | null;
  assigneeId: string | null;
  assignee: { id: string; name: string | null; email: string } | null;
};

export type CaseDetail = CaseRecord & {
  timeline: TimelineEntry[];
  payments: PaymentEntry[];
  /** When the case last became Active: the 6-month exclusive period runs from here. */
  activeSince: Date | null;
};

type CaseRow = Omit<CaseRecord, 'assignee'> & { assigneeName: string | null; assigneeEmail: string | null };

/**
 * The case for the viewer, null when no such reference; ForbiddenError when not theirs.
 * The case, its timeline and its payments are read in parallel, each keyed by the reference:
 * one round trip instead of three. The role check runs on the case row before anything of
 * it is returned.
 */
export async function getCaseDetail(viewer: Viewer, reference: string): Promise<CaseDetail | null> {
  const caseId = Prisma.sql`(SELECT id FROM cases WHERE reference = ${reference})`;
  const [[row], timelineRows, payments] = await Promise.all([
    db.$queryRaw<CaseRow[]>`
      SELECT c.id, c.reference, c.debitura_case_id AS "debituraCaseId", c.creditor_reference AS "creditorReference", c.state,
             c.state_at AS "stateAt", c.close_code AS "closeCode", c.close_comment AS "closeComment", c.closed_at AS "closedAt",
             c.engagement_phase AS "engagementPhase", c.is_test AS "isTest", c.currency,
             c.original_amount_minor AS "originalAmountMinor", c.added_fees_minor AS "addedFeesMinor", c.paid_minor AS "paidMinor",
             c.outstanding_minor AS "outstandingMinor", c.debtor_name AS "debtorName", c.creditor_name AS "creditorName",
             c.debtor, c.creditor, c.fees, c.date_created AS "dateCreated", c.due_date AS "dueDate", c.assigned_at AS "assignedAt",
             c.last_activity_at AS "lastActivityAt", c.detail_status AS "detailStatus", c.detail_error AS "detailError",
             c.assignee_id AS "assigneeId", u.name AS "assigneeName", u.email AS "assigneeEmail"
      FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.reference = ${reference}`,
    // Each event with its raw webhook body and the name of whoever acted.
    db.$queryRaw<TimelineRow[]>`
      SELECT e.id, e.event_id, e.type, e.at, e.from_state, e.to_state, e.detail, w.raw_body,
             COALESCE(u.name, u.email) AS actor_name
      FROM case_events e
      LEFT JOIN webhook_events w ON w.id = e.event_id
      LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.case_id = ${caseId}
      ORDER BY e.at, e.created_at, e.id`,
    db.$queryRaw<PaymentEntry[]>`
      SELECT p.id, p.debitura_payment_id AS "debituraPaymentId", p.amount_minor AS "amountMinor", p.currency, p.date, p.recipient,
             p.method, p.is_deleted AS "isDeleted", p.deleted_at AS "deletedAt"
      FROM payments p
      WHERE p.case_id = ${caseId}
      ORDER BY p.date, p.created_at, p.id`,
  ]);
  if (!row) return null;
  if (!canViewCase(viewer, row.assigneeId)) throw new ForbiddenError('This case is assigned to another collector.');

  const { assigneeName, assigneeEmail, ...rest } = row;
  const found: CaseRecord = {
    ...rest,
    assignee: row.assigneeId && assigneeEmail ? { id: row.assigneeId, name: assigneeName, email: assigneeEmail } : null,
  };
  const timeline = timelineRows.map(toTimelineEntry);
  const activeSince =
    timeline.findLast((event) => event.toState === 'Active')?.at ??
    (found.state === 'Active' ? (found.stateAt ?? found.assignedAt) : null);

  return { ...found, timeline, payments, activeSince };
}

type TimelineRow = {
  id: string;
  event_id: string | null;
  type: string;
  at: Date;
  from_state: string | null;
  to_state: string | null;
  detail: unknown;
  raw_body: string | null;
  actor_name: string | null;
};

function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    at: row.at,
    fromState: row.from_state,
    toState: row.to_state,
    detail: row.detail,
    actorName: row.actor_name,
    rawBody: row.raw_body,
  };
}

/** Whether the viewer may open the case with this reference (an unknown one is the page's 404, so true). */
export async function mayOpenCase(viewer: Viewer, reference: string): Promise<boolean> {
  const found = await db.case.findUnique({ where: { reference }, select: { assigneeId: true } });
  return !found || canViewCase(viewer, found.assigneeId);
}
