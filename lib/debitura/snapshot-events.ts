import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import type { WebhookEnvelope } from '@/lib/webhooks/envelope';

/**
 * A case as `GET /cases` shows it (with its chats and payments), turned into the webhook
 * events that would have built it, so an imported case goes through the same inbox and
 * applier as a delivered one. Ids are deterministic: importing the same snapshot twice adds
 * nothing, and a payment or chat message is keyed by Debitura's own id (the same row a
 * webhook would write), so nothing counts twice whichever arrives first. The case's state is
 * dated `dateUpdated`: a webhook later than the snapshot wins, an earlier one does not.
 * Each event carries `imported: true`; the timeline shows such entries as imported, their
 * exact time being unknown.
 */

export const SNAPSHOT_EVENT_PREFIX = 'debitura-snapshot:';

export type CaseSnapshot = {
  dto: Record<string, unknown>;
  chats: Record<string, unknown>[];
  payments: Record<string, unknown>[];
};

export function isSnapshotEventId(id: string | null | undefined): boolean {
  return Boolean(id?.startsWith(SNAPSHOT_EVENT_PREFIX));
}

/** The case's Debitura id and reference, or null when the snapshot lacks either (it is skipped). */
export function snapshotKeys(dto: Record<string, unknown>): { caseId: string; reference: string } | null {
  const caseId = typeof dto.id === 'string' && dto.id.trim() ? dto.id.trim() : null;
  const reference = typeof dto.reference === 'string' && dto.reference.trim() ? dto.reference.trim() : null;
  return caseId && reference ? { caseId, reference } : null;
}

/** The time the snapshot stands for: when Debitura last changed the case. */
export function snapshotTime(dto: Record<string, unknown>, readAt: Date): string {
  for (const field of ['dateUpdated', 'dateFinished', 'dateCollectionStarted', 'dateCreated']) {
    const value = dto[field];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  }
  return readAt.toISOString();
}

export function snapshotEnvelopes(snapshot: CaseSnapshot, readAt: Date): WebhookEnvelope[] {
  const keys = snapshotKeys(snapshot.dto);
  if (!keys) return [];
  const { caseId, reference } = keys;
  const { dto } = snapshot;
  const base = { caseId, reference, imported: true, ...(dto.isTestCase === true ? { classification: 'test' } : {}) };
  const at = snapshotTime(dto, readAt);
  const event = (id: string, type: string, timestamp: string, data: Record<string, unknown>): WebhookEnvelope => ({
    id: `${SNAPSHOT_EVENT_PREFIX}${id}`,
    specVersion: '1.0',
    event: type,
    timestamp,
    data: { ...data, ...base },
  });

  const lifecycle = normalizeLifecycle(dto.lifecycle);
  const envelopes: WebhookEnvelope[] = [
    event(`${caseId}:case:${at}`, 'case.assigned', at, {
      ...dto,
      lifecycle: dto.lifecycle,
      assignedAt: dto.dateCollectionStarted ?? undefined,
    }),
  ];
  if (lifecycle === 'Closed' && dto.closeCode) {
    const closedAt = typeof dto.dateFinished === 'string' ? dto.dateFinished : at;
    envelopes.push(event(`${caseId}:closed:${closedAt}`, 'case.closed', closedAt, { closeCode: dto.closeCode }));
  }
  for (const payment of snapshot.payments) {
    const paymentId = typeof payment.id === 'string' ? payment.id : null;
    if (!paymentId) continue;
    const date = typeof payment.date === 'string' ? payment.date : at;
    envelopes.push(
      event(`payment:${paymentId}`, 'payment.created', date, {
        paymentId,
        amount: payment.grossAmount ?? payment.amount,
        currency: payment.currency ?? dto.currency,
        date: payment.date,
        recipient: payment.recipient,
        method: payment.method,
      }),
    );
    if (payment.isDeleted === true) {
      envelopes.push(event(`payment-deleted:${paymentId}`, 'payment.deleted', at, { paymentId }));
    }
  }
  for (const chat of snapshot.chats) {
    const chatId = typeof chat.id === 'string' ? chat.id : null;
    if (!chatId || typeof chat.dateCreated !== 'string') continue;
    envelopes.push(
      event(`chat:${chatId}`, 'chat.created', chat.dateCreated, {
        chatId,
        message: chat.message,
        dateCreated: chat.dateCreated,
        roleLabel: chat.roleLabel ?? chat.role,
        user: chat.user,
      }),
    );
  }
  return envelopes;
}
