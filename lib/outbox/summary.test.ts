import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/lib/money/currency';
import { summarizeAction, type SummaryWords } from './summary';

const german: SummaryWords = {
  money: (minor, currency) => formatMoney(minor, currency, 'de'),
  recipient: (code) => ({ CollectionPartner: 'Inkassobüro' })[code] ?? code,
  closeCode: (code) => ({ Paid: 'Bezahlt' })[code] ?? code,
  payment: (id) => `Zahlung ${id}`,
};

describe('summarizeAction', () => {
  it("writes money in the reader's format and Debitura's codes in the reader's words", () => {
    const payment = { amountMinor: '123456', currency: 'EUR', date: '2026-11-20', recipient: 'CollectionPartner' };
    expect(summarizeAction('payment_create', payment, german)).toBe('1.234,56\u00a0€ · 2026-11-20 · Inkassobüro');
    expect(summarizeAction('close', { closeCode: 'Paid', comment: 'Alles da' }, german)).toBe('Bezahlt · Alles da');
    expect(summarizeAction('payment_delete', { debituraPaymentId: 'p-1' }, german)).toBe('Zahlung p-1');
    const fees = { interestMinor: '500', reminderMinor: '0', collectionMinor: '1000', currency: 'DKK' };
    expect(summarizeAction('fees', fees, german)).toBe('5,00\u00a0DKK / 0,00\u00a0DKK / 10,00\u00a0DKK');
  });

  it('shows typed text as typed, and raw values without words (scripts, tests)', () => {
    expect(summarizeAction('chat_reply', { message: '<b>hi</b>' }, german)).toBe('<b>hi</b>');
    expect(summarizeAction('payment_create', { amountMinor: '100', currency: 'JPY', recipient: 'Creditor' })).toBe(
      '100 JPY (minor units) · Creditor',
    );
    expect(summarizeAction('payment_create', { amountMinor: 'x', currency: 'EUR' }, german)).toBe('');
    expect(summarizeAction('unknown_kind', {}, german)).toBe('');
  });
});
