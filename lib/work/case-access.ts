import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Whoever writes a follow-up, promise or note: a viewer with an email for the audit log. */
export type Worker = Viewer & { email: string };

export type LockedCase = { id: string; reference: string; currency: string | null };

/**
 * The case a collector is working on, locked for the write (so an assignment cannot slip in
 * between the check and the write). Same rule as reading it: their own cases and unassigned
 * ones; managers any.
 */
export async function lockCaseForWork(
  tx: Prisma.TransactionClient,
  worker: Worker,
  reference: string,
): Promise<LockedCase> {
  const [found] = await tx.$queryRaw<(LockedCase & { assignee_id: string | null })[]>`
    SELECT id, reference, currency, assignee_id FROM cases WHERE reference = ${reference} FOR UPDATE`;
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canViewCase(worker, found.assignee_id)) throw new ForbiddenError('This case is assigned to another collector.');
  return { id: found.id, reference: found.reference, currency: found.currency };
}
