import { z } from 'zod';
import { recordAudit } from '@/lib/audit/audit';
import { db } from '@/lib/db';
import { notifyLive } from '@/lib/live/notify';
import { lockCaseForWork, type Worker } from './case-access';

/**
 * Internal notes: the agency's own remarks on a case, never sent to Debitura. They live in
 * the timeline as `note.internal` rows, apart from the progress notes that do go to Debitura.
 */

export const INTERNAL_NOTE_TYPE = 'note.internal';
export const MAX_INTERNAL_NOTE_LENGTH = 5_000;

export const internalNoteSchema = z.object({
  text: z
    .string({ error: 'text must be text' })
    .trim()
    .min(1, 'Write the note first.')
    .max(MAX_INTERNAL_NOTE_LENGTH, `A note is at most ${MAX_INTERNAL_NOTE_LENGTH} characters.`),
  internal: z.literal(true),
});

export type InternalNoteView = { id: string; text: string; at: string; internal: true };

export async function addInternalNote(
  worker: Worker,
  reference: string,
  text: string,
  now = new Date(),
): Promise<InternalNoteView> {
  return db.$transaction(async (tx) => {
    const found = await lockCaseForWork(tx, worker, reference);
    const event = await tx.caseEvent.create({
      data: { caseId: found.id, type: INTERNAL_NOTE_TYPE, at: now, actorId: worker.id, detail: { text } },
      select: { id: true },
    });
    // The audit entry says a note was written, not what: the text stays on the case.
    await recordAudit(
      {
        actor: worker,
        action: 'case.note.internal',
        targetType: 'case',
        targetId: found.reference,
        detail: { eventId: event.id },
      },
      tx,
    );
    await notifyLive(tx, 'work.changed', found.reference);
    return { id: event.id, text, at: now.toISOString(), internal: true };
  });
}
