import { enumNormalizer } from '@/lib/validation/enum-names';

/**
 * Who received a payment (`recipient` / `paymentRecipient`): the creditor directly, the agency
 * (Debitura's "collection partner") or Debitura's platform. Labels are in the `vocabulary`
 * catalog (`recipient.<Recipient>`).
 */

export const PAYMENT_RECIPIENTS = ['Creditor', 'CollectionPartner', 'Platform'] as const;

export type PaymentRecipient = (typeof PAYMENT_RECIPIENTS)[number];

export function isPaymentRecipient(value: unknown): value is PaymentRecipient {
  return typeof value === 'string' && (PAYMENT_RECIPIENTS as readonly string[]).includes(value);
}

/** The API name for a recipient in any spelling Debitura uses, or null if unknown. */
export const normalizeRecipient = enumNormalizer(PAYMENT_RECIPIENTS, {
  Partner: 'CollectionPartner',
  Agency: 'CollectionPartner',
  Debitura: 'Platform',
});
