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

  const [events, payments] = await Promise.all([
    db.caseEvent.findMany({
      where: { caseId: found.id },
      orderBy: [{ at: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, eventId: true, type: true, at: true, fromState: true, toState: true, detail: true, actorId: true },
    }),
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

  const eventIds = events.flatMap((event) => (event.eventId ? [event.eventId] : []));
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const [raws, actors] = await Promise.all([
    eventIds.length ? db.webhookEvent.findMany({ where: { id: { in: eventIds } }, select: { id: true, rawBody: true } }) : [],
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [],
  ]);
  const rawById = new Map(raws.map((raw) => [raw.id, raw.rawBody]));
  const actorById = new Map(actors.map((actor) => [actor.id, actor.name ?? actor.email]));

  const timeline: TimelineEntry[] = events.map(({ actorId, ...event }) => ({
    ...event,
    actorName: actorId ? (actorById.get(actorId) ?? null) : null,
    rawBody: event.eventId ? (rawById.get(event.eventId) ?? null) : null,
  }));
  const activeSince =
    timeline.findLast((event) => event.toState === 'Active')?.at ?? (found.state === 'Active' ? (found.stateAt ?? found.assignedAt) : null);

  return { ...found, timeline, payments, activeSince };
}
