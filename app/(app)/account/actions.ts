'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireSessionUser } from '@/lib/auth/session';
import { readTokenOptions } from '@/lib/auth/token-choices';
import { getTranslations } from 'next-intl/server';
import {
  ApiTokenNotFoundError,
  createApiToken,
  MAX_COLLECTOR_TOKENS,
  revokeApiToken,
  TokenLimitError,
} from '@/lib/auth/tokens';

export type CreateTokenState = { token: string | null; error: string | null };

/** Creates an API token for the signed-in user; the token is returned once, never stored. */
export async function createTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireSessionUser();
  const t = await getTranslations('account.tokens');
  const tokenName = z
    .string()
    .trim()
    .min(1, t('nameMissing'))
    .max(100, t('nameTooLong', { max: 100 }));
  const parsed = tokenName.safeParse(formData.get('name') ?? '');
  if (!parsed.success) return { token: null, error: parsed.error.issues[0].message };
  const options = readTokenOptions(formData);
  if ('invalid' in options) return { token: null, error: t('invalidOption') };
  try {
    const { token } = await createApiToken({ userId: user.id, name: parsed.data, ...options }, { actor: user });
    revalidatePath('/account');
    return { token, error: null };
  } catch (error) {
    if (!(error instanceof TokenLimitError)) throw error;
    const security = await getTranslations('security');
    return { token: null, error: security('tokens.limitReached', { max: MAX_COLLECTOR_TOKENS }) };
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
