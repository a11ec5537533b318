'use client';

import { useTranslations } from 'next-intl';
import { useTransition, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { LocalTime } from '@/components/ui/local-time';
import { retryReplyAction } from '@/lib/chat/actions';
import type { ChatMessageView } from '@/lib/chat/message-view';

/**
 * One message. The text is rendered as a React text node, never as HTML: whatever a debtor
 * or creditor typed (`<img onerror=...>` included) shows as the characters they typed.
 */
export function ChatMessage({
  message,
  isNew,
  canReply,
  onChanged,
}: {
  message: ChatMessageView;
  isNew: boolean;
  canReply: boolean;
  onChanged: () => void;
}) {
  const t = useTranslations('chat.message');
  const isOutbound = message.direction === 'outbound';
  const author = message.authorName ?? 'Debitura';
  return (
    <li
      className={cn('flex', isOutbound ? 'justify-end' : 'justify-start')}
      data-testid="chat-message"
      data-direction={message.direction}
      data-status={message.status ?? undefined}
    >
      <article
        aria-label={isOutbound ? t('replyFrom', { name: author }) : t('messageFrom', { name: author })}
        className={cn(
          'max-w-[85%] rounded-lg px-3 py-2 text-sm shadow-sm',
          isOutbound ? 'bg-slate-900 text-white' : 'border border-slate-200 bg-white text-slate-900',
          isNew && 'ring-2 ring-sky-500',
        )}
      >
        <header
          className={cn(
            'mb-1 flex flex-wrap items-baseline gap-x-2 text-xs',
            isOutbound ? 'text-slate-300' : 'text-slate-500',
          )}
        >
          <span className={cn('font-semibold', isOutbound ? 'text-white' : 'text-slate-800')}>{author}</span>
          {message.authorRole && !isOutbound ? <span>{message.authorRole}</span> : null}
          <LocalTime value={message.at} />
          {isNew ? (
            <Badge tone="blue" className="ml-auto">
              {t('new')}
            </Badge>
          ) : null}
        </header>
        <p className="break-words whitespace-pre-wrap" data-testid="chat-text">
          {message.message}
        </p>
        {isOutbound ? <DeliveryStatus message={message} canReply={canReply} onChanged={onChanged} /> : null}
      </article>
    </li>
  );
}

function DeliveryStatus({
  message,
  canReply,
  onChanged,
}: {
  message: ChatMessageView;
  canReply: boolean;
  onChanged: () => void;
}) {
  const t = useTranslations('chat.message');
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const retry = () =>
    startTransition(async () => {
      const formData = new FormData();
      formData.set('messageId', message.id);
      const result = await retryReplyAction(formData);
      setError(result.error);
      onChanged();
    });

  const isRetrying = message.status === 'sending' && message.attempts > 0 && message.lastError;
  return (
    <div className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs" data-testid="delivery-status">
      {message.status === 'sent' ? <span className="text-slate-300">{t('sent')}</span> : null}
      {message.status === 'sending' ? (
        <span className="text-slate-300" title={message.lastError ?? undefined}>
          {isRetrying ? t('retrying') : t('sending')}
        </span>
      ) : null}
      {message.status === 'failed' ? (
        <span className="font-semibold text-red-300" title={message.lastError ?? undefined}>
          {message.lastError ? t('failedWhy', { error: shorten(message.lastError) }) : t('failed')}
        </span>
      ) : null}
      {canReply && (message.status === 'failed' || isRetrying) ? (
        <Button size="sm" variant="secondary" onClick={retry} disabled={isPending} className="px-2 py-0.5 text-xs">
          {isPending ? t('retryPending') : message.status === 'failed' ? t('retry') : t('retryNow')}
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="w-full text-right text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
