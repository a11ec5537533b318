import { z } from 'zod';
import { optionalText } from '@/lib/validation/search-params';
import { isCurrencyCode } from '@/lib/money/currency';
import { PAYMENT_RECIPIENTS } from './recipients';

/**
 * The /payments filters as they appear in the URL (and in the CSV export's URL): one schema,
 * so the export is exactly the list on screen.
 */

export const RECONCILIATION_STATUSES = ['unreconciled', 'matched', 'reconciled', 'needs_review'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const day = optionalText(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a real day'),
);

const schema = z.object({
  status: z.enum(RECONCILIATION_STATUSES).optional(),
  recipient: z.enum(PAYMENT_RECIPIENTS).optional(),
  currency: optionalText(
    z
      .string()
      .transform((value) => value.toUpperCase())
      .refine(isCurrencyCode, 'an ISO 4217 code like EUR'),
  ),
  from: day,
  to: day,
  /** The case's assignee: `unassigned` or a user id. */
  collector: optionalText(z.union([z.literal('unassigned'), z.uuid()])),
  /** A case reference, exactly. */
  case: optionalText(z.string().max(60)),
  deleted: z.enum(['exclude', 'only']).optional(),
  isTest: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: optionalText(z.string().max(200)),
});

export type PaymentQuery = z.output<typeof schema>;
export type PaymentFilter = Omit<PaymentQuery, 'limit' | 'cursor'>;

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(input: Input): Record<string, string> {
  const record: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '' && key in schema.shape) record[key] = first;
  }
  return record;
}

/** Bad parameters are dropped and named, so a stale link still shows payments and says what it ignored. */
export function parsePaymentQuery(input: Input): { query: PaymentQuery; ignored: string[] } {
  const record = toRecord(input);
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = schema.safeParse(record);
    if (result.success) return { query: result.data, ignored };
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key in record) {
        ignored.push(key);
        delete record[key];
      }
    }
  }
  return { query: schema.parse({}), ignored };
}

export function paymentSearchParams(query: Partial<PaymentQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['status', 'recipient', 'currency', 'from', 'to', 'collector', 'case', 'deleted'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.isTest) params.set('isTest', 'true');
  if (query.limit && query.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  return params;
}
