'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireSessionUser } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import {
  ApiTokenNotFoundError,
  createApiToken,
  MAX_COLLECTOR_TOKENS,
  revokeApiToken,
  TokenLimitError,
} from '@/lib/auth/tokens';

export type CreateTokenState = { token: string | null; error: string | null };

const tokenName = z.string().trim().min(1, 'Give the token a name.').max(100, 'Keep the name under 100 characters.');

/** Creates an API token for the signed-in user; the token is returned once, never stored. */
export async function createTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireSessionUser();
  const parsed = tokenName.safeParse(formData.get('name') ?? '');
  if (!parsed.success) return { token: null, error: parsed.error.issues[0].message };
  try {
    const { token } = await createApiToken({ userId: user.id, name: parsed.data }, { actor: user });
    revalidatePath('/account');
    return { token, error: null };
  } catch (error) {
    if (!(error instanceof TokenLimitError)) throw error;
    const t = await getTranslations('security');
    return { token: null, error: t('tokens.limitReached', { max: MAX_COLLECTOR_TOKENS }) };
  }
}

/** Revokes one of the signed-in user's own tokens (someone else's answers as not found). */
export async function revokeTokenAction(id: string): Promise<void> {
  const user = await requireSessionUser();
  try {
    await revokeApiToken(id, { userId: user.id, actor: user });
  } catch (error) {
    if (!(error instanceof ApiTokenNotFoundError)) throw error;
  }
  revalidatePath('/account');
}
