'use server';

import { revalidatePath } from 'next/cache';
import { HttpError } from '@/lib/api/errors';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { deliverSoon } from '@/lib/outbox/deliver';
import type { ActionView } from '@/lib/outbox/view';
import { parseForm, type FieldErrors } from './form-input';
import {
  ActionRefusedError,
  acceptCase,
  addProgressNote,
  changeFees,
  closeCase,
  deletePayment,
  editPayment,
  recordPayment,
  type Actor,
} from './perform';
import { resendAction, type Resend } from './resend';
import type { RefusalCode } from './rules';
import { acceptSchema, closeSchema, feesSchema, noteSchema, paymentEditSchema, paymentSchema } from './schemas';

/**
 * The case page's forms for acting on a case: the same schemas, rules and outbox as the JSON
 * API (perform.ts), answered as stable codes the forms word in the reader's language (the
 * `actions` catalog). Once stored, the action is sent right after the answer and the page
 * shows it as "sending to Debitura" until the outbox and Debitura's webhook move it on.
 */

export type ActionFailure = RefusalCode | 'forbidden' | 'not_found' | 'conflict' | 'failed';
export type ActionFormState = {
  status: 'idle' | 'stored' | 'error';
  fieldErrors: FieldErrors;
  failure: ActionFailure | null;
  actionId: string | null;
  storedAt: number;
};

const failed = (failure: ActionFailure | null, fieldErrors: FieldErrors = {}): ActionFormState => ({
  status: 'error',
  fieldErrors,
  failure,
  actionId: null,
  storedAt: 0,
});
/** Only fields are wrong: each says what, next to it. */
const invalid = (fieldErrors: FieldErrors) => failed(null, fieldErrors);

/** Runs one action for the signed-in user: stored, sent after the answer, the case page rendered again. */
async function act(reference: string, work: (actor: Actor) => Promise<ActionView>): Promise<ActionFormState> {
  const actor = await requirePermission('cases:act');
  let action: ActionView;
  try {
    action = await work(actor);
  } catch (error) {
    return failureOf(error);
  }
  deliverSoon(action.id);
  revalidatePath(`/cases/${encodeURIComponent(reference)}`);
  return { status: 'stored', fieldErrors: {}, failure: null, actionId: action.id, storedAt: Date.now() };
}

function failureOf(error: unknown): ActionFormState {
  if (error instanceof ActionRefusedError) return failed(error.refusal.code);
  if (error instanceof HttpError) {
    if (error.status === 403) return failed('forbidden');
    if (error.status === 404) return failed('not_found');
    if (error.status === 409) return failed('conflict');
    // The one field the schema cannot check: is the handler a Casedesk user?
    if (/^handlerEmail/.test(error.message)) return invalid({ handlerEmail: 'unknown_user' });
  }
  console.error('[case-actions] form action failed', error);
  return failed('failed');
}

/** The case's currency, for the amounts typed in it (null when the detail has not arrived). */
async function currencyOf(reference: string): Promise<string | null> {
  const found = await db.case.findUnique({ where: { reference }, select: { currency: true } });
  return found?.currency ?? null;
}

const FEE_AMOUNTS = {
  interestFeesMinor: { field: 'interestFees', allowZero: true },
  reminderFeesMinor: { field: 'reminderFees', allowZero: true },
  collectionFeesMinor: { field: 'collectionFees', allowZero: true },
};
const PAYMENT_FIELDS = {
  text: ['date', 'recipient', 'commissionStatus'],
  amounts: { amountMinor: { field: 'amount' } },
};

export async function acceptAction(reference: string, _previous: ActionFormState, formData: FormData) {
  const amounts = Object.fromEntries(
    Object.entries(FEE_AMOUNTS).map(([key, value]) => [key, { ...value, isOptional: true }]),
  );
  const parsed = parseForm(acceptSchema, formData, {
    text: ['welcomeMessage', 'handlerEmail', 'agencyReference'],
    amounts,
    currency: await currencyOf(reference),
  });
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return act(reference, (actor) => acceptCase(actor, reference, parsed.input));
}

export async function recordPaymentAction(reference: string, _previous: ActionFormState, formData: FormData) {
  const parsed = parseForm(paymentSchema, formData, {
    ...PAYMENT_FIELDS,
    flags: ['closeCase'],
    currency: await currencyOf(reference),
  });
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return act(reference, (actor) => recordPayment(actor, reference, parsed.input));
}

export async function editPaymentAction(
  input: { reference: string; paymentId: string },
  _previous: ActionFormState,
  formData: FormData,
) {
  const parsed = parseForm(paymentEditSchema, formData, {
    ...PAYMENT_FIELDS,
    currency: await currencyOf(input.reference),
  });
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return act(input.reference, (actor) => editPayment(actor, input.reference, input.paymentId, parsed.input));
}

/** Bound to the payment; the form's state and data are not needed (useActionState passes them after). */
export async function deletePaymentAction(input: { reference: string; paymentId: string }) {
  return act(input.reference, (actor) => deletePayment(actor, input.reference, input.paymentId, {}));
}

export async function closeCaseAction(reference: string, _previous: ActionFormState, formData: FormData) {
  const parsed = parseForm(closeSchema, formData, { text: ['closeCode', 'comment'] });
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return act(reference, (actor) => closeCase(actor, reference, parsed.input));
}

export async function progressNoteAction(reference: string, _previous: ActionFormState, formData: FormData) {
  const parsed = parseForm(noteSchema, formData, { text: ['text', 'eventDate'] });
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return act(reference, (actor) => addProgressNote(actor, reference, parsed.input));
}

export async function feesAction(reference: string, _previous: ActionFormState, formData: FormData) {
  const parsed = parseForm(feesSchema, formData, { amounts: FEE_AMOUNTS, currency: await currencyOf(reference) });
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  return act(reference, (actor) => changeFees(actor, reference, parsed.input));
}

/** Retry after Debitura could not be reached, or confirm what Debitura's 409 asked (actions.list). */
export async function resendActionAction(input: { reference: string; actionId: string; how: Resend }) {
  return act(input.reference, (actor) => resendAction(actor, input.reference, input.actionId, input.how));
}
