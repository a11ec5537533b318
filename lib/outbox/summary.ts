import type { ActionKind, ActionPayloads } from './kinds';

/**
 * The words a summary is made of, in the reader's language: the page passes them (money
 * formatted for the locale in the case's currency, Debitura's codes through the vocabulary).
 * Without them, scripts and tests get the raw values.
 */
export type SummaryWords = {
  money: (minor: bigint, currency: string) => string;
  recipient: (code: string) => string;
  closeCode: (code: string) => string;
  payment: (debituraPaymentId: string) => string;
};

export const RAW_WORDS: SummaryWords = {
  money: (minor, currency) => `${minor} ${currency} (minor units)`,
  recipient: (code) => code,
  closeCode: (code) => code,
  payment: (id) => `payment ${id}`,
};

/**
 * One line saying what an action sends, from its payload, for lists (the admin outbox).
 * Text the collector typed is shown as typed.
 */
export function summarizeAction(kind: string, payload: unknown, words: SummaryWords = RAW_WORDS): string {
  const value = (payload ?? {}) as Partial<ActionPayloads[ActionKind]> & Record<string, unknown>;
  const text = (field: string) => (typeof value[field] === 'string' ? (value[field] as string) : '');
  const money = (field: string) => {
    const minor = text(field);
    return /^-?\d+$/.test(minor) && text('currency') ? words.money(BigInt(minor), text('currency')) : '';
  };
  const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  switch (kind as ActionKind) {
    case 'chat_reply':
      return text('message');
    case 'accept':
      return text('welcomeMessage');
    case 'payment_create':
    case 'payment_update':
      return joined(money('amountMinor'), text('date'), text('recipient') && words.recipient(text('recipient')));
    case 'payment_delete':
      return words.payment(text('debituraPaymentId'));
    case 'close':
      return joined(text('closeCode') && words.closeCode(text('closeCode')), text('comment'));
    case 'progress_note':
      return text('text');
    case 'document_upload':
      return text('fileName');
    case 'fees':
      return [money('interestMinor'), money('reminderMinor'), money('collectionMinor')].join(' / ');
    default:
      return '';
  }
}
