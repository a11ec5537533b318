import { normalizeCloseCode } from '@/lib/cases/close-codes';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { isCurrencyCode, toMinorUnits } from '@/lib/money/currency';
import { normalizeRecipient } from '@/lib/payments/recipients';
import { parseTimestamp, toKey, type ParsedEnvelope } from '@/lib/webhooks/envelope';
import { enumFromWire, isPlainObject, type EventType } from '@/lib/webhooks/normalize';
import { isDetailComplete, mapCaseDetail, text, type CaseDetail } from './detail';
import { ApplyError } from './errors';

/** One of the six events, checked and in domain terms: what the applier folds into a case. */
export type DomainEvent = {
  id: string;
  at: Date;
  reference: string;
  isTest: boolean;
  debituraCaseId: string | null;
} & (
  | { type: 'case.assigned'; lifecycle: string | null; assignedAt: Date; detail: CaseDetail; isDetailComplete: boolean }
  | { type: 'case.updated'; fromState: string | null; toState: string }
  | { type: 'case.closed'; closeCode: string | null; comment: string | null }
  | { type: 'payment.created'; payment: PaymentFields }
  | { type: 'payment.deleted'; paymentId: string }
  | { type: 'chat.created'; chat: ChatFields }
);

export type PaymentFields = {
  paymentId: string;
  amountMinor: bigint;
  currency: string;
  date: Date | null;
  recipient: string | null;
  method: string | null;
};

export type ChatFields = {
  chatId: string;
  message: string;
  at: Date;
  authorName: string | null;
  authorEmail: string | null;
  authorRole: string | null;
};

/**
 * Throws ApplyError when `data` lacks what the event needs. Whether the event is a test comes
 * from the signed body only: the X-Debitura-Test header is not covered by the signature, so
 * whoever relays a delivery could add it and hide a live case among the test cases.
 */
export function toDomainEvent(envelope: ParsedEnvelope & { type: EventType }): DomainEvent {
  const { id, occurredAt: at, data } = envelope;
  if (!envelope.caseReference) throw new ApplyError('data.reference is missing or not a usable reference');
  const base = {
    id,
    at,
    reference: envelope.caseReference,
    isTest: envelope.isTest,
    debituraCaseId: toKey(data.caseId),
  };

  switch (envelope.type) {
    case 'case.assigned': {
      const source = withNested(data, ['case', 'invoice', 'detail']);
      const detail = mapCaseDetail({ ...source, caseId: data.caseId ?? source.caseId ?? source.id });
      return {
        ...base,
        type: 'case.assigned',
        lifecycle: enumFromWire(data.lifecycle ?? data.newLifecycle ?? source.lifecycle, normalizeLifecycle),
        assignedAt: parseTimestamp(data.assignedAt ?? data.dateAssigned) ?? at,
        detail,
        isDetailComplete: isDetailComplete(detail),
      };
    }
    case 'case.updated': {
      const toState = enumFromWire(data.newLifecycle ?? data.newState ?? data.lifecycle, normalizeLifecycle);
      if (!toState) throw new ApplyError('case.updated without newLifecycle');
      return {
        ...base,
        type: 'case.updated',
        fromState: enumFromWire(data.oldLifecycle ?? data.oldState, normalizeLifecycle),
        toState,
      };
    }
    case 'case.closed':
      return {
        ...base,
        type: 'case.closed',
        closeCode: enumFromWire(data.closeCode, normalizeCloseCode),
        comment: text(data.comment),
      };
    case 'payment.created':
      return { ...base, type: 'payment.created', payment: paymentFields(data, id) };
    case 'payment.deleted': {
      const paymentId = paymentIdOf(data);
      if (!paymentId) throw new ApplyError('payment.deleted without paymentId');
      return { ...base, type: 'payment.deleted', paymentId };
    }
    case 'chat.created':
      return { ...base, type: 'chat.created', chat: chatFields(withNested(data, ['chat']), id, at) };
  }
}

/**
 * Debitura's payment id: `paymentId`, or `id` only inside a nested `data.payment` object. A flat
 * payload's `id` may be the case's or anything else's, so it is never taken for the payment's.
 */
function paymentIdOf(data: Record<string, unknown>): string | null {
  const nested = isPlainObject(data.payment) ? data.payment : null;
  return toKey(nested?.paymentId ?? data.paymentId ?? nested?.id);
}

function paymentFields(data: Record<string, unknown>, eventId: string): PaymentFields {
  const source = withNested(data, ['payment']);
  const currency = typeof source.currency === 'string' ? source.currency.trim().toUpperCase() : '';
  if (!isCurrencyCode(currency)) throw new ApplyError('payment.created without a valid currency');
  const amount = source.amount ?? source.grossAmount ?? source.paymentAmount;
  if (typeof amount !== 'number' && typeof amount !== 'string')
    throw new ApplyError('payment.created without an amount');
  let amountMinor: bigint;
  try {
    amountMinor = toMinorUnits(amount, currency);
  } catch (error) {
    throw new ApplyError(`payment amount: ${(error as Error).message}`);
  }
  return {
    // Without Debitura's id the payment is keyed by its event, so a repeat still counts once.
    paymentId: paymentIdOf(data) ?? `event:${eventId}`,
    amountMinor,
    currency,
    date: parseTimestamp(source.date ?? source.paymentDate),
    recipient: enumFromWire(source.recipient ?? source.paymentRecipient, normalizeRecipient),
    method: text(source.method),
  };
}

function chatFields(source: Record<string, unknown>, eventId: string, at: Date): ChatFields {
  const message = typeof source.message === 'string' ? source.message : null;
  if (message === null) throw new ApplyError('chat.created without a message');
  const user = isPlainObject(source.user) ? source.user : {};
  const name =
    [text(user.firstName), text(user.lastName)].filter(Boolean).join(' ') || text(user.name) || text(source.author);
  return {
    chatId: toKey(source.chatId ?? source.id) ?? `event:${eventId}`,
    message,
    at: parseTimestamp(source.dateCreated ?? source.createdAt) ?? at,
    authorName: name || null,
    authorEmail: text(user.email),
    authorRole: text(source.roleLabel) ?? text(source.role),
  };
}

/** Lets a payload nest its object (`data.payment = {...}`) or send it flat. */
function withNested(data: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  for (const key of keys) {
    const nested = data[key];
    if (isPlainObject(nested)) return { ...data, ...nested };
  }
  return data;
}
