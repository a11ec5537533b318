import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { can } from '@/lib/auth/permissions';
import { withConflictRetry } from '@/lib/database/conflict-retry';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { notifyLive } from '@/lib/live/notify';

/**
 * Assigning cases to a collector (or unassigning them), one or many, in one transaction:
 * the cases are locked, each one that changes gets an `assignment.changed` timeline row
 * (event_id null: a manual action, not a Debitura event) and an audit entry. Cases already
 * with that assignee are left alone, so repeating an assignment changes nothing.
 */

/** Why an assignment was refused: `assignment.refused.<code>` in the catalogs, filled with `values`. */
export type AssignmentRefusal = 'selectOne' | 'tooMany' | 'noSuchUser' | 'userDisabled' | 'cannotWork';

/** The message is English for the JSON API and logs; pages translate the code. */
export class AssignmentError extends Error {
  constructor(
    message: string,
    readonly code: AssignmentRefusal,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'AssignmentError';
  }
}

export const MAX_BULK_ASSIGN = 500;

export type AssignResult = { changed: number; unchanged: number; notFound: string[] };

type Person = { id: string; name: string };
type Tx = Prisma.TransactionClient;
type LockedCase = { id: string; reference: string; assignee_id: string | null; assignee_name: string | null };

/**
 * The assignment itself, for cases the caller has locked (FOR UPDATE) in its transaction: the
 * assignee changes, open pages hear of it, and each case that changed gets its timeline row and
 * audit entry. Accepting a case with a handler (lib/case-actions) assigns through here too.
 * Answers the cases that changed.
 */
export async function reassignLockedCases(
  tx: Tx,
  input: { actor: AuditActor; cases: LockedCase[]; assignee: Person | null; isBulk?: boolean },
): Promise<LockedCase[]> {
  const { actor, assignee } = input;
  const changing = input.cases.filter((row) => row.assignee_id !== (assignee?.id ?? null));
  if (!changing.length) return changing;
  await tx.$executeRaw`
    UPDATE cases SET assignee_id = ${assignee?.id ?? null}::uuid, updated_at = now()
    WHERE id = ANY(${changing.map((row) => row.id)}::uuid[])`;
  await notifyLive(
    tx,
    'case.assigned',
    changing.map((row) => row.reference),
  );
  for (const row of changing) {
    const from = row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null;
    const detail = { from, to: assignee };
    await tx.caseEvent.create({
      data: { caseId: row.id, eventId: null, type: 'assignment.changed', at: new Date(), actorId: actor.id, detail },
    });
    await recordAudit(
      {
        actor,
        action: assignee ? 'case.assigned' : 'case.unassigned',
        targetType: 'case',
        targetId: row.reference,
        detail: { ...detail, bulk: input.isBulk === true },
      },
      tx,
    );
  }
  return changing;
}

export async function assignCases(input: {
  actor: AuditActor;
  caseIds: string[];
  assigneeId: string | null;
}): Promise<AssignResult> {
  const caseIds = [...new Set(input.caseIds)];
  if (!caseIds.length) throw new AssignmentError('Select at least one case.', 'selectOne');
  if (caseIds.length > MAX_BULK_ASSIGN)
    throw new AssignmentError(`Assign at most ${MAX_BULK_ASSIGN} cases at a time.`, 'tooMany', {
      max: MAX_BULK_ASSIGN,
    });

  return withConflictRetry(() =>
    db.$transaction(
      async (tx) => {
        let assignee: Person | null = null;
        if (input.assigneeId) {
          // Locked too, so the user cannot be disabled halfway through the assignment.
          const [user] = await tx.$queryRaw<{ id: string; name: string; role: string; disabled_at: Date | null }[]>`
        SELECT id, name, role, disabled_at FROM users WHERE id = ${input.assigneeId}::uuid FOR SHARE`;
          if (!user) throw new AssignmentError('That user does not exist.', 'noSuchUser');
          if (user.disabled_at)
            throw new AssignmentError(`${user.name} is disabled and cannot take cases.`, 'userDisabled', {
              name: user.name,
            });
          if (!can(user, 'cases:read'))
            throw new AssignmentError(`${user.name} cannot work cases.`, 'cannotWork', { name: user.name });
          assignee = { id: user.id, name: user.name };
        }

        // In the one lock order for cases (lib/database/conflict-retry.ts), the applier's too.
        const cases = await tx.$queryRaw<
          { id: string; reference: string; assignee_id: string | null; assignee_name: string | null }[]
        >`
      SELECT c.id, c.reference, c.assignee_id, u.name AS assignee_name
      FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.id = ANY(${caseIds}::uuid[]) ORDER BY c.reference COLLATE "C" FOR UPDATE OF c`;
        const found = new Set(cases.map((row) => row.id));
        const changing = await reassignLockedCases(tx, {
          actor: input.actor,
          cases,
          assignee,
          isBulk: caseIds.length > 1,
        });
        return {
          changed: changing.length,
          unchanged: cases.length - changing.length,
          notFound: caseIds.filter((id) => !found.has(id)),
        };
        // A timeline row and an audit entry per case: more than Prisma's default 5 s for 500 cases on a busy machine.
      },
      { maxWait: 10_000, timeout: 60_000 },
    ),
  );
}
