'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/session';
import { deliverSoon } from '@/lib/chat/deliver';
import { CHAT_SENDER_JOB } from '@/lib/chat/job';
import { kickJob } from '@/lib/jobs/runner';
import { retryChatFromForm } from '../chat-retry';
import type { FormState } from '../form-state';

/** Retry one failed reply (`id`) or all of them (`scope=failed`); they are posted right after the answer. */
export async function retryChatAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Reprocessing deliveries and resending replies are the same kind of operations work.
  const actor = await requirePermission('deliveries:reprocess');
  const { state, ids } = await retryChatFromForm(formData, actor);
  // One reply goes out right after the answer; a batch goes to the background sender, which paces it.
  if (ids.length === 1) deliverSoon(ids[0]);
  else if (ids.length > 1) kickJob(CHAT_SENDER_JOB);
  revalidatePath('/admin', 'layout');
  return state;
}
