'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/session';
import { CASE_DETAIL_JOB } from '@/lib/jobs/case-detail';
import { kickJob } from '@/lib/jobs/runner';
import { retryCaseDetail } from '../case-detail-retry';
import { failure, type FormState } from '../form-state';

/** "Retry now" for one case's detail fetch (`id`, `reference` for the message). */
export async function retryCaseDetailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The same kind of operations work as reprocessing deliveries.
  const actor = await requirePermission('deliveries:reprocess');
  const t = await getTranslations('reliability.attention.details');
  const id = formData.get('id');
  const reference = String(formData.get('reference') ?? '');
  const isRetried = typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && (await retryCaseDetail(id, actor));
  if (isRetried) kickJob(CASE_DETAIL_JOB);
  revalidatePath('/admin');
  return isRetried ? { status: 'success', message: t('retried', { reference }) } : failure(t('notRetried'));
}
