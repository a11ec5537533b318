import { z } from 'zod';
import { PARTNER_CLOSE_CODES } from '@/lib/cases/close-codes';

/**
 * What each action on a case accepts, from the JSON API and the case page's forms alike
 * (Debitura's own limits, docs/debitura.md "Acting on cases"). Amounts arrive as integer minor
 * units here; the forms parse typed amounts with lib/money/currency.ts first.
 */

export const MAX_WELCOME_MESSAGE = 5_000;
export const MAX_AGENCY_REFERENCE = 128;
export const MAX_CLOSE_COMMENT = 2_000;
export const MAX_NOTE = 10_000;
export const PAYMENT_RECIPIENTS = ['CollectionPartner', 'Creditor', 'Platform'] as const;
export const COMMISSION_STATUSES = ['Paid', 'Unpaid'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) that exists and is not after today (UTC, with a day's grace for time zones). */
const pastDate = (field: string) =>
  z
    .string({ error: `${field} must be a date (YYYY-MM-DD)` })
    .regex(ISO_DATE, `${field} must be a date (YYYY-MM-DD)`)
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      `${field} is not a real date`,
    )
    .refine((value) => Date.parse(`${value}T00:00:00Z`) <= Date.now() + 86_400_000, `${field} cannot be in the future`);

const minor = (field: string, min: number) =>
  z
    .number({ error: `${field} must be a whole number of minor units` })
    .int(`${field} must be a whole number of minor units`)
    .min(min, min > 0 ? `${field} must be more than 0` : `${field} cannot be negative`)
    .max(Number.MAX_SAFE_INTEGER, `${field} is too large`);

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, `${field} is at most ${max} characters`)
    .optional()
    .transform((value) => value || undefined);

export const acceptSchema = z.object({
  welcomeMessage: z
    .string({ error: 'welcomeMessage is required' })
    .trim()
    .min(1, 'welcomeMessage is required')
    .max(MAX_WELCOME_MESSAGE, `welcomeMessage is at most ${MAX_WELCOME_MESSAGE} characters`),
  handlerEmail: z.email('handlerEmail must be an email address').optional(),
  agencyReference: optionalText('agencyReference', MAX_AGENCY_REFERENCE),
  // Opening fees, sent with the start (Debitura's default is 0 for each).
  interestFeesMinor: minor('interestFeesMinor', 0).optional(),
  reminderFeesMinor: minor('reminderFeesMinor', 0).optional(),
  collectionFeesMinor: minor('collectionFeesMinor', 0).optional(),
});

export const paymentSchema = z
  .object({
    date: pastDate('date'),
    amountMinor: minor('amountMinor', 1),
    recipient: z.enum(PAYMENT_RECIPIENTS, { error: `recipient must be one of ${PAYMENT_RECIPIENTS.join(', ')}` }),
    commissionStatus: z.enum(COMMISSION_STATUSES, { error: 'commissionStatus must be Paid or Unpaid' }).optional(),
    closeCase: z.boolean({ error: 'closeCase must be true or false' }).optional(),
  })
  .refine((value) => value.recipient !== 'Creditor' || value.commissionStatus, {
    message: 'commissionStatus is required when the creditor received the payment',
    path: ['commissionStatus'],
  });

export const paymentEditSchema = z
  .object({
    date: pastDate('date'),
    amountMinor: minor('amountMinor', 1),
    recipient: z.enum(PAYMENT_RECIPIENTS, { error: `recipient must be one of ${PAYMENT_RECIPIENTS.join(', ')}` }),
    commissionStatus: z.enum(COMMISSION_STATUSES, { error: 'commissionStatus must be Paid or Unpaid' }).optional(),
    reopenCase: z.boolean({ error: 'reopenCase must be true or false' }).optional(),
  })
  .refine((value) => value.recipient !== 'Creditor' || value.commissionStatus, {
    message: 'commissionStatus is required when the creditor received the payment',
    path: ['commissionStatus'],
  });

export const paymentDeleteSchema = z.object({
  reopenCase: z.boolean({ error: 'reopenCase must be true or false' }).optional(),
});

export const closeSchema = z
  .object({
    closeCode: z.enum(PARTNER_CLOSE_CODES as [string, ...string[]], {
      error: 'closeCode must be one of the partner close codes',
    }),
    comment: optionalText('comment', MAX_CLOSE_COMMENT),
  })
  .refine((value) => value.closeCode !== 'Other' || value.comment, {
    message: 'comment is required when closing as Other',
    path: ['comment'],
  });

export const noteSchema = z.object({
  text: z
    .string({ error: 'text is required' })
    .trim()
    .min(1, 'text is required')
    .max(MAX_NOTE, `text is at most ${MAX_NOTE} characters`),
  eventDate: pastDate('eventDate').optional(),
});

export const feesSchema = z.object({
  interestFeesMinor: minor('interestFeesMinor', 0),
  reminderFeesMinor: minor('reminderFeesMinor', 0),
  collectionFeesMinor: minor('collectionFeesMinor', 0),
  confirm: z.boolean({ error: 'confirm must be true or false' }).optional(),
});

export type AcceptInput = z.infer<typeof acceptSchema>;
export type PaymentInput = z.infer<typeof paymentSchema>;
export type PaymentEditInput = z.infer<typeof paymentEditSchema>;
export type CloseInput = z.infer<typeof closeSchema>;
export type NoteInput = z.infer<typeof noteSchema>;
export type FeesInput = z.infer<typeof feesSchema>;
