'use server';

import { HttpError } from '@/lib/api/errors';
import { requirePermission } from '@/lib/auth/session';
import { deliverSoon } from './deliver';
import { createReply, replySchema, retryReply } from './reply';

/** What the reply form shows after a submit. */
export type ReplyFormState = { status: 'idle' | 'saved' | 'error'; error: string | null; savedId: string | null };

export async function sendReplyAction(
  reference: string,
  _previous: ReplyFormState,
  formData: FormData,
): Promise<ReplyFormState> {
  const viewer = await requirePermission('chat:reply');
  const parsed = replySchema.safeParse({ message: formData.get('message') });
  if (!parsed.success)
    return { status: 'error', error: parsed.error.issues[0]?.message ?? 'Check the message.', savedId: null };
  try {
    const saved = await createReply(viewer, reference, parsed.data.message);
    deliverSoon(saved.id);
    return { status: 'saved', error: null, savedId: saved.id };
  } catch (error) {
    if (error instanceof HttpError) return { status: 'error', error: error.message, savedId: null };
    console.error(error);
    return {
      status: 'error',
      error: 'The reply could not be saved. Your text is still here: try again.',
      savedId: null,
    };
  }
}

export async function retryReplyAction(formData: FormData): Promise<{ error: string | null }> {
  const viewer = await requirePermission('chat:reply');
  try {
    const reply = await retryReply(viewer, String(formData.get('messageId') ?? ''));
    deliverSoon(reply.id);
    return { error: null };
  } catch (error) {
    if (error instanceof HttpError) return { error: error.message };
    console.error(error);
    return { error: 'Could not retry. Try again in a moment.' };
  }
}
