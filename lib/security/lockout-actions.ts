'use server';

import { revalidatePath } from 'next/cache';
import { unlock, type Lockout } from '@/lib/auth/lockouts';
import { requirePermission } from '@/lib/auth/session';

const KINDS: readonly Lockout['kind'][] = ['email', 'address', 'global'];

/** Lifts one sign-in lock from the admin overview (audited in lib/auth/lockouts.ts). */
export async function unlockAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('users:manage');
  const kind = formData.get('kind');
  const key = formData.get('key');
  if (typeof key !== 'string' || !KINDS.includes(kind as Lockout['kind'])) return;
  await unlock(kind as Lockout['kind'], key, actor);
  revalidatePath('/admin');
}
