import { db } from '@/lib/db';
import { listFollowUps, type FollowUpView } from '@/lib/work/follow-ups';
import { listPromises, type PromiseView } from '@/lib/work/promises';
import { listCaseActions } from '@/lib/outbox/queries';
import type { ActionView } from '@/lib/outbox/view';
import { getCaseDetail } from './case-detail';
import type { Viewer } from './visibility';

/**
 * `GET /api/v1/cases/{reference}`'s answer, built on the case
 * page's read model: money as integer minor units (JSON numbers), times as ISO 8601, state
 * and close code in API names, lists in a stable order (event time, then id).
 */

export type CaseJson = ReturnType<typeof toCaseJson> & { followUps: FollowUpView[]; promises: PromiseView[] };

/** Null when the reference is unknown; ForbiddenError (403) when the case is not the viewer's to see. */
export async function getCaseJson(viewer: Viewer, reference: string): Promise<CaseJson | null> {
  const detail = await getCaseDetail(viewer, reference);
  if (!detail) return null;
  const chatQuery = db.chatMessage.findMany({
    where: { caseId: detail.id },
    orderBy: [{ at: 'asc' }, { createdAt: 'asc' }],
    select: {
      debituraChatId: true,
      message: true,
      authorName: true,
      authorEmail: true,
      authorRole: true,
      at: true,
      direction: true,
      status: true,
    },
  });
  const [chat, followUps, promises, actions] = await Promise.all([
    chatQuery,
    listFollowUps(detail.id),
    listPromises(detail.id),
    listCaseActions(detail.id),
  ]);
  // The agency's own work on the case (lib/work): always lists, empty when there is none.
  return { ...toCaseJson(detail, chat, actions), followUps, promises };
}

type Detail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;
type Chat = Awaited<
  ReturnType<
    typeof db.chatMessage.findMany<{
      select: {
        debituraChatId: true;
        message: true;
        authorName: true;
        authorEmail: true;
        authorRole: true;
        at: true;
        direction: true;
        status: true;
      };
    }>
  >
>;

function toCaseJson(detail: Detail, chat: Chat, actions: ActionView[]) {
  const byTimeThenId =
    <T>(time: (item: T) => Date | null, id: (item: T) => string | null) =>
    (a: T, b: T) =>
      (time(a)?.getTime() ?? Infinity) - (time(b)?.getTime() ?? Infinity) || compareText(id(a), id(b));

  return {
    reference: detail.reference,
    debituraCaseId: detail.debituraCaseId,
    creditorReference: detail.creditorReference,
    state: detail.state,
    closeCode: detail.closeCode,
    closeComment: detail.closeComment,
    engagementPhase: detail.engagementPhase,
    isTest: detail.isTest,
    currency: detail.currency,
    originalAmountMinor: minor(detail.originalAmountMinor),
    addedFeesMinor: minor(detail.addedFeesMinor),
    paidMinor: minor(detail.paidMinor),
    outstandingMinor: minor(detail.outstandingMinor),
    fees: detail.fees,
    assignedAt: iso(detail.assignedAt),
    closedAt: iso(detail.closedAt),
    lastActivityAt: iso(detail.lastActivityAt),
    dueDate: iso(detail.dueDate),
    detailStatus: detail.detailStatus,
    assignee: detail.assignee
      ? { id: detail.assignee.id, name: detail.assignee.name, email: detail.assignee.email }
      : null,
    debtor: { ...asObject(detail.debtor), name: detail.debtorName },
    creditor: { ...asObject(detail.creditor), name: detail.creditorName },
    timeline: [...detail.timeline]
      .sort(
        byTimeThenId(
          (entry) => entry.at,
          (entry) => entry.eventId ?? entry.id,
        ),
      )
      .map((entry) => ({
        eventId: entry.eventId,
        type: entry.type,
        at: entry.at.toISOString(),
        fromState: entry.fromState,
        toState: entry.toState,
        detail: entry.detail,
      })),
    payments: [...detail.payments]
      .sort(
        byTimeThenId(
          (payment) => payment.date,
          (payment) => payment.debituraPaymentId,
        ),
      )
      .map((payment) => ({
        paymentId: payment.debituraPaymentId,
        amountMinor: minor(payment.amountMinor),
        currency: payment.currency,
        date: iso(payment.date),
        recipient: payment.recipient,
        method: payment.method,
        deleted: payment.isDeleted,
        deletedAt: iso(payment.deletedAt),
      })),
    chat: [...chat]
      .sort(
        byTimeThenId(
          (message) => message.at,
          (message) => message.debituraChatId,
        ),
      )
      .map((message) => ({
        chatId: message.debituraChatId,
        message: message.message,
        author: message.authorName,
        authorEmail: message.authorEmail,
        authorRole: message.authorRole,
        at: message.at.toISOString(),
        direction: message.direction,
        status: message.status,
      })),
    // What Casedesk sent (or is sending) to Debitura for this case, newest first.
    actions: actions.map((action) => ({
      id: action.id,
      kind: action.kind,
      status: action.status,
      ...(action.error ? { error: action.error, errorCode: action.errorCode } : {}),
      createdAt: action.createdAt,
      sentAt: action.sentAt,
      confirmedAt: action.confirmedAt,
    })),
  };
}

const minor = (value: bigint | null) => (value === null ? null : Number(value));
const iso = (value: Date | null) => value?.toISOString() ?? null;
const asObject = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const compareText = (a: string | null, b: string | null) => Buffer.compare(Buffer.from(a ?? ''), Buffer.from(b ?? ''));
