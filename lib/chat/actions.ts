'use server';

import { getTranslations } from 'next-intl/server';
import { ForbiddenError, HttpError, NotFoundError } from '@/lib/api/errors';
import { requirePermission } from '@/lib/auth/session';
import { deliverSoon } from './deliver';
import { createReply, MAX_MESSAGE_LENGTH, replySchema, retryReply } from './reply';

/** What the reply form shows after a submit; `error` is in the reader's language. */
export type ReplyFormState = { status: 'idle' | 'saved' | 'error'; error: string | null; savedId: string | null };

type ChatT = Awaited<ReturnType<typeof getTranslations>>;

/** A refusal from the chat domain in the reader's words (the JSON API keeps its English texts and codes). */
function refusal(t: ChatT, error: HttpError): string {
  if (error instanceof ForbiddenError) return t('errors.forbidden');
  if (error instanceof NotFoundError) return t('errors.notFound');
  return error.message;
}

export async function sendReplyAction(
  reference: string,
  _previous: ReplyFormState,
  formData: FormData,
): Promise<ReplyFormState> {
  const viewer = await requirePermission('chat:reply');
  const t = await getTranslations('chat');
  const parsed = replySchema.safeParse({ message: formData.get('message') });
  if (!parsed.success) {
    const isTooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
    const error = isTooLong ? t('errors.tooLong', { max: MAX_MESSAGE_LENGTH }) : t('errors.empty');
    return { status: 'error', error, savedId: null };
  }
  try {
    const saved = await createReply(viewer, reference, parsed.data.message);
    deliverSoon(saved.id);
    return { status: 'saved', error: null, savedId: saved.id };
  } catch (error) {
    if (error instanceof HttpError) return { status: 'error', error: refusal(t, error), savedId: null };
    console.error(error);
    return { status: 'error', error: t('errors.saveFailed'), savedId: null };
  }
}

export async function retryReplyAction(formData: FormData): Promise<{ error: string | null }> {
  const viewer = await requirePermission('chat:reply');
  const t = await getTranslations('chat');
  try {
    const reply = await retryReply(viewer, String(formData.get('messageId') ?? ''));
    deliverSoon(reply.id);
    return { error: null };
  } catch (error) {
    if (error instanceof HttpError) return { error: refusal(t, error) };
    console.error(error);
    return { error: t('errors.retryFailed') };
  }
}
