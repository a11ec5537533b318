import {
  addNote,
  closeCase,
  createPayment,
  deletePayment,
  getCase,
  getTimeline,
  listPayments,
  startCase,
  updateFees,
  updatePayment,
} from '@/lib/debitura-api/cases';
import { postChatMessage, PermanentApiError } from '@/lib/debitura-api/client';
import { normalizeCloseCode } from '@/lib/cases/close-codes';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { sendDocument } from '@/lib/documents/send';
import { toMajorUnits } from '@/lib/money/currency';
import type { ActionKind, ActionPayloads, FeesMinor } from './kinds';

/**
 * One action, one call to Debitura (docs/debitura.md "Acting on cases"). Payments and chat
 * replies carry the action's Idempotency-Key, so a retry is recognised by Debitura itself.
 * Start, close and notes take no key: when an earlier attempt may have reached Debitura (its
 * answer lost to a timeout, a reset, a 5xx or a crash), the case is read back first and an
 * action that already took effect counts as done; it is never sent twice. Edits and fees
 * replace values, so repeating them is harmless.
 */

export type SendableAction = {
  id: string;
  kind: ActionKind;
  payload: unknown;
  idempotencyKey: string;
  /** 1 on the first attempt; more means an earlier attempt may have reached Debitura. */
  attempts: number;
  debituraCaseId: string;
  createdAt: Date;
};

export type SendResult = {
  response: Record<string, unknown>;
  debituraPaymentId?: string | null;
  /** The effect was found already in place after an ambiguous earlier attempt. */
  isRecovered?: boolean;
};

type Sender<K extends ActionKind> = (payload: ActionPayloads[K], action: SendableAction) => Promise<SendResult>;

const SENDERS: { [K in ActionKind]: Sender<K> } = {
  chat_reply: async (payload, action) => ({
    response: await postChatMessage(action.debituraCaseId, payload, action.idempotencyKey),
  }),

  accept: async (payload, action) => {
    if (action.attempts > 1) {
      const detail = await getCase(action.debituraCaseId);
      const lifecycle = normalizeLifecycle(detail.lifecycle);
      // Only a PendingVerification case can be started: any later state means the start took.
      if (lifecycle && lifecycle !== 'PendingVerification') return recovered({ lifecycle });
    }
    const body: Record<string, unknown> = { welcomeMessage: payload.welcomeMessage, userEmail: payload.userEmail };
    if (payload.assignedUserEmail) body.assignedUserEmail = payload.assignedUserEmail;
    if (payload.collectionPartnerReference) body.collectionPartnerReference = payload.collectionPartnerReference;
    if (payload.fees && payload.currency) Object.assign(body, feesBody(payload.fees, payload.currency));
    return { response: await startCase(action.debituraCaseId, body) };
  },

  payment_create: async (payload, action) => {
    const response = await createPayment(
      action.debituraCaseId,
      {
        date: payload.date,
        paymentAmount: toMajorUnits(payload.amountMinor, payload.currency),
        paymentRecipient: payload.recipient,
        ...(payload.commissionStatus ? { commissionPaymentStatus: payload.commissionStatus } : {}),
        ...(payload.closeCase ? { closeCase: true } : {}),
      },
      action.idempotencyKey,
    );
    return { response, debituraPaymentId: idOf(response.paymentId ?? response.id) };
  },

  payment_update: async (payload, action) => ({
    response: await updatePayment(action.debituraCaseId, payload.debituraPaymentId, {
      date: payload.date,
      paymentAmount: toMajorUnits(payload.amountMinor, payload.currency),
      paymentRecipient: payload.recipient,
      ...(payload.commissionStatus ? { commissionPaymentStatus: payload.commissionStatus } : {}),
      reopenCaseIfNeeded: payload.reopenCaseIfNeeded === true,
    }),
    debituraPaymentId: payload.debituraPaymentId,
  }),

  payment_delete: async (payload, action) => {
    if (action.attempts > 1) {
      const payments = await listPayments(action.debituraCaseId);
      const list = Array.isArray(payments) ? payments : [];
      // Debitura lists a deleted payment with isDeleted: true (docs/debitura.md): gone all the same.
      const isStillThere = list.some((payment) => {
        const listed = payment as { id?: unknown; isDeleted?: unknown };
        return idOf(listed.id) === payload.debituraPaymentId && listed.isDeleted !== true;
      });
      if (!isStillThere) return { ...recovered({ deleted: true }), debituraPaymentId: payload.debituraPaymentId };
    }
    return {
      response: await deletePayment(
        action.debituraCaseId,
        payload.debituraPaymentId,
        payload.reopenCaseIfNeeded === true,
      ),
      debituraPaymentId: payload.debituraPaymentId,
    };
  },

  close: async (payload, action) => {
    if (action.attempts > 1) {
      const detail = await getCase(action.debituraCaseId);
      if (normalizeLifecycle(detail.lifecycle) === 'Closed') {
        const code = normalizeCloseCode(detail.closeCode);
        if (code === payload.closeCode) return recovered({ lifecycle: 'Closed', closeCode: code });
        throw new PermanentApiError(`The case is already closed as ${code ?? String(detail.closeCode)}`, {
          status: 409,
          body: { message: `The case is already closed as ${code ?? String(detail.closeCode)}.` },
        });
      }
    }
    const body: Record<string, unknown> = { closeCode: payload.closeCode };
    if (payload.comment) body.comment = payload.comment;
    return { response: await closeCase(action.debituraCaseId, body) };
  },

  progress_note: async (payload, action) => {
    if (action.attempts > 1 && (await isNoteInTimeline(action.debituraCaseId, payload.text, action.createdAt))) {
      return recovered({ description: payload.text });
    }
    const body: Record<string, unknown> = { description: payload.text };
    if (payload.eventDate) body.eventDate = payload.eventDate;
    return { response: await addNote(action.debituraCaseId, body) };
  },

  document_upload: sendDocument,

  fees: async (payload, action) => {
    const body: Record<string, unknown> = feesBody(payload, payload.currency);
    if (payload.confirmPriceChange) body.confirmPriceChange = true;
    if (payload.keepIntentionalRate) body.keepIntentionalRate = true;
    return { response: await updateFees(action.debituraCaseId, body) };
  },
};

export async function sendToDebitura(action: SendableAction): Promise<SendResult> {
  const sender = SENDERS[action.kind] as Sender<ActionKind>;
  return sender(action.payload as ActionPayloads[ActionKind], action);
}

function recovered(response: Record<string, unknown>): SendResult {
  return { response: { ...response, recoveredAfterAmbiguousAttempt: true }, isRecovered: true };
}

function feesBody(fees: FeesMinor, currency: string) {
  return {
    interestFees: toMajorUnits(fees.interestMinor, currency),
    reminderFees: toMajorUnits(fees.reminderMinor, currency),
    collectionFees: toMajorUnits(fees.collectionMinor, currency),
  };
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Allowance for Debitura's clock against ours when comparing a timeline entry's time. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Notes have no id of ours on Debitura's side: the timeline is searched for the same text,
 * written no earlier than the action (the same words may well have been noted last month).
 */
async function isNoteInTimeline(caseId: string, text: string, since: Date): Promise<boolean> {
  const timeline = await getTimeline(caseId);
  const items = Array.isArray(timeline.items) ? timeline.items : [];
  const wanted = text.trim();
  return items.some((item) => {
    const entry = item as { description?: unknown; date?: unknown };
    if (typeof entry.description !== 'string' || entry.description.trim() !== wanted) return false;
    const at = typeof entry.date === 'string' ? Date.parse(entry.date) : NaN;
    return Number.isNaN(at) || at >= since.getTime() - CLOCK_SKEW_MS;
  });
}
