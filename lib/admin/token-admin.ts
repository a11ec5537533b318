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
import { readTokenOptions } from '@/lib/auth/token-choices';
import { db } from '@/lib/db';
import { failure, fieldErrorsOf, formValues, type FormState } from './form-state';
import { englishAdminT, type AdminT } from './messages';
import type { Actor } from './user-admin';

/**
 * API tokens for any user, from the admin pages. lib/auth/tokens.ts creates, revokes and
 * audits; the token itself is returned once in the FormState and exists nowhere else
 * (only its hash is stored).
 */

function createSchema(t: AdminT) {
  return z.object({
    userId: z.uuid(t('admin.messages.field.chooseUser')),
    name: z
      .string()
      .trim()
      .min(1, t('admin.messages.field.tokenName'))
      .max(100, t('admin.messages.field.tooLong', { max: 100 })),
  });
}

export async function createTokenFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const values = formValues(formData);
  const parsed = createSchema(t).safeParse(Object.fromEntries(formData.entries()));
  const options = readTokenOptions(formData);
  if (!parsed.success || 'invalid' in options) {
    const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if ('invalid' in options) fieldErrors[options.invalid] = t('admin.messages.field.choose');
    return failure(t('admin.messages.checkFields'), { fieldErrors, values });
  }
  const user = await db.user.findUnique({
    where: { id: parsed.data.userId },
    select: { email: true, disabledAt: true },
  });
  if (!user) {
    const message = t('admin.messages.tokens.noUser');
    return failure(message, { fieldErrors: { userId: message }, values });
  }
  if (user.disabledAt) {
    const message = t('admin.messages.tokens.userDisabled', { email: user.email });
    return failure(message, { fieldErrors: { userId: message }, values });
  }
  let token: string;
  try {
    ({ token } = await createApiToken({ ...parsed.data, ...options }, { actor }));
  } catch (error) {
    if (!(error instanceof TokenLimitError)) throw error;
    return failure(t('admin.messages.tokens.limitReached', { max: MAX_COLLECTOR_TOKENS }), { values });
  }
  return {
    status: 'success',
    message: t('admin.messages.tokens.created', { name: parsed.data.name, email: user.email }),
    token,
  };
}

export async function revokeTokenFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const id = formData.get('id');
  if (typeof id !== 'string') return failure(t('admin.messages.tokens.noneGiven'));
  try {
    await revokeApiToken(id, { actor });
    return { status: 'success', message: t('admin.messages.tokens.revoked') };
  } catch (error) {
    if (error instanceof ApiTokenNotFoundError) return failure(t('admin.messages.tokens.notFound'));
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
    userEmail: byId.get(token.userId)?.email ?? '—',
    userName: byId.get(token.userId)?.name ?? '',
  }));
}
