'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useState } from 'react';
import { ReplyForm } from '@/components/chat/reply-form';
import { Button } from '@/components/ui/button';
import { closeFollowUpAction, type WorkFormState } from '@/lib/work/actions';

const IDLE: WorkFormState = { status: 'idle', error: null, savedAt: 0 };

/** The one-click part of a queue item: answer the chat here, or mark a follow-up done. */
export function QueueItemActions({
  kind,
  reference,
  itemId,
  isReplyOpen,
  onToggleReply,
}: {
  kind: string;
  reference: string;
  itemId: string | null;
  isReplyOpen: boolean;
  onToggleReply: () => void;
}) {
  const t = useTranslations('queue.actions');
  const router = useRouter();
  const [state, dispatch, isPending] = useActionState(closeFollowUpAction.bind(null, reference), IDLE);

  if (kind === 'chat_reply') {
    return (
      <div className="w-full space-y-2">
        <Button type="button" size="sm" variant="secondary" aria-expanded={isReplyOpen} onClick={onToggleReply}>
          {isReplyOpen ? t('closeReply') : t('reply')}
        </Button>
        {isReplyOpen ? <ReplyForm reference={reference} onSaved={() => router.refresh()} /> : null}
      </div>
    );
  }
  if (kind === 'follow_up' && itemId) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          startTransition(() => dispatch(formData));
        }}
      >
        <input type="hidden" name="id" value={itemId} />
        <input type="hidden" name="status" value="done" />
        <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
          {t('markDone')}
        </Button>
        {state.error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {t(`errors.${state.error}`)}
          </p>
        ) : null}
      </form>
    );
  }
  return null;
}

/** Only one reply box open at a time on the queue (each has the same field id). */
export function useSingleOpen(): [string | null, (key: string) => void] {
  const [open, setOpen] = useState<string | null>(null);
  return [open, (key: string) => setOpen((current) => (current === key ? null : key))];
}
