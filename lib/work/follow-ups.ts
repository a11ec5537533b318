import { z } from 'zod';
import { NotFoundError, ValidationError } from '@/lib/api/errors';
import { recordAudit } from '@/lib/audit/audit';
import { agencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday } from '@/lib/deadlines/business-time';
import { db } from '@/lib/db';
import { notifyLive } from '@/lib/live/notify';
import { lockCaseForWork, type Worker } from './case-access';
import { dateText, dateValue, isoDateSchema } from './dates';

/**
 * Follow-ups: "call back Tuesday" on a case, agency-internal. Each change is one transaction
 * with its timeline row, its audit entry and the live notice.
 */

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const MAX_NOTE_LENGTH = 2_000;

export const followUpInputSchema = z.object({
  dueDate: isoDateSchema,
  note: z
    .string({ error: 'note must be text' })
    .trim()
    .min(1, 'Write what to follow up.')
    .max(MAX_NOTE_LENGTH, `A note is at most ${MAX_NOTE_LENGTH} characters.`),
});

/** `{done: true}` or `{cancelled: true}`: a follow-up is closed once, either way. */
export const followUpPatchSchema = z.union([
  z.object({ done: z.literal(true) }).strict(),
  z.object({ cancelled: z.literal(true) }).strict(),
]);

export type FollowUpView = {
  id: string;
  dueDate: string;
  note: string;
  status: FollowUpStatus;
  createdAt: string;
  createdBy: string | null;
  closedAt: string | null;
};

const SELECT = {
  id: true,
  dueDate: true,
  note: true,
  status: true,
  createdAt: true,
  closedAt: true,
  creator: { select: { name: true, email: true } },
} as const;

type Row = {
  id: string;
  dueDate: Date;
  note: string;
  status: string;
  createdAt: Date;
  closedAt: Date | null;
  creator: { name: string; email: string } | null;
};

function toView(row: Row): FollowUpView {
  return {
    id: row.id,
    dueDate: dateText(row.dueDate),
    note: row.note,
    status: row.status as FollowUpStatus,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.creator ? row.creator.name || row.creator.email : null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export async function addFollowUp(
  worker: Worker,
  reference: string,
  input: z.infer<typeof followUpInputSchema>,
  now = new Date(),
): Promise<FollowUpView> {
  if (input.dueDate < agencyToday(now, agencyCalendar())) {
    throw new ValidationError('dueDate: a follow-up cannot be due in the past.');
  }
  return db.$transaction(async (tx) => {
    const found = await lockCaseForWork(tx, worker, reference);
    const row = await tx.followUp.create({
      data: { caseId: found.id, dueDate: dateValue(input.dueDate), note: input.note, createdBy: worker.id },
      select: SELECT,
    });
    const detail = { followUpId: row.id, dueDate: input.dueDate, note: input.note };
    await tx.caseEvent.create({
      data: { caseId: found.id, type: 'follow_up.added', at: now, actorId: worker.id, detail },
    });
    await recordAudit(
      { actor: worker, action: 'follow_up.added', targetType: 'case', targetId: found.reference, detail },
      tx,
    );
    await notifyLive(tx, 'work.changed', found.reference);
    return toView(row);
  });
}

/** Done or cancelled. Closing one already closed the same way changes nothing. */
export async function closeFollowUp(
  worker: Worker,
  reference: string,
  followUpId: string,
  status: Exclude<FollowUpStatus, 'open'>,
  now = new Date(),
): Promise<FollowUpView> {
  if (!z.uuid().safeParse(followUpId).success) throw new NotFoundError('No such follow-up.');
  return db.$transaction(async (tx) => {
    const found = await lockCaseForWork(tx, worker, reference);
    const current = await tx.followUp.findFirst({ where: { id: followUpId, caseId: found.id }, select: SELECT });
    if (!current) throw new NotFoundError('No such follow-up on this case.');
    if (current.status === status) return toView(current);
    if (current.status !== 'open') throw new ValidationError(`This follow-up is already ${current.status}.`);
    const row = await tx.followUp.update({
      where: { id: followUpId },
      data: { status, closedAt: now, closedBy: worker.id },
      select: SELECT,
    });
    const detail = { followUpId, dueDate: dateText(row.dueDate), note: row.note };
    await tx.caseEvent.create({
      data: { caseId: found.id, type: `follow_up.${status}`, at: now, actorId: worker.id, detail },
    });
    await recordAudit(
      { actor: worker, action: `follow_up.${status}`, targetType: 'case', targetId: found.reference, detail },
      tx,
    );
    await notifyLive(tx, 'work.changed', found.reference);
    return toView(row);
  });
}

/** A case's follow-ups, open ones first (soonest first), then the closed ones, newest first. */
export async function listFollowUps(caseId: string): Promise<FollowUpView[]> {
  const rows = await db.followUp.findMany({ where: { caseId }, select: SELECT });
  return rows
    .map(toView)
    .sort((a, b) =>
      a.status === 'open' && b.status === 'open'
        ? a.dueDate.localeCompare(b.dueDate)
        : a.status === 'open'
          ? -1
          : b.status === 'open'
            ? 1
            : (b.closedAt ?? '').localeCompare(a.closedAt ?? ''),
    );
}
