'use server';

import { revalidatePath } from 'next/cache';
import { requireSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { isLocale } from './locales';

export type ChooseLocaleState = { status: 'idle' | 'saved' | 'invalid' };

/**
 * Saves the signed-in user's language ('' for "browser default"). Every page is rendered
 * again, so the whole app, this form included, answers in the new language at once.
 */
export async function chooseLocaleAction(_previous: ChooseLocaleState, formData: FormData): Promise<ChooseLocaleState> {
  const user = await requireSessionUser();
  const value = formData.get('locale');
  if (value !== '' && !isLocale(value)) return { status: 'invalid' };
  await db.user.update({ where: { id: user.id }, data: { locale: value || null } });
  revalidatePath('/', 'layout');
  return { status: 'saved' };
}
