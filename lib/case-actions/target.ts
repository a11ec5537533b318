import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * The case an action is about, locked for the rest of the transaction so two actions on one
 * case (two closes, an accept racing a payment) are judged one after the other. Who may act
 * on it is the rule for reading it: a collector on the cases they can see (theirs and the
 * unassigned), managers and admins on all.
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
    FROM cases WHERE reference = ${reference} FOR UPDATE`;
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canViewCase(viewer, found.assignee_id)) throw new ForbiddenError('This case is assigned to another collector.');
  const [pending] = await tx.$queryRaw<{ unconfirmed: bigint | null; kinds: string[] | null }[]>`
    SELECT (sum((payload->>'amountMinor')::bigint) FILTER (WHERE kind = 'payment_create'))::bigint AS unconfirmed,
           array_agg(DISTINCT kind) AS kinds
    FROM outbound_actions WHERE case_id = ${found.id}::uuid AND status IN ('pending', 'sent')`;
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
    unconfirmedPaidMinor: pending?.unconfirmed ?? 0n,
    inFlightKinds: pending?.kinds ?? [],
  };
}
