import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import {
  ApiTokenNotFoundError,
  createApiToken,
  listApiTokens,
  MAX_COLLECTOR_TOKENS,
  revokeApiToken,
  TokenLimitError,
  type ApiTokenSummary,
} from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { failure, fieldErrorsOf, formValues, type FormState } from './form-state';
import type { Actor } from './user-admin';

/**
 * API tokens for any user, from the admin pages. lib/auth/tokens.ts creates, revokes and
 * audits; the token itself is returned once in the FormState and exists nowhere else
 * (only its hash is stored).
 */

const createSchema = z.object({
  userId: z.uuid('Choose a user.'),
  name: z.string().trim().min(1, 'Give the token a name.').max(100, 'At most 100 characters.'),
});

export async function createTokenFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const values = formValues(formData);
  const parsed = createSchema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success)
    return failure('Check the highlighted fields.', { fieldErrors: fieldErrorsOf(parsed.error), values });
  const user = await db.user.findUnique({
    where: { id: parsed.data.userId },
    select: { email: true, disabledAt: true },
  });
  if (!user)
    return failure('That user does not exist.', { fieldErrors: { userId: 'That user does not exist.' }, values });
  if (user.disabledAt) {
    const message = `${user.email} is disabled: enable the user first.`;
    return failure(message, { fieldErrors: { userId: message }, values });
  }
  let token: string;
  try {
    ({ token } = await createApiToken(parsed.data, { actor }));
  } catch (error) {
    if (!(error instanceof TokenLimitError)) throw error;
    const t = await getTranslations('security');
    return failure(t('tokens.limitReached', { max: MAX_COLLECTOR_TOKENS }), { values });
  }
  return { status: 'success', message: `Token "${parsed.data.name}" created for ${user.email}.`, token };
}

export async function revokeTokenFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const id = formData.get('id');
  if (typeof id !== 'string') return failure('No token given.');
  try {
    await revokeApiToken(id, { actor });
    return { status: 'success', message: 'Token revoked.' };
  } catch (error) {
    if (error instanceof ApiTokenNotFoundError) return failure('That token does not exist.');
    throw error;
  }
}

export type TokenRow = ApiTokenSummary & { userEmail: string; userName: string };

/** Every user's tokens, newest first, with whose they are. */
export async function listAllTokens(): Promise<TokenRow[]> {
  const [tokens, users] = await Promise.all([
    listApiTokens(),
    db.user.findMany({ select: { id: true, email: true, name: true } }),
  ]);
  const byId = new Map(users.map((user) => [user.id, user]));
  return tokens.map((token) => ({
    ...token,
    userEmail: byId.get(token.userId)?.email ?? '(deleted user)',
    userName: byId.get(token.userId)?.name ?? '',
  }));
}
