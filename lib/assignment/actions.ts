'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requirePermission } from '@/lib/auth/session';
import { assignCases, AssignmentError, MAX_BULK_ASSIGN } from './assign';

/**
 * The server action behind the bulk-assign bar on /cases and the assign control on a case
 * page. `assigneeId` empty means unassign. Messages are in the reader's language.
 */

export type AssignState = { status: 'idle' | 'ok' | 'error'; message?: string };

const schema = z.object({
  caseIds: z.array(z.uuid()).min(1).max(MAX_BULK_ASSIGN),
  assigneeId: z.union([z.literal(''), z.uuid()]),
});

export async function assignCasesAction(_previous: AssignState, formData: FormData): Promise<AssignState> {
  const user = await requirePermission('cases:assign');
  const t = await getTranslations('assignment.result');
  const parsed = schema.safeParse({ caseIds: formData.getAll('caseId'), assigneeId: formData.get('assigneeId') ?? '' });
  if (!parsed.success) {
    const caseIssue = parsed.error.issues.find((issue) => issue.path[0] === 'caseIds' && issue.path.length === 1);
    const message =
      caseIssue?.code === 'too_small'
        ? t('selectOne')
        : caseIssue?.code === 'too_big'
          ? t('tooMany', { max: MAX_BULK_ASSIGN })
          : t('invalid');
    return { status: 'error', message };
  }
  const { caseIds, assigneeId } = parsed.data;
  let state: AssignState;
  try {
    const result = await assignCases({ actor: user, caseIds, assigneeId: assigneeId || null });
    const parts = [assigneeId ? t('assigned', { count: result.changed }) : t('unassigned', { count: result.changed })];
    if (result.unchanged) {
      parts.push(
        assigneeId
          ? t('alreadyAssigned', { count: result.unchanged })
          : t('alreadyUnassigned', { count: result.unchanged }),
      );
    }
    if (result.notFound.length) parts.push(t('gone', { count: result.notFound.length }));
    state = { status: 'ok', message: parts.join(' ') };
  } catch (error) {
    if (error instanceof AssignmentError) {
      const refused = await getTranslations('assignment.refused');
      return { status: 'error', message: refused(error.code, error.values) };
    }
    throw error;
  }
  // The list, every case page and the team's workload show assignees.
  revalidatePath('/cases', 'layout');
  revalidatePath('/team');
  return state;
}
