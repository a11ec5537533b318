import type { z } from 'zod';
import { parseAmountInput } from '@/lib/money/currency';

/**
 * The case page's forms send what people typed; this turns it into the input the JSON API
 * takes (amounts typed in the case's currency become minor units through the one money
 * parser) and checks it with the same schemas (schemas.ts). What is wrong comes back per
 * field as a stable code the form words in the reader's language (`actions` catalog,
 * `fieldErrors.*`), never as the schema's English sentence.
 */

export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'future_date',
  'invalid_date',
  'invalid_amount',
  'too_many_decimals',
  'not_positive',
  'unknown_user',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type FieldErrors = Partial<Record<string, FieldErrorCode>>;

export type Parsed<T> = { ok: true; input: T } | { ok: false; fieldErrors: FieldErrors };

type Amounts = Record<string, { field: string; isOptional?: boolean; allowZero?: boolean }>;

/** Text fields as typed ('' when absent), amounts as minor units, then the schema. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  options: { text?: string[]; flags?: string[]; amounts?: Amounts; currency?: string | null },
): Parsed<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  for (const name of options.text ?? []) {
    const value = String(formData.get(name) ?? '');
    if (value !== '') raw[name] = value;
  }
  for (const name of options.flags ?? []) {
    if (formData.get(name) === 'on' || formData.get(name) === 'true') raw[name] = true;
  }
  for (const [key, { field, isOptional, allowZero }] of Object.entries(options.amounts ?? {})) {
    const typed = String(formData.get(field) ?? '').trim();
    if (!typed) {
      if (!isOptional) fieldErrors[field] = 'required';
      continue;
    }
    const minor = parseAmount(typed, options.currency ?? null);
    if (typeof minor === 'string') fieldErrors[field] = minor;
    else if (minor === 0n && !allowZero) fieldErrors[field] = 'not_positive';
    else raw[key] = Number(minor);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = Object.entries(options.amounts ?? {}).find(([name]) => name === key)?.[1].field ?? key;
      fieldErrors[field] ??= raw[key] === undefined ? 'required' : fieldErrorOf(issue);
    }
  }
  if (Object.keys(fieldErrors).length || !result.success) return { ok: false, fieldErrors };
  return { ok: true, input: result.data };
}

function parseAmount(typed: string, currency: string | null): bigint | FieldErrorCode {
  if (!currency) return 'invalid_amount';
  try {
    return parseAmountInput(typed, currency);
  } catch (error) {
    return error instanceof RangeError && /decimals/.test(error.message) ? 'too_many_decimals' : 'invalid_amount';
  }
}

function fieldErrorOf(issue: z.core.$ZodIssue): FieldErrorCode {
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'required' : 'not_positive';
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'too_long' : 'invalid_amount';
  if (issue.code === 'invalid_format') return issue.format === 'email' ? 'unknown_user' : 'invalid_date';
  if (/future/.test(issue.message)) return 'future_date';
  if (/real date/.test(issue.message)) return 'invalid_date';
  if (/required/.test(issue.message)) return 'required';
  return 'invalid';
}
