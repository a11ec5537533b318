'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/session';
import type { FormState } from '../form-state';
import { readerAdminT } from '../messages';
import { reprocessFromForm } from '../reprocess';

/** Re-apply one failed event (`id`) or every failed one (`scope=failed`). */
export async function reprocessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission('deliveries:reprocess');
  const state = await reprocessFromForm(formData, actor, await readerAdminT());
  revalidatePath('/admin', 'layout');
  return state;
}
