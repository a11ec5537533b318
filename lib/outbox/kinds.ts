/**
 * The outbox's vocabulary: what Casedesk sends to Debitura (kinds), where each action stands
 * (statuses), why a failed one failed (error codes), and the payload each kind stores. Money
 * in payloads is minor units as a decimal string (JSON has no bigint) plus the case currency.
 */

export const ACTION_KINDS = [
  'chat_reply',
  'accept',
  'payment_create',
  'payment_update',
  'payment_delete',
  'close',
  'progress_note',
  'document_upload',
  'fees',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** pending -> sent -> confirmed (the matching webhook arrived), or failed. */
export const ACTION_STATUSES = ['pending', 'sent', 'confirmed', 'failed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * refused: Debitura answered a 4xx (its message says what to fix); needs_confirmation: a 409
 * that a person must confirm (reopen a Paid case, accept a price change), then it is sent
 * again with Debitura's flag; exhausted: it kept failing (5xx, timeouts) past the retries.
 */
export const ACTION_ERROR_CODES = ['refused', 'needs_confirmation', 'exhausted'] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export function isActionKind(value: unknown): value is ActionKind {
  return typeof value === 'string' && (ACTION_KINDS as readonly string[]).includes(value);
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Kinds a webhook confirms; the others end at `sent` (Debitura sends nothing back for them). */
export const CONFIRMED_BY_WEBHOOK: ReadonlySet<ActionKind> = new Set([
  'accept',
  'payment_create',
  'payment_delete',
  'close',
]);

export type FeesMinor = { interestMinor: string; reminderMinor: string; collectionMinor: string };

export type ActionPayloads = {
  chat_reply: { message: string; userEmail: string };
  accept: {
    welcomeMessage: string;
    userEmail: string;
    assignedUserEmail?: string;
    collectionPartnerReference?: string;
    currency?: string;
    fees?: FeesMinor;
  };
  payment_create: {
    date: string;
    amountMinor: string;
    currency: string;
    recipient: string;
    commissionStatus?: string;
    closeCase?: boolean;
  };
  payment_update: {
    debituraPaymentId: string;
    date: string;
    amountMinor: string;
    currency: string;
    recipient: string;
    commissionStatus?: string;
    reopenCaseIfNeeded?: boolean;
  };
  payment_delete: { debituraPaymentId: string; reopenCaseIfNeeded?: boolean };
  close: { closeCode: string; comment?: string };
  progress_note: { text: string; eventDate?: string };
  document_upload: { fileName: string; sizeBytes: number; documentType?: string; description?: string };
  fees: FeesMinor & { currency: string; confirmPriceChange?: boolean; keepIntentionalRate?: boolean };
};
