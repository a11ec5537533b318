'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/session';
import { deliverBatch, deliverSoon } from '@/lib/outbox/deliver';
import type { FormState } from '../form-state';
import { readerAdminT } from '../messages';
import { retryOutboxFromForm } from '../outbox-retry';

/** Retry one failed action (`id`) or all of them (`scope=failed`); one is sent right after the answer. */
export async function retryOutboxAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Reprocessing deliveries and resending actions are the same kind of operations work.
  const actor = await requirePermission('deliveries:reprocess');
  const { state, ids } = await retryOutboxFromForm(formData, actor, await readerAdminT());
  // One goes out right after the answer; a batch goes to the background sender, which paces it.
  if (ids.length === 1) deliverSoon(ids[0]);
  else if (ids.length > 1) deliverBatch();
  revalidatePath('/admin', 'layout');
  return state;
}
