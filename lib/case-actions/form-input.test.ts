import { describe, expect, it } from 'vitest';
import { parseForm } from './form-input';
import { acceptSchema, closeSchema, noteSchema, paymentSchema } from './schemas';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const PAYMENT = {
  text: ['date', 'recipient', 'commissionStatus'],
  flags: ['closeCase'],
  amounts: { amountMinor: { field: 'amount' } },
};

describe('the case page forms, parsed with the API schemas', () => {
  it('turns a typed amount into minor units of the case currency', () => {
    const parsed = parseForm(
      paymentSchema,
      form({ date: '2026-11-20', amount: '125.50', recipient: 'CollectionPartner' }),
      {
        ...PAYMENT,
        currency: 'EUR',
      },
    );
    expect(parsed).toEqual({
      ok: true,
      input: { date: '2026-11-20', amountMinor: 12550, recipient: 'CollectionPartner' },
    });
  });

  it('refuses more decimals than the currency has, per field, in codes not English', () => {
    const eur = parseForm(paymentSchema, form({ date: '2026-11-20', amount: '0.001', recipient: 'Platform' }), {
      ...PAYMENT,
      currency: 'EUR',
    });
    expect(eur).toEqual({ ok: false, fieldErrors: { amount: 'too_many_decimals' } });
    const jpy = parseForm(paymentSchema, form({ date: '2026-11-20', amount: '0.5', recipient: 'Platform' }), {
      ...PAYMENT,
      currency: 'JPY',
    });
    expect(jpy).toEqual({ ok: false, fieldErrors: { amount: 'too_many_decimals' } });
  });

  it('names every wrong field: missing, future, not an amount, then the commission for the creditor', () => {
    const parsed = parseForm(paymentSchema, form({ date: '2999-01-01', amount: '12,50', recipient: 'Creditor' }), {
      ...PAYMENT,
      currency: 'EUR',
    });
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { amount: 'invalid_amount', date: 'future_date' },
    });
    const creditor = parseForm(paymentSchema, form({ date: '2026-11-20', amount: '12.50', recipient: 'Creditor' }), {
      ...PAYMENT,
      currency: 'EUR',
    });
    expect(creditor).toEqual({ ok: false, fieldErrors: { commissionStatus: 'required' } });
    expect(parseForm(paymentSchema, form({}), { ...PAYMENT, currency: 'EUR' })).toEqual({
      ok: false,
      fieldErrors: { amount: 'required', date: 'required', recipient: 'required' },
    });
  });

  it('checks lengths and the comment Other needs', () => {
    expect(parseForm(acceptSchema, form({ welcomeMessage: 'x'.repeat(5001) }), { text: ['welcomeMessage'] })).toEqual({
      ok: false,
      fieldErrors: { welcomeMessage: 'too_long' },
    });
    expect(parseForm(closeSchema, form({ closeCode: 'Other' }), { text: ['closeCode', 'comment'] })).toEqual({
      ok: false,
      fieldErrors: { comment: 'required' },
    });
    expect(parseForm(noteSchema, form({ text: '  ' }), { text: ['text', 'eventDate'] })).toEqual({
      ok: false,
      fieldErrors: { text: 'required' },
    });
  });
});
