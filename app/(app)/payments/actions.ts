'use server';

import { getFormatter, getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/audit';
import { deliverBatch, deliverSoon } from '@/lib/outbox/deliver';
import { requirePermission } from '@/lib/auth/session';
import { DATE_FORMATS } from '@/lib/payments/bank-csv';
import { MAX_REGISTER, registerBankLines } from '@/lib/payments/bank-register';
import { importBankStatement } from '@/lib/payments/import';
import { rematchOpenLines } from '@/lib/payments/matching';
import {
  confirmLineMatch,
  markReconciled,
  markUnreconciled,
  MAX_BULK,
  MAX_NOTE_LENGTH,
  ReconcileError,
  rejectLineMatch,
} from '@/lib/payments/reconcile';

/**
 * The reconciliation page's server actions. Each checks the permission again (an action is
 * a public endpoint), validates its input with zod and answers with a message for the page.
 */

export type ActionState = { status: 'idle' | 'ok' | 'error'; message?: string };

/** A refused action in the reader's language: the domain's error code, or the form field that failed. */
async function failure(error: unknown): Promise<ActionState> {
  const t = await getTranslations('payments.errors');
  if (error instanceof ReconcileError)
    return { status: 'error', message: t(error.code as never, error.values as never) };
  if (error instanceof z.ZodError) {
    const messages = error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      if (field === 'paymentIds') return issue.code === 'too_big' ? t('tooMany', { max: MAX_BULK }) : t('selectOne');
      if (field === 'note') return t('noteTooLong', { max: MAX_NOTE_LENGTH });
      return t('invalidInput');
    });
    return { status: 'error', message: [...new Set(messages)].join(' ') };
  }
  throw error;
}

const bulkSchema = z.object({
  paymentIds: z.array(z.uuid()).min(1).max(MAX_BULK),
  note: z.string().trim().max(MAX_NOTE_LENGTH),
  intent: z.enum(['reconcile', 'unreconcile']),
});

export async function reconcilePaymentsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('payments:reconcile');
  let state: ActionState;
  try {
    const input = bulkSchema.parse({
      paymentIds: formData.getAll('paymentId'),
      note: formData.get('note') ?? '',
      intent: formData.get('intent'),
    });
    const apply = input.intent === 'reconcile' ? markReconciled : markUnreconciled;
    const result = await apply({ actor: user, paymentIds: input.paymentIds, note: input.note || null });
    const t = await getTranslations('payments.reconcile');
    const done = t(input.intent === 'reconcile' ? 'marked' : 'undone', { count: result.changed });
    const reasons = [...new Set(result.skipped.map((entry) => t(`reason.${entry.reason}`)))].join(', ');
    const skipped = result.skipped.length ? ` ${t('skipped', { count: result.skipped.length, reasons })}` : '';
    state = { status: result.changed ? 'ok' : 'error', message: `${done}${skipped}` };
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/payments');
  return state;
}

const mappingSchema = z.object({
  date: z.string().min(1).max(200),
  amount: z.string().min(1).max(200),
  currency: z.string().max(200),
  fixedCurrency: z.string().max(3),
  reference: z.string().min(1).max(200),
  dateFormat: z.enum(DATE_FORMATS),
  decimalSeparator: z.enum(['.', ',']),
});

const importSchema = z.object({
  fileName: z.string().max(255).nullable(),
  text: z.string().min(1),
  mapping: mappingSchema,
});

export type ImportActionState = ActionState & { importId?: string };

/** Imports the statement and opens its matches; the file text comes from the page, parsed again here. */
export async function importStatementAction(input: z.input<typeof importSchema>): Promise<ImportActionState> {
  const user = await requirePermission('payments:reconcile');
  const t = await getTranslations('import');
  const parsed = importSchema.safeParse(input);
  if (!parsed.success) {
    const isEmpty = parsed.error.issues.some((issue) => issue.path[0] === 'text');
    return { status: 'error', message: isEmpty ? t('problems.emptyFile') : t('problems.unreadable') };
  }
  const result = await importBankStatement({ actor: user, ...parsed.data });
  if (result.status === 'invalid')
    return { status: 'error', message: t(`problems.${result.error.code}` as never, result.error.values as never) };
  if (result.status === 'already-imported') {
    const format = await getFormatter();
    return {
      status: 'error',
      importId: result.importId,
      message: t('wizard.alreadyImported', { date: format.dateTime(result.importedAt, { dateStyle: 'medium' }) }),
    };
  }
  revalidatePath('/payments');
  redirect(`/payments/imports/${result.importId}`);
}

const lineSchema = z.object({ lineId: z.uuid(), paymentId: z.uuid().optional(), importId: z.uuid() });

export async function confirmMatchAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('payments:reconcile');
  let importId: string;
  try {
    const input = lineSchema.parse({
      lineId: formData.get('lineId'),
      paymentId: formData.get('paymentId') || undefined,
      importId: formData.get('importId'),
    });
    importId = input.importId;
    await confirmLineMatch({ actor: user, lineId: input.lineId, paymentId: input.paymentId });
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/payments');
  // Back to the list of lines (closing the correction panel, if it was open).
  redirect(`/payments/imports/${importId}`);
}

export async function rejectMatchAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('payments:reconcile');
  let importId: string;
  try {
    const input = lineSchema.parse({ lineId: formData.get('lineId'), importId: formData.get('importId') });
    importId = input.importId;
    await rejectLineMatch({ actor: user, lineId: input.lineId });
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/payments');
  redirect(`/payments/imports/${importId}`);
}

export async function rematchAction(): Promise<ActionState> {
  const user = await requirePermission('payments:reconcile');
  const suggested = await rematchOpenLines();
  await recordAudit({ actor: user, action: 'bank_lines.rematched', targetType: 'bank_line', detail: { suggested } });
  revalidatePath('/payments');
  const t = await getTranslations('import.result');
  return { status: 'ok', message: t('newSuggestions', { count: suggested }) };
}

const registerSchema = z.object({ lineIds: z.array(z.uuid()).min(1).max(MAX_REGISTER) });

/**
 * "Register with Debitura" for one line (its row button) or the selected ones: each becomes a
 * payment action in the outbox; the page then shows each line's way to reconciled.
 */
export async function registerBankLinesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requirePermission('payments:reconcile');
  const t = await getTranslations('payments.register');
  const parsed = registerSchema.safeParse({ lineIds: formData.getAll('lineId') });
  if (!parsed.success) {
    const isTooMany = parsed.error.issues.some((issue) => issue.code === 'too_big');
    return { status: 'error', message: isTooMany ? t('tooMany', { max: MAX_REGISTER }) : t('selectOne') };
  }
  const result = await registerBankLines(user, parsed.data.lineIds);
  if (result.registered.length === 1) deliverSoon(result.registered[0].actionId);
  else if (result.registered.length) deliverBatch();
  const reasons = [
    ...new Set(
      result.skipped.map((entry) =>
        entry.reason === 'refused' && entry.message ? entry.message : t(`reason.${entry.reason}`),
      ),
    ),
  ].join(' ');
  const message = [
    result.registered.length ? t('registered', { count: result.registered.length }) : null,
    result.skipped.length ? t('skipped', { count: result.skipped.length, reasons }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  revalidatePath('/payments', 'layout');
  return { status: result.registered.length ? 'ok' : 'error', message };
}
