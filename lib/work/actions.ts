'use server';

import { revalidatePath } from 'next/cache';
import { HttpError } from '@/lib/api/errors';
import { requirePermission } from '@/lib/auth/session';
import { toMinorUnits } from '@/lib/money/currency';
import { addFollowUp, closeFollowUp, followUpInputSchema } from './follow-ups';
import { addInternalNote, internalNoteSchema } from './internal-notes';
import { addPromise, cancelPromise, promiseInputSchema } from './promises';

/**
 * The case page's and the queue's forms. Each answers a stable error code the form words in
 * the reader's language (the `queue` catalog's `errors.*`), never an English sentence.
 */

export type WorkErrorCode = 'invalid' | 'past_date' | 'forbidden' | 'not_found' | 'conflict' | 'failed';
export type WorkFormState = { status: 'idle' | 'saved' | 'error'; error: WorkErrorCode | null; savedAt: number };

const saved = (reference: string): WorkFormState => {
  revalidatePath(`/cases/${encodeURIComponent(reference)}`);
  revalidatePath('/queue');
  return { status: 'saved', error: null, savedAt: Date.now() };
};

function failed(error: unknown): WorkFormState {
  const fail = (code: WorkErrorCode): WorkFormState => ({ status: 'error', error: code, savedAt: 0 });
  if (error instanceof HttpError) {
    if (error.status === 403) return fail('forbidden');
    if (error.status === 404) return fail('not_found');
    if (/past/.test(error.message)) return fail('past_date');
    if (/already|kept/.test(error.message)) return fail('conflict');
    return fail('invalid');
  }
  console.error(error);
  return fail('failed');
}

const text = (formData: FormData, name: string) => String(formData.get(name) ?? '');

export async function addFollowUpAction(reference: string, _previous: WorkFormState, formData: FormData) {
  const worker = await requirePermission('cases:read');
  const parsed = followUpInputSchema.safeParse({ dueDate: text(formData, 'dueDate'), note: text(formData, 'note') });
  if (!parsed.success) return failed(new HttpError(422, 'invalid', 'invalid'));
  try {
    await addFollowUp(worker, reference, parsed.data);
  } catch (error) {
    return failed(error);
  }
  return saved(reference);
}

export async function closeFollowUpAction(reference: string, _previous: WorkFormState, formData: FormData) {
  const worker = await requirePermission('cases:read');
  const status = text(formData, 'status') === 'cancelled' ? 'cancelled' : 'done';
  try {
    await closeFollowUp(worker, reference, text(formData, 'id'), status);
  } catch (error) {
    return failed(error);
  }
  return saved(reference);
}

export async function addPromiseAction(
  input: { reference: string; currency: string },
  _previous: WorkFormState,
  formData: FormData,
) {
  const worker = await requirePermission('cases:read');
  let amountMinor: number;
  try {
    // The one money parser: "500", "500.50" in the case's currency.
    amountMinor = Number(toMinorUnits(text(formData, 'amount'), input.currency));
  } catch {
    return failed(new HttpError(422, 'invalid', 'invalid'));
  }
  const parsed = promiseInputSchema.safeParse({ amountMinor, dueDate: text(formData, 'dueDate') });
  if (!parsed.success) return failed(new HttpError(422, 'invalid', 'invalid'));
  try {
    await addPromise(worker, input.reference, parsed.data);
  } catch (error) {
    return failed(error);
  }
  return saved(input.reference);
}

export async function cancelPromiseAction(reference: string, _previous: WorkFormState, formData: FormData) {
  const worker = await requirePermission('cases:read');
  try {
    await cancelPromise(worker, reference, text(formData, 'id'));
  } catch (error) {
    return failed(error);
  }
  return saved(reference);
}

export async function addInternalNoteAction(reference: string, _previous: WorkFormState, formData: FormData) {
  const worker = await requirePermission('cases:read');
  const parsed = internalNoteSchema.safeParse({ text: text(formData, 'text'), internal: true });
  if (!parsed.success) return failed(new HttpError(422, 'invalid', 'invalid'));
  try {
    await addInternalNote(worker, reference, parsed.data.text);
  } catch (error) {
    return failed(error);
  }
  return saved(reference);
}
