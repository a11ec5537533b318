import { ForbiddenError } from '@/lib/api/errors';
import { db } from '@/lib/db';
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

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof loadCase>>> & {
  timeline: TimelineEntry[];
  payments: PaymentEntry[];
  /** When the case last became Active: the 6-month exclusive period runs from here. */
  activeSince: Date | null;
};

function loadCase(reference: string) {
  return db.case.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      debituraCaseId: true,
      creditorReference: true,
      state: true,
      stateAt: true,
      closeCode: true,
      closeComment: true,
      closedAt: true,
      engagementPhase: true,
      isTest: true,
      currency: true,
      originalAmountMinor: true,
      addedFeesMinor: true,
      paidMinor: true,
      outstandingMinor: true,
      debtorName: true,
      creditorName: true,
      debtor: true,
      creditor: true,
      fees: true,
      dateCreated: true,
      dueDate: true,
      assignedAt: true,
      lastActivityAt: true,
      detailStatus: true,
      detailError: true,
      assigneeId: true,
      assignee: { select: { id: true, name: true, email: true } },
    },
  });
}

/** The case for the viewer, null when no such reference; ForbiddenError when not theirs. */
export async function getCaseDetail(viewer: Viewer, reference: string): Promise<CaseDetail | null> {
  const found = await loadCase(reference);
  if (!found) return null;
  if (!canViewCase(viewer, found.assigneeId)) throw new ForbiddenError('This case is assigned to another collector.');

  const [timeline, payments] = await Promise.all([
    // One round trip: each event with its raw webhook body and the name of who acted.
    db.$queryRaw<TimelineRow[]>`
      SELECT e.id, e.event_id, e.type, e.at, e.from_state, e.to_state, e.detail, w.raw_body,
             COALESCE(u.name, u.email) AS actor_name
      FROM case_events e
      LEFT JOIN webhook_events w ON w.id = e.event_id
      LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.case_id = ${found.id}::uuid
      ORDER BY e.at, e.created_at, e.id`.then((rows) => rows.map(toTimelineEntry)),
    db.payment.findMany({
      where: { caseId: found.id },
      orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
      select: {
        id: true,
        debituraPaymentId: true,
        amountMinor: true,
        currency: true,
        date: true,
        recipient: true,
        method: true,
        isDeleted: true,
        deletedAt: true,
      },
    }),
  ]);

  const activeSince =
    timeline.findLast((event) => event.toState === 'Active')?.at ?? (found.state === 'Active' ? (found.stateAt ?? found.assignedAt) : null);

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
