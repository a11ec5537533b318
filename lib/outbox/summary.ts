import type { ActionKind, ActionPayloads } from './kinds';

/**
 * One line saying what an action sends, from its payload, for lists (the admin outbox).
 * Text the collector typed is shown as typed; money stays minor units with its currency
 * here and is formatted by the page.
 */
export function summarizeAction(kind: string, payload: unknown): string {
  const value = (payload ?? {}) as Partial<ActionPayloads[ActionKind]> & Record<string, unknown>;
  const text = (field: string) => (typeof value[field] === 'string' ? (value[field] as string) : '');
  switch (kind as ActionKind) {
    case 'chat_reply':
      return text('message');
    case 'accept':
      return text('welcomeMessage');
    case 'payment_create':
    case 'payment_update':
      return `${text('amountMinor')} ${text('currency')} (minor units) · ${text('date')} · ${text('recipient')}`;
    case 'payment_delete':
      return `payment ${text('debituraPaymentId')}`;
    case 'close':
      return [text('closeCode'), text('comment')].filter(Boolean).join(' · ');
    case 'progress_note':
      return text('text');
    case 'document_upload':
      return text('fileName');
    case 'fees':
      return `${text('interestMinor')} / ${text('reminderMinor')} / ${text('collectionMinor')} ${text('currency')}`;
    default:
      return '';
  }
}
