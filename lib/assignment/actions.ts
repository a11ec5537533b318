'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/session';
import { assignCases, AssignmentError, MAX_BULK_ASSIGN } from './assign';

/**
 * The server action behind the bulk-assign bar on /cases and the assign control on a case
 * page. `assigneeId` empty means unassign.
 */

export type AssignState = { status: 'idle' | 'ok' | 'error'; message?: string };

const schema = z.object({
  caseIds: z
    .array(z.uuid())
    .min(1, 'Select at least one case.')
    .max(MAX_BULK_ASSIGN, `Select at most ${MAX_BULK_ASSIGN} cases.`),
  assigneeId: z.union([z.literal(''), z.uuid()]),
});

export async function assignCasesAction(_previous: AssignState, formData: FormData): Promise<AssignState> {
  const user = await requirePermission('cases:assign');
  const parsed = schema.safeParse({ caseIds: formData.getAll('caseId'), assigneeId: formData.get('assigneeId') ?? '' });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues.map((issue) => issue.message).join(' ') };
  const { caseIds, assigneeId } = parsed.data;
  let state: AssignState;
  try {
    const result = await assignCases({ actor: user, caseIds, assigneeId: assigneeId || null });
    const verb = assigneeId ? 'Assigned' : 'Unassigned';
    const parts = [`${verb} ${result.changed} case${result.changed === 1 ? '' : 's'}.`];
    if (result.unchanged) parts.push(`${result.unchanged} already ${assigneeId ? 'had that assignee' : 'unassigned'}.`);
    if (result.notFound.length) parts.push(`${result.notFound.length} no longer exist.`);
    state = { status: 'ok', message: parts.join(' ') };
  } catch (error) {
    if (error instanceof AssignmentError) return { status: 'error', message: error.message };
    throw error;
  }
  // The list, every case page and the team's workload show assignees.
  revalidatePath('/cases', 'layout');
  revalidatePath('/team');
  return state;
}
