import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/cases/visibility';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { paymentArrivedSql } from '@/lib/outbox/confirm';
import { canActOnCase } from './permission';

/**
 * The case an action is about, locked for the rest of the transaction so two actions on one
 * case (two closes, an accept racing a payment) are judged one after the other. Who may act
 * on it: permission.ts (the case page asks the same question before it shows any form).
 */
export type ActionTarget = {
  id: string;
  reference: string;
  state: string | null;
  closeCode: string | null;
  currency: string | null;
  assigneeId: string | null;
  originalMinor: bigint | null;
  feesMinor: bigint | null;
  paidMinor: bigint;
  /** Payments stored for Debitura but not yet arrived back as payment.created. */
  unconfirmedPaidMinor: bigint;
  /** Actions of these kinds still on their way (pending or sent, not confirmed). */
  inFlightKinds: string[];
};

export async function lockTarget(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  reference: string,
): Promise<ActionTarget> {
  if (!can(viewer, 'cases:act')) throw new ForbiddenError('Your role cannot act on cases.');
  const found = await readTarget(tx, reference, true);
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canActOnCase(viewer, found.assigneeId)) throw new ForbiddenError('This case is assigned to another collector.');
  return found;
}

/**
 * The same case as the rules see it, unlocked, for the case page to decide which forms to
 * offer: null when the viewer may not act on it (or there is no such case).
 */
export async function getActionTarget(viewer: Viewer, reference: string): Promise<ActionTarget | null> {
  const found = await readTarget(db, reference, false);
  return found && canActOnCase(viewer, found.assigneeId) ? found : null;
}

type Reader = Pick<Prisma.TransactionClient, '$queryRaw'>;

async function readTarget(tx: Reader, reference: string, isLocked: boolean): Promise<ActionTarget | null> {
  const [found] = await tx.$queryRaw<
    {
      id: string;
      reference: string;
      state: string | null;
      close_code: string | null;
      currency: string | null;
      assignee_id: string | null;
      original_amount_minor: bigint | null;
      added_fees_minor: bigint | null;
      paid_minor: bigint;
    }[]
  >`SELECT id, reference, state, close_code, currency, assignee_id, original_amount_minor, added_fees_minor, paid_minor
    FROM cases WHERE reference = ${reference} ${isLocked ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  if (!found) return null;
  const pending = await readPending(tx, found.id);
  return {
    id: found.id,
    reference: found.reference,
    state: found.state,
    closeCode: found.close_code,
    currency: found.currency,
    assigneeId: found.assignee_id,
    originalMinor: found.original_amount_minor,
    feesMinor: found.added_fees_minor,
    paidMinor: found.paid_minor,
    ...pending,
  };
}

export type PendingActions = Pick<ActionTarget, 'unconfirmedPaidMinor' | 'inFlightKinds'>;

/** What is on its way to Debitura for a case: the balance shows these payments apart from confirmed ones. */
export async function getPendingActions(caseId: string): Promise<PendingActions> {
  return readPending(db, caseId);
}

async function readPending(tx: Reader, caseId: string): Promise<PendingActions> {
  // A sent payment whose payment.created has arrived counts among the case's payments already,
  // in the moment before the sender marks it confirmed.
  const [pending] = await tx.$queryRaw<{ unconfirmed: bigint | null; kinds: string[] | null }[]>`
    SELECT (sum((a.payload->>'amountMinor')::bigint)
              FILTER (WHERE a.kind = 'payment_create' AND NOT ${paymentArrivedSql(Prisma.raw('a'))}))::bigint
             AS unconfirmed,
           array_agg(DISTINCT a.kind) AS kinds
    FROM outbound_actions a WHERE a.case_id = ${caseId}::uuid AND a.status IN ('pending', 'sent')`;
  return { unconfirmedPaidMinor: pending?.unconfirmed ?? 0n, inFlightKinds: pending?.kinds ?? [] };
}
