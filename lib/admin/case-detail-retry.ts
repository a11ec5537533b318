import { recordAudit } from '@/lib/audit/audit';
import { db } from '@/lib/db';
import { failure, type FormState } from './form-state';
import type { Actor } from './user-admin';

/**
 * An admin's "retry now" for a case whose detail fetch failed or waits after an error (a new
 * API key was just set, the case now exists at Debitura): due at once, with a fresh count of
 * attempts. The background fetcher (lib/jobs/case-detail.ts) picks it up on its next poll.
 * Audited as `cases.detail_retried`.
 */
export async function retryCaseDetail(caseId: string, actor: Actor | null): Promise<boolean> {
  const updated = await db.case.updateMany({
    where: { id: caseId, detailStatus: { in: ['pending', 'failed'] } },
    data: { detailStatus: 'pending', detailAttempts: 0, detailNextAttemptAt: new Date() },
  });
  if (!updated.count) return false;
  await recordAudit({ actor, action: 'cases.detail_retried', targetType: 'case', targetId: caseId });
  return true;
}

export async function retryCaseDetailFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const id = formData.get('id');
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return failure('Say which case to retry.');
  const isRetried = await retryCaseDetail(id, actor);
  return isRetried
    ? { status: 'success', message: 'The case detail will be fetched again in a moment.' }
    : failure('That case has no detail fetch to retry.');
}
