'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import type { ChatThread } from '@/lib/chat/message-view';
import { useChatThread } from '@/lib/swr/use-chat-thread';
import { ChatMessage } from './chat-message';
import { ReplyForm } from './reply-form';

/**
 * The case chat: refreshed every 2 s (SWR), newest at the bottom. Messages that were unread
 * when they first showed up stay marked "New" for the rest of this visit, even though
 * showing them has marked them read on the server; so do messages that arrive during the
 * visit, even when a live refresh of the page has already counted them read.
 */
export function ChatPanel({
  reference,
  initial,
  canReply,
}: {
  reference: string;
  initial: ChatThread;
  canReply: boolean;
}) {
  const t = useTranslations('chat');
  const { data, error, mutate } = useChatThread(reference, initial);
  const messages = (data ?? initial).messages;

  const [newIds, setNewIds] = useState(
    () => new Set(initial.messages.filter((message) => message.isUnread).map((message) => message.id)),
  );
  const [idsAtArrival] = useState(() => new Set(initial.messages.map((message) => message.id)));
  const [lastData, setLastData] = useState(data);
  if (data !== lastData) {
    // Derived during render (not in an effect), the React way to follow a changing input.
    setLastData(data);
    const arrived = (data?.messages ?? []).filter(
      (message) =>
        !newIds.has(message.id) &&
        (message.isUnread || (message.direction === 'inbound' && !idsAtArrival.has(message.id))),
    );
    if (arrived.length) setNewIds(new Set([...newIds, ...arrived.map((message) => message.id)]));
  }

  const listRef = useRef<HTMLOListElement>(null);
  const count = messages.length;
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count]);

  const refresh = () => void mutate();
  const unread = newIds.size;
  return (
    <Card title={unread ? t('titleNew', { count: unread }) : t('title')} id="chat-heading">
      <div id="chat" className="space-y-3">
        {count === 0 ? (
          <p className="text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ol
            ref={listRef}
            // Focusable so the thread can be scrolled by keyboard.
            tabIndex={0}
            aria-label={t('threadLabel')}
            className="max-h-[28rem] space-y-2 overflow-y-auto p-1 focus-visible:outline-2 focus-visible:outline-slate-900"
            aria-live="polite"
            aria-relevant="additions"
            data-testid="chat-thread"
          >
            {messages.map((message) => (
              <ChatMessage
                key={message.id}
                message={message}
                isNew={newIds.has(message.id)}
                canReply={canReply}
                onChanged={refresh}
              />
            ))}
          </ol>
        )}
        {error ? (
          <p role="alert" className="text-sm text-amber-800">
            {t('refreshFailed', { error: error.message })}
          </p>
        ) : null}
        {canReply ? (
          <ReplyForm reference={reference} onSaved={refresh} />
        ) : (
          <p className="text-sm text-slate-500">{t('readOnly')}</p>
        )}
      </div>
    </Card>
  );
}
