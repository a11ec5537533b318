import { recordAudit } from '@/lib/audit/audit';
import { db } from '@/lib/db';
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
