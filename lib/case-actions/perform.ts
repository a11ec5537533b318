import { ConflictError, NotFoundError, ValidationError } from '@/lib/api/errors';
import { reassignLockedCases } from '@/lib/assignment/assign';
import type { AuditActor } from '@/lib/audit/audit';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/cases/visibility';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActionKind, ActionPayloads } from '@/lib/outbox/kinds';
import { claimBankLine } from '@/lib/outbox/bank-lines';
import { storeAction } from '@/lib/outbox/store';
import type { ActionView } from '@/lib/outbox/view';
import { acceptRule, closeRule, feesRule, noteRule, paymentChangeRule, paymentRule, type Refusal } from './rules';
import type { AcceptInput, CloseInput, FeesInput, NoteInput, PaymentEditInput, PaymentInput } from './schemas';
import { lockTarget, type ActionTarget } from './target';

/**
 * The actions a collector takes on a case, for the JSON API and the case page alike: the case
 * is locked, the actor's right to act and the case's state are checked, and the action is
 * stored in the outbox (with its audit entry) in one transaction. Anything refused raises
 * before the store, so nothing is stored or sent. The caller then asks for delivery
 * (deliverSoon) and answers at once.
 */

export type Actor = Viewer & { email: string };

type Build<K extends ActionKind> = (
  tx: Prisma.TransactionClient,
  target: ActionTarget,
) => Promise<{ payload: ActionPayloads[K]; bankLineId?: string }>;

/** What must be stored with the action, in its transaction (a document's file). */
type AfterStore = (tx: Prisma.TransactionClient, action: ActionView) => Promise<void>;

export async function perform<K extends ActionKind>(
  actor: Actor,
  reference: string,
  kind: K,
  build: Build<K>,
  afterStore?: AfterStore,
) {
  return db.$transaction(async (tx) => {
    const target = await lockTarget(tx, actor, reference);
    const { payload, ...links } = await build(tx, target);
    const action = await storeAction(tx, { caseId: target.id, kind, payload, actor: auditActor(actor), ...links });
    await afterStore?.(tx, action);
    return action;
  });
}

const auditActor = (actor: Actor): AuditActor => ({ id: actor.id, email: actor.email });

/** A 409 whose refusal code the case page words in the reader's language. */
export class ActionRefusedError extends ConflictError {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

function allow(refusal: Refusal | null): void {
  if (refusal) throw new ActionRefusedError(refusal);
}

/**
 * Accepting names the case's handler at Debitura (the actor unless another is chosen), and the
 * handler becomes the case's assignee here too, in the same transaction, so the case lands in
 * that person's queue at once.
 */
export function acceptCase(actor: Actor, reference: string, input: AcceptInput): Promise<ActionView> {
  return perform(actor, reference, 'accept', async (tx, target) => {
    allow(acceptRule(target));
    const handler = await tx.user.findFirst({
      where: input.handlerEmail ? { email: input.handlerEmail.toLowerCase(), disabledAt: null } : { id: actor.id },
      select: { id: true, name: true, email: true, role: true },
    });
    if (!handler || !can(handler, 'cases:read'))
      throw new ValidationError(`handlerEmail: no active Casedesk user has the email ${input.handlerEmail}`);
    if (input.agencyReference) {
      const taken = await tx.case.findFirst({
        where: { agencyReference: input.agencyReference, NOT: { id: target.id } },
        select: { reference: true },
      });
      if (taken)
        allow({
          code: 'reference_taken',
          message: `The agency reference ${input.agencyReference} is already used by case ${taken.reference}.`,
        });
      // The agency's reference finds the case in search from now on.
      await tx.case.update({ where: { id: target.id }, data: { agencyReference: input.agencyReference } });
    }
    const current = target.assigneeId
      ? await tx.user.findUnique({ where: { id: target.assigneeId }, select: { name: true } })
      : null;
    await reassignLockedCases(tx, {
      actor: auditActor(actor),
      cases: [
        {
          id: target.id,
          reference: target.reference,
          assignee_id: target.assigneeId,
          assignee_name: current?.name ?? null,
        },
      ],
      assignee: { id: handler.id, name: handler.name },
    });
    const hasFees = [input.interestFeesMinor, input.reminderFeesMinor, input.collectionFeesMinor].some(
      (fee) => fee !== undefined,
    );
    if (hasFees && !target.currency)
      allow({ code: 'currency_unknown', message: "The case's currency is not known yet, so fees cannot be set." });
    return {
      payload: {
        welcomeMessage: input.welcomeMessage,
        userEmail: actor.email,
        assignedUserEmail: handler.email,
        ...(input.agencyReference ? { collectionPartnerReference: input.agencyReference } : {}),
        ...(hasFees
          ? {
              currency: target.currency!,
              fees: {
                interestMinor: String(input.interestFeesMinor ?? 0),
                reminderMinor: String(input.reminderFeesMinor ?? 0),
                collectionMinor: String(input.collectionFeesMinor ?? 0),
              },
            }
          : {}),
      },
    };
  });
}

export function recordPayment(
  actor: Actor,
  reference: string,
  input: PaymentInput,
  options: { bankLineId?: string } = {},
): Promise<ActionView> {
  return perform(actor, reference, 'payment_create', async (tx, target) => {
    allow(paymentRule(target, BigInt(input.amountMinor), input.closeCase === true));
    if (options.bankLineId) await claimBankLine(tx, options.bankLineId);
    return {
      payload: {
        date: input.date,
        amountMinor: String(input.amountMinor),
        currency: target.currency!,
        recipient: input.recipient,
        ...(input.recipient === 'Creditor' ? { commissionStatus: input.commissionStatus } : {}),
        ...(input.closeCase ? { closeCase: true } : {}),
      },
      bankLineId: options.bankLineId,
    };
  });
}

/** The payment by Debitura's id or Casedesk's own, on this case only, not deleted. */
async function findPayment(tx: Prisma.TransactionClient, target: ActionTarget, paymentId: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(paymentId);
  const payment = await tx.payment.findFirst({
    where: {
      caseId: target.id,
      isDeleted: false,
      OR: [{ debituraPaymentId: paymentId }, ...(isUuid ? [{ id: paymentId }] : [])],
    },
    select: { debituraPaymentId: true },
  });
  if (!payment) throw new NotFoundError(`No payment ${paymentId} on case ${target.reference}.`);
  return payment.debituraPaymentId;
}

export function editPayment(
  actor: Actor,
  reference: string,
  paymentId: string,
  input: PaymentEditInput,
): Promise<ActionView> {
  return perform(actor, reference, 'payment_update', async (tx, target) => {
    allow(paymentChangeRule(target));
    const debituraPaymentId = await findPayment(tx, target, paymentId);
    return {
      payload: {
        debituraPaymentId,
        date: input.date,
        amountMinor: String(input.amountMinor),
        currency: target.currency!,
        recipient: input.recipient,
        ...(input.recipient === 'Creditor' ? { commissionStatus: input.commissionStatus } : {}),
        ...(input.reopenCase ? { reopenCaseIfNeeded: true } : {}),
      },
    };
  });
}

export function deletePayment(
  actor: Actor,
  reference: string,
  paymentId: string,
  input: { reopenCase?: boolean },
): Promise<ActionView> {
  return perform(actor, reference, 'payment_delete', async (tx, target) => {
    allow(paymentChangeRule(target));
    const debituraPaymentId = await findPayment(tx, target, paymentId);
    return { payload: { debituraPaymentId, ...(input.reopenCase ? { reopenCaseIfNeeded: true } : {}) } };
  });
}

export function closeCase(actor: Actor, reference: string, input: CloseInput): Promise<ActionView> {
  return perform(actor, reference, 'close', async (_tx, target) => {
    allow(closeRule(target, input.closeCode));
    return { payload: { closeCode: input.closeCode, ...(input.comment ? { comment: input.comment } : {}) } };
  });
}

export function addProgressNote(actor: Actor, reference: string, input: NoteInput): Promise<ActionView> {
  return perform(actor, reference, 'progress_note', async (_tx, target) => {
    allow(noteRule(target));
    return { payload: { text: input.text, ...(input.eventDate ? { eventDate: input.eventDate } : {}) } };
  });
}

export function changeFees(actor: Actor, reference: string, input: FeesInput): Promise<ActionView> {
  return perform(actor, reference, 'fees', async (_tx, target) => {
    allow(feesRule(target));
    return {
      payload: {
        interestMinor: String(input.interestFeesMinor),
        reminderMinor: String(input.reminderFeesMinor),
        collectionMinor: String(input.collectionFeesMinor),
        currency: target.currency!,
        ...(input.confirm ? { confirmPriceChange: true } : {}),
      },
    };
  });
}
